--TEST--
delete() with an array of keys: single bool, true only if every key was deleted, empty array false, invalid entries skipped
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k116_miss');

var_dump($m->delete([]));
var_dump(memcache_delete($m, []));

$m->set('k116_a', 'a'); $m->set('k116_b', 'b');
var_dump($m->delete(['k116_a', 'k116_b']));
var_dump($m->get(['k116_a', 'k116_b']));
var_dump($m->delete(['k116_a', 'k116_b']));      // both missing

echo "-- one miss makes it false, the hits are still deleted --\n";
$m->set('k116_a', 'a');
var_dump($m->delete(['k116_a', 'k116_miss']));
var_dump($m->get('k116_a'));
$m->set('k116_a', 'a');
var_dump($m->delete(['k116_miss', 'k116_a']));
var_dump($m->get('k116_a'));
$m->set('k116_a', 'a');
var_dump($m->delete(['k116_a', 'k116_a']));      // second one is a miss

echo "-- invalid entries skipped with a warning --\n";
$m->set('k116_a', 'a');
var_dump($m->delete(['', 'k116_a']));
var_dump($m->get('k116_a'));
var_dump($m->delete(['']));

echo "-- values are the keys, exptime ignored, procedural --\n";
$m->set('k116_a', 'a'); $m->set('k116_b', 'b'); $m->set('k116_kx', 'survives');
var_dump(memcache_delete($m, ['k116_kx' => 'k116_a', 'k116_ky' => 'k116_b'], 30));
var_dump($m->get(['k116_a', 'k116_b', 'k116_kx']));
?>
--EXPECTF--
bool(false)
bool(false)
bool(true)
array(0) {
}
bool(false)
-- one miss makes it false, the hits are still deleted --
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
-- invalid entries skipped with a warning --

Warning: MemcachePool::delete(): Invalid key in %s on line %d
bool(true)
bool(false)

Warning: MemcachePool::delete(): Invalid key in %s on line %d
bool(false)
-- values are the keys, exptime ignored, procedural --
bool(true)
array(1) {
  ["k116_kx"]=>
  string(8) "survives"
}
