--TEST--
findServer(): the C extension's answers (localhost:11211 + localhost:11212) for all four hash_strategy x hash_function combinations
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// findServer does no network I/O, so the servers need not exist
$keys = ['foo', 'bar', 'baz', 'key1_abc', 'key2_abcde', 'user:1', 'user:2', 'session', 'test_key',
         'hello world', 'a', 'apple', 'banana', 'cache:page:1', 'counter'];
foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
    ini_set('memcache.hash_strategy', $s);
    ini_set('memcache.hash_function', $f);
    foreach ([new MemcachePool, new Memcache] as $i => $m) {
        $m->addServer('localhost', 11211);
        $m->addServer('localhost', 11212);
        $r = [];
        foreach ($keys as $k) {
            $r[] = substr($m->findServer($k), -2);
        }
        echo "$s/$f/", get_class($m), ": ", implode(',', $r), "\n";
    }
}

// the first table row in full
ini_set('memcache.hash_strategy', 'consistent');
ini_set('memcache.hash_function', 'crc32');
$m = new MemcachePool;
$m->addServer('localhost', 11211);
$m->addServer('localhost', 11212);
var_dump($m->findServer('foo'), $m->findServer('hello world'), $m->findServer('hello_world'));
// host strings are hashed as given: 127.0.0.1 builds a different ring than localhost
$n = new MemcachePool;
$n->addServer('127.0.0.1', 11211);
$n->addServer('127.0.0.1', 11212);
$diff = 0;
foreach ($keys as $k) {
    if (substr($n->findServer($k), -5) !== substr($m->findServer($k), -5)) $diff++;
}
var_dump($diff > 0);
?>
--EXPECT--
consistent/crc32/MemcachePool: 12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
consistent/crc32/Memcache: 12,12,12,12,11,12,11,11,12,11,11,12,12,11,12
consistent/fnv/MemcachePool: 12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
consistent/fnv/Memcache: 12,12,11,12,12,12,11,12,12,11,12,12,12,12,12
standard/crc32/MemcachePool: 12,12,11,11,12,12,11,11,12,11,12,11,12,11,11
standard/crc32/Memcache: 12,12,11,11,12,12,11,11,12,11,12,11,12,11,11
standard/fnv/MemcachePool: 12,12,12,12,11,11,11,12,11,12,11,11,11,12,11
standard/fnv/Memcache: 12,12,12,12,11,11,11,12,11,12,11,11,11,12,11
string(15) "localhost:11212"
string(15) "localhost:11211"
string(15) "localhost:11211"
bool(true)
