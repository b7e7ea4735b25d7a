--TEST--
Read errors: bad zlib data gives "Failed to uncompress data", bad serialized data gives "Failed to unserialize data"; both are misses
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_set($key, $flags, $data) {
    return test_raw_set($key, $flags, $data);
}

$m = test_connect1();
var_dump(raw_set('k129_gz', 2, 'not zlib data'));
var_dump(raw_set('k129_deflate', 2, gzdeflate('hello')));    // raw deflate is not accepted
var_dump(raw_set('k129_ser', 1, 'a:1:{i:0;'));
var_dump(raw_set('k129_ser2', 1, 'garbage'));
var_dump(raw_set('k129_sergz', 3, gzcompress('garbage')));   // decompresses, then fails to unserialize
var_dump(raw_set('k129_ok', 0, 'fine'));

echo "-- single get --\n";
$flags = 'untouched';
var_dump($m->get('k129_gz', $flags));
var_dump($flags);
var_dump($m->get('k129_deflate'));
var_dump(memcache_get($m, 'k129_ser'));
var_dump($m->get('k129_ser2'));
var_dump($m->get('k129_sergz'));

echo "-- multi get: the broken items are left out --\n";
$flags = null;
var_dump($m->get(['k129_ok', 'k129_gz', 'k129_ser'], $flags));
var_dump($flags);

echo "-- the connection is still fine --\n";
var_dump($m->getServerStatus($host, $port));
var_dump($m->get('k129_ok'));

echo "-- prepend corrupts a serialized item; append leaves a decodable prefix --\n";
var_dump($m->set('k129_arr', [1, 2]));
var_dump($m->prepend('k129_arr', 'x'));
var_dump($m->get('k129_arr'));
var_dump($m->set('k129_arr2', [1, 2]));
var_dump($m->append('k129_arr2', 'zz'));
var_dump($m->get('k129_arr2'));
echo "-- prepending to compressed data breaks it; appended bytes after the zlib stream are ignored --\n";
var_dump($m->set('k129_comp', str_repeat('c', 100), MEMCACHE_COMPRESSED));
var_dump($m->prepend('k129_comp', 'head'));
var_dump($m->get('k129_comp'));
var_dump($m->set('k129_comp2', str_repeat('c', 100), MEMCACHE_COMPRESSED));
var_dump($m->append('k129_comp2', 'tail'));
var_dump($m->get('k129_comp2') === str_repeat('c', 100));
?>
--EXPECTF--
string(6) "STORED"
string(6) "STORED"
string(6) "STORED"
string(6) "STORED"
string(6) "STORED"
string(6) "STORED"
-- single get --

Notice: MemcachePool::get(): Failed to uncompress data in %s on line %d
bool(false)
string(9) "untouched"

Notice: MemcachePool::get(): Failed to uncompress data in %s on line %d
bool(false)

Notice: memcache_get(): Failed to unserialize data in %s on line %d
bool(false)

Notice: MemcachePool::get(): Failed to unserialize data in %s on line %d
bool(false)

Notice: MemcachePool::get(): Failed to unserialize data in %s on line %d
bool(false)
-- multi get: the broken items are left out --

Notice: MemcachePool::get(): Failed to uncompress data in %s on line %d

Notice: MemcachePool::get(): Failed to unserialize data in %s on line %d
array(1) {
  ["k129_ok"]=>
  string(4) "fine"
}
array(1) {
  ["k129_ok"]=>
  int(0)
}
-- the connection is still fine --
int(1)
string(4) "fine"
-- prepend corrupts a serialized item; append leaves a decodable prefix --
bool(true)
bool(true)

Notice: MemcachePool::get(): Failed to unserialize data in %s on line %d
bool(false)
bool(true)
bool(true)
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
-- prepending to compressed data breaks it; appended bytes after the zlib stream are ignored --
bool(true)
bool(true)

Notice: MemcachePool::get(): Failed to uncompress data in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
