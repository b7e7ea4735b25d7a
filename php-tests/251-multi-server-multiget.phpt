--TEST--
Two-server pool: multi-get returns every hit from both servers (values, flags and cas arrays), misses left out
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$pool = test_connect_pool();
$values = [];
for ($i = 0; $i < 30; $i++) {
    $values["251_k$i"] = $i % 3 == 0 ? $i : ($i % 3 == 1 ? "s$i" : [$i]);
}
$n = 0;
foreach ($values as $k => $v) $pool->set($k, $v, $n++ % 2 ? MEMCACHE_USER1 : 0);
$servers = array_count_values(array_map(fn($k) => $pool->findServer($k), array_keys($values)));
var_dump(count($servers));   // both servers hold some of the keys

$keys = array_merge(array_keys($values), ['251_missing_a', '251_missing_b']);
shuffle($keys);
$flags = null; $cas = null;
$got = $pool->get($keys, $flags, $cas);
ksort($got);
$expect = $values;
ksort($expect);
var_dump($got === $expect);
var_dump(count($got), count($flags), count($cas));
var_dump(isset($got['251_missing_a']), isset($flags['251_missing_a']));
var_dump($flags['251_k0'], $flags['251_k1'], $flags['251_k2'], $flags['251_k3']);
var_dump(count(array_filter($cas, fn($c) => is_int($c) && $c > 0)));

// the same through memcache_get and through one-server clients
$got2 = memcache_get($pool, array_keys($values));
var_dump(count($got2));
$one = test_connect1();
$two = new Memcache;
$two->addServer($host2, $port2);
$a = $one->get(array_keys($values));
$b = $two->get(array_keys($values));
var_dump(count($a) + count($b), count(array_intersect_key($a, $b)));

// only misses: empty array, by-ref args untouched
$f = 'untouched';
var_dump($pool->get(['251_missing_a', '251_missing_b'], $f), $f);
// duplicates collapse
var_dump($pool->get(['251_k1', '251_k1', '251_k4']));
$pool->set('251000', 'num');
var_dump($pool->get(['251000']));

foreach (array_keys($values) as $k) $pool->delete($k);
$pool->delete('251000');
?>
--EXPECT--
int(2)
bool(true)
int(30)
int(30)
int(30)
bool(false)
bool(false)
int(768)
int(65536)
int(1)
int(66304)
int(30)
int(30)
int(30)
int(0)
array(0) {
}
string(9) "untouched"
array(2) {
  ["251_k1"]=>
  string(2) "s1"
  ["251_k4"]=>
  string(2) "s4"
}
array(1) {
  [251000]=>
  string(3) "num"
}
