--TEST--
INI: hash_strategy/hash_function are captured when the pool is created (first addServer), later ini_set does not affect that pool
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function pool($class = 'MemcachePool') {
    $m = new $class;
    $m->addServer('localhost', 11211);
    $m->addServer('localhost', 11212);
    return $m;
}

// `new` alone does not capture anything: the pool is created by the first addServer
$early = new Memcache;
ini_set('memcache.hash_function', 'fnv');
$early->addServer('localhost', 11211);
$early->addServer('localhost', 11212);
$fnv = pool();
ini_set('memcache.hash_function', 'crc32');
echo "early (fnv):   ", test_key_map($early), "\n";
echo "fnv pool:      ", test_key_map($fnv), "\n";
echo "crc32 pool:    ", test_key_map(pool()), "\n";
ini_set('memcache.hash_function', 'fnv');
echo "crc32->fnv:    ", test_key_map(pool()), "\n";

// adding a server later still uses the pool's own hash function
ini_set('memcache.hash_function', 'crc32');
$fnv->addServer('localhost', 11213);
ini_set('memcache.hash_function', 'fnv');
$ref = pool();
$ref->addServer('localhost', 11213);
ini_set('memcache.hash_function', 'crc32');
var_dump(test_key_map($fnv) === test_key_map($ref));

echo "-- strategy --\n";
ini_set('memcache.hash_strategy', 'standard');
$std = pool('Memcache');
ini_set('memcache.hash_strategy', 'consistent');
echo "standard pool: ", test_key_map($std), "\n";
echo "consistent:    ", test_key_map(pool('Memcache')), "\n";

// case-insensitive values are honoured
ini_set('memcache.hash_strategy', 'STANDARD');
ini_set('memcache.hash_function', 'FNV');
echo "STANDARD/FNV:  ", test_key_map(pool()), "\n";
?>
--EXPECT--
early (fnv):   12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
fnv pool:      12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
crc32 pool:    12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
crc32->fnv:    12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
bool(true)
-- strategy --
standard pool: 12,12,11,11,12,12,11,11,12,11,12,11,12,11,11
consistent:    12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
STANDARD/FNV:  12,12,12,12,11,11,11,12,11,12,11,11,11,12,11
