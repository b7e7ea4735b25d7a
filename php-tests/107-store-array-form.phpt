--TEST--
set/add/replace with an array of key => value: aggregate result, empty array false, invalid entries skipped with warning
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
foreach (['k107_a', 'k107_b', '1070', 'k107_new', 'k107_new2', 'k107_zz', 'k107_f1', 'k107_sp'] as $k) { $m->delete($k); }

echo "-- empty array --\n";
var_dump($m->set([]));
var_dump($m->set([], 'value ignored'));
var_dump(memcache_set($m, []));
var_dump($m->add([]));

echo "-- all entries invalid --\n";
var_dump($m->set(['' => 1]));

echo "-- invalid entry skipped, rest stored --\n";
var_dump($m->set(['' => 1, 'k107_a' => 2]));
var_dump($m->get('k107_a'));

echo "-- int array keys become decimal keys, \$value ignored --\n";
var_dump($m->set([1070 => 'int-key', 'k107_b' => 'b'], 'ignored'));
var_dump($m->get('1070'));
var_dump($m->get(1070));
var_dump($m->get('k107_b'));

echo "-- bad flags: every entry skipped with a warning --\n";
var_dump($m->set(['k107_f1' => 'a', 'k107_f2' => 'b'], null, 0x10));
var_dump($m->get('k107_f1'));

echo "-- flags apply to every entry --\n";
var_dump($m->set(['k107_a' => 'u', 'k107_b' => 7], null, MEMCACHE_USER3));
var_dump($m->get(['k107_a', 'k107_b'], $fl));
var_dump($fl);

echo "-- one failing entry makes the whole result false, others still stored --\n";
var_dump($m->add(['k107_b' => 'x', 'k107_new' => 'n']));
var_dump($m->add(['k107_new2' => 'n', 'k107_b' => 'x']));
var_dump($m->get(['k107_b', 'k107_new', 'k107_new2']));
var_dump($m->replace(['k107_a' => 'U', 'k107_zz' => 1]));
var_dump($m->get('k107_a'), $m->get('k107_zz'));
var_dump($m->replace(['k107_a' => 'U2', 'k107_b' => 'B2']));
var_dump($m->get(['k107_a', 'k107_b']));

echo "-- keys are prepared like single keys --\n";
var_dump($m->set(['k107 sp' => 'sp']));
var_dump($m->get('k107_sp'));

echo "-- procedural --\n";
var_dump(memcache_set($m, ['k107_a' => 1.5, 'k107_b' => true]));
var_dump(memcache_get($m, ['k107_a', 'k107_b']));
var_dump(memcache_add($m, ['' => 'x']));
?>
--EXPECTF--
-- empty array --
bool(false)
bool(false)
bool(false)
bool(false)
-- all entries invalid --

Warning: MemcachePool::set(): Invalid key in %s on line %d
bool(false)
-- invalid entry skipped, rest stored --

Warning: MemcachePool::set(): Invalid key in %s on line %d
bool(true)
int(2)
-- int array keys become decimal keys, $value ignored --
bool(true)
string(7) "int-key"
string(7) "int-key"
string(1) "b"
-- bad flags: every entry skipped with a warning --

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)
bool(false)
-- flags apply to every entry --
bool(true)
array(2) {
  ["k107_a"]=>
  string(1) "u"
  ["k107_b"]=>
  int(7)
}
array(2) {
  ["k107_a"]=>
  int(262144)
  ["k107_b"]=>
  int(262912)
}
-- one failing entry makes the whole result false, others still stored --
bool(false)
bool(false)
array(3) {
  ["k107_b"]=>
  int(7)
  ["k107_new"]=>
  string(1) "n"
  ["k107_new2"]=>
  string(1) "n"
}
bool(false)
string(1) "U"
bool(false)
bool(true)
array(2) {
  ["k107_a"]=>
  string(2) "U2"
  ["k107_b"]=>
  string(2) "B2"
}
-- keys are prepared like single keys --
bool(true)
string(2) "sp"
-- procedural --
bool(true)
array(2) {
  ["k107_a"]=>
  float(1.5)
  ["k107_b"]=>
  bool(true)
}

Warning: memcache_add(): Invalid key in %s on line %d
bool(false)
