--TEST--
INI: close() re-creates the pool's hashing from the INI values current at close() time (not at the later re-add)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function readd($m) {
    $m->addServer('localhost', 11211);
    $m->addServer('localhost', 11212);
}

// created with crc32, closed while fnv is set, re-added after going back to crc32: fnv
$m = new Memcache;
readd($m);
echo "crc32:               ", test_key_map($m), "\n";
ini_set('memcache.hash_function', 'fnv');
echo "after ini_set(fnv):  ", test_key_map($m), "\n";
var_dump($m->close());
ini_set('memcache.hash_function', 'crc32');
readd($m);
echo "closed under fnv:    ", test_key_map($m), "\n";

// and back: closed under crc32, re-added under fnv: crc32
var_dump($m->close());
ini_set('memcache.hash_function', 'fnv');
readd($m);
echo "closed under crc32:  ", test_key_map($m), "\n";
ini_set('memcache.hash_function', 'crc32');

// strategy too
$p = new MemcachePool;
readd($p);
ini_set('memcache.hash_strategy', 'standard');
$p->close();
ini_set('memcache.hash_strategy', 'consistent');
readd($p);
echo "closed under standard: ", test_key_map($p), "\n";

// memcache_close behaves the same
ini_set('memcache.hash_strategy', 'standard');
ini_set('memcache.hash_function', 'fnv');
memcache_close($p);
ini_set('memcache.hash_strategy', 'consistent');
ini_set('memcache.hash_function', 'crc32');
readd($p);
echo "standard/fnv:          ", test_key_map($p), "\n";
?>
--EXPECT--
crc32:               12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
after ini_set(fnv):  12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
bool(true)
closed under fnv:    12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
bool(true)
closed under crc32:  12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
closed under standard: 12,12,11,11,12,12,11,11,12,11,12,11,12,11,11
standard/fnv:          12,12,12,12,11,11,11,12,11,12,11,11,11,12,11
