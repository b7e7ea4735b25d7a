--TEST--
Empty keys ("" / null / false) give "Invalid key" warning and false for every data operation, OO and procedural; array forms skip them
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();

echo "-- methods --\n";
var_dump($m->set('', 1));
var_dump($m->add('', 1));
var_dump($m->replace('', 1));
var_dump($m->cas('', 1, 0, 0, 1));
var_dump($m->append('', 1));
var_dump($m->prepend('', 1));
$flags = 'untouched';
var_dump($m->get('', $flags));
var_dump($flags);
var_dump($m->delete(''));
var_dump($m->increment(''));
var_dump($m->decrement(''));

echo "-- null and false convert to the empty string --\n";
var_dump($m->set(null, 1));
var_dump($m->get(false));
var_dump($m->delete(null));

echo "-- functions --\n";
var_dump(memcache_set($m, '', 1));
var_dump(memcache_add($m, '', 1));
var_dump(memcache_replace($m, '', 1));
var_dump(memcache_cas($m, '', 1, 0, 0, 1));
var_dump(memcache_append($m, '', 1));
var_dump(memcache_prepend($m, '', 1));
var_dump(memcache_get($m, ''));
var_dump(memcache_delete($m, ''));
var_dump(memcache_increment($m, ''));
var_dump(memcache_decrement($m, ''));

echo "-- arrays: empty entries skipped --\n";
var_dump($m->set('k137', 'v'));
var_dump($m->get(['', null, false, 'k137']));
var_dump($m->set(['' => 1]));

echo "-- whitespace-only keys are not empty: they become underscores --\n";
var_dump($m->set(' ', 'k137-space'));
var_dump($m->get('_'));
var_dump($m->get("\t"));
?>
--EXPECTF--
-- methods --

Warning: MemcachePool::set(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::add(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::replace(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::cas(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::append(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::prepend(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::get(): Invalid key in %s on line %d
bool(false)
string(9) "untouched"

Warning: MemcachePool::delete(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::increment(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::decrement(): Invalid key in %s on line %d
bool(false)
-- null and false convert to the empty string --

Warning: MemcachePool::set(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::get(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::delete(): Invalid key in %s on line %d
bool(false)
-- functions --

Warning: memcache_set(): Invalid key in %s on line %d
bool(false)

Warning: memcache_add(): Invalid key in %s on line %d
bool(false)

Warning: memcache_replace(): Invalid key in %s on line %d
bool(false)

Warning: memcache_cas(): Invalid key in %s on line %d
bool(false)

Warning: memcache_append(): Invalid key in %s on line %d
bool(false)

Warning: memcache_prepend(): Invalid key in %s on line %d
bool(false)

Warning: memcache_get(): Invalid key in %s on line %d
bool(false)

Warning: memcache_delete(): Invalid key in %s on line %d
bool(false)

Warning: memcache_increment(): Invalid key in %s on line %d
bool(false)

Warning: memcache_decrement(): Invalid key in %s on line %d
bool(false)
-- arrays: empty entries skipped --
bool(true)

Warning: MemcachePool::get(): Invalid key in %s on line %d

Warning: MemcachePool::get(): Invalid key in %s on line %d

Warning: MemcachePool::get(): Invalid key in %s on line %d
array(1) {
  ["k137"]=>
  string(1) "v"
}

Warning: MemcachePool::set(): Invalid key in %s on line %d
bool(false)
-- whitespace-only keys are not empty: they become underscores --
bool(true)
string(10) "k137-space"
string(10) "k137-space"
