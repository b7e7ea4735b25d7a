--TEST--
Store $flags: reserved low 16 bits rejected with warning, user bits and COMPRESSED accepted, values >= 2^32 truncated
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    $item = test_raw_get($key);
    return $item === null ? 'MISS' : "$item[0] $item[1]";
}

$m = test_connect1();
var_dump($m->set('k109', 'orig'));

echo "-- reserved bits --\n";
foreach ([0x1, 0x10, 0x100, 0x300, 0x8000, 0xFFFF, 0x3, -1, 0xFFFFFFFF, 0x100000010] as $f) {
    var_dump($m->set('k109', 'bad', $f));
}
var_dump(memcache_set($m, 'k109', 'bad', 0x4));
var_dump($m->add('k109_new', 'bad', 0x10));
var_dump($m->replace('k109', 'bad', 0x10));
var_dump($m->append('k109', 'bad', 0x10));
var_dump($m->cas('k109', 'bad', 0x10, 0, 1));
// nothing was stored
var_dump($m->get('k109'));
var_dump($m->get('k109_new'));

echo "-- allowed bits --\n";
var_dump($m->set('k109', 'abc', MEMCACHE_USER1));
var_dump(raw_get('k109'));
var_dump($m->set('k109', 'abc', 0xFFFF0000));
var_dump(raw_get('k109'));
var_dump($m->set('k109', 'abc', MEMCACHE_COMPRESSED | MEMCACHE_USER4));
var_dump(raw_get('k109'));
// bits above 32 are dropped
var_dump($m->set('k109', 'abc', 0x100000000 | MEMCACHE_USER2));
var_dump(raw_get('k109'));
var_dump($m->set('k109', 'abc', 0x100000000));
var_dump(raw_get('k109'));
var_dump($m->get('k109', $flags));
var_dump($flags);
?>
--EXPECTF--
bool(true)
-- reserved bits --

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: memcache_set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::add(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::replace(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::append(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)

Warning: MemcachePool::cas(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)
string(4) "orig"
bool(false)
-- allowed bits --
bool(true)
string(9) "65536 abc"
bool(true)
string(14) "4294901760 abc"
bool(true)
string(10) "524288 abc"
bool(true)
string(10) "131072 abc"
bool(true)
string(5) "0 abc"
string(3) "abc"
int(0)
