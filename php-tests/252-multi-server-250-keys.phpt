--TEST--
Two-server pool: 250-key array set, multi-get and array delete (OO and procedural)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$pool = test_connect_pool();
$data = [];
for ($i = 0; $i < 250; $i++) $data["252_key_$i"] = "value_$i" . str_repeat('x', $i);
$keys = array_keys($data);

var_dump($pool->set($data));
$where = array_count_values(array_map(fn($k) => $pool->findServer($k), $keys));
var_dump(count($where), array_sum($where));

$got = $pool->get($keys);
ksort($got); ksort($data);
var_dump(count($got), $got === $data);

// each server holds exactly the keys findServer names for it
$one = test_connect1();
$two = new Memcache;
$two->addServer($host2, $port2);
var_dump(count($one->get($keys)) === $where["$host:$port"], count($two->get($keys)) === $where["$host2:$port2"]);

var_dump($pool->delete($keys));
var_dump($pool->get($keys));
var_dump($pool->delete($keys));   // all missing now: false

echo "-- procedural, ints, add --\n";
$ints = [];
for ($i = 0; $i < 250; $i++) $ints["252_int_$i"] = $i * 7;
var_dump(memcache_set($pool, $ints, null, 0, 60));
var_dump(memcache_add($pool, $ints));          // all exist: false
$g = memcache_get($pool, array_keys($ints));
ksort($g); ksort($ints);
var_dump($g === $ints);
var_dump(memcache_delete($pool, array_keys($ints)));
var_dump(count($pool->get(array_keys($ints))));
?>
--EXPECT--
bool(true)
int(2)
int(250)
int(250)
bool(true)
bool(true)
bool(true)
bool(true)
array(0) {
}
bool(false)
-- procedural, ints, add --
bool(true)
bool(false)
bool(true)
bool(true)
int(0)
