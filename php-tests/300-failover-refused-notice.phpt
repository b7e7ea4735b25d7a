--TEST--
Failover on, refused port in a two-server pool: every key is stored and read (single and multi-key), exactly one notice for the dead server, its keys move to the live one
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
$live = "$host:$port";
$dead = "$nonExistingHost:$nonExistingPort";

// 40 keys; remember where each one maps before anything has failed
$keys = [];
for ($i = 0; $i < 40; $i++) {
    $keys["300_k$i"] = $m->findServer("300_k$i");
}
$onDead = array_keys($keys, $dead, true);
$onLive = array_keys($keys, $live, true);
var_dump(count($onDead) > 0, count($onLive) > 0);
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));   // not tried yet: 1

echo "-- single-key set/get --\n";
$ok = 0;
foreach ($keys as $k => $_) {
    $ok += $m->set($k, "v:$k") === true;
}
var_dump($ok === count($keys));
$ok = 0;
foreach ($keys as $k => $_) {
    $ok += $m->get($k) === "v:$k";
}
var_dump($ok === count($keys));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->getServerStatus($host, $port));

// findServer now names the live server for every key
$moved = 0;
foreach ($keys as $k => $_) {
    $moved += $m->findServer($k) === $live;
}
var_dump($moved === count($keys));

echo "-- multi-key --\n";
$expect = [];
foreach ($keys as $k => $_) {
    $expect[$k] = "v:$k";
}
var_dump($m->get(array_keys($keys)) == $expect);
$arr = [];
foreach ($keys as $k => $_) {
    $arr[$k] = "w:$k";
}
var_dump($m->set($arr));
var_dump($m->get(array_keys($keys)) == $arr);
// string value "w:..." is not numeric: a notice naming the live server, memcached's text per protocol
[$r, $errors] = test_collect_errors(fn() => $m->increment('300_k0'));
var_dump($r);
check_per_protocol('increment notice', $errors,
    [test_failure_notice('MemcachePool::increment', 'CLIENT_ERROR cannot increment or decrement non-numeric value', 6)],
    [test_failure_notice('MemcachePool::increment', 'Non-numeric server-side value for incr or decr', 6)]);
var_dump($m->set('300_n', 5), $m->increment('300_n', 3), $m->decrement('300_n'));

echo "-- the dead server's keys really are on the live server --\n";
$single = new Memcache;
$single->connect($host, $port);
var_dump($single->get($onDead) == array_intersect_key($arr, array_flip($onDead)));

echo "-- deletes --\n";
var_dump($m->delete(array_keys($keys)));
var_dump($m->delete('300_n'));
var_dump($m->get(array_keys($keys)));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
?>
--EXPECTF--
bool(true)
bool(true)
int(1)
-- single-key set/get --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(true)
int(0)
int(1)
bool(true)
-- multi-key --
bool(true)
bool(true)
bool(true)
bool(false)
increment notice: ok
bool(true)
int(8)
int(7)
-- the dead server's keys really are on the live server --
bool(true)
-- deletes --
bool(true)
bool(true)
array(0) {
}
int(0)
