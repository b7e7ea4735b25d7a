--TEST--
Values above memcached's 1 MB item limit: false plus "object too large" notice, server stays up, no hang (spec §3.2)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k110_big');
$m->delete('k110_big3');
$big = random_bytes(1500000);          // incompressible, so auto-compression cannot save it

$t = microtime(true);
var_dump($m->set('k110_big', $big));
var_dump($m->get('k110_big'));
// the server is NOT marked failed, next commands work on the same pool
var_dump($m->getServerStatus($host, $port));
var_dump($m->set('k110_small', 'small'));
var_dump($m->get('k110_small'));

var_dump($m->add('k110_big3', $big));
var_dump(memcache_set($m, 'k110_big', $big));

// array form: the too-large entry fails the aggregate, the other entry is stored
var_dump($m->set(['k110_big' => $big, 'k110_small2' => 'x']));
var_dump($m->get('k110_small2'));

// a compressible 1.5 MB value fits once auto-compressed (above the 20000 byte threshold)
$c = str_repeat('a', 1500000);
var_dump($m->set('k110_comp', $c));
var_dump($m->get('k110_comp') === $c);
// with automatic compression disabled it is too large again
var_dump($m->setCompressThreshold(0));
var_dump($m->set('k110_comp2', $c));
var_dump($m->get('k110_comp2'));
var_dump($m->getServerStatus($host, $port));
var_dump(microtime(true) - $t < 5);
?>
--EXPECTF--
Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: SERVER_ERROR object too large for cache (3) in %s on line %d
bool(false)
bool(false)
int(1)
bool(true)
string(5) "small"

Notice: MemcachePool::add(): Server %s (tcp %d, udp 0) failed with: SERVER_ERROR object too large for cache (3) in %s on line %d
bool(false)

Notice: memcache_set(): Server %s (tcp %d, udp 0) failed with: SERVER_ERROR object too large for cache (3) in %s on line %d
bool(false)

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: SERVER_ERROR object too large for cache (3) in %s on line %d
bool(false)
string(1) "x"
bool(true)
bool(true)
bool(true)

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: SERVER_ERROR object too large for cache (3) in %s on line %d
bool(false)
bool(false)
int(1)
bool(true)
