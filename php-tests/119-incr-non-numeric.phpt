--TEST--
increment()/decrement() on a non-numeric value: false plus CLIENT_ERROR notice, server stays up (spec §3.5)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('k119_s', 'abc'));
var_dump($m->set('k119_neg', -5));        // "-5" is not an unsigned counter for memcached
var_dump($m->set('k119_f', 7.5));
var_dump($m->set('k119_ok', 1));

var_dump($m->increment('k119_s'));
var_dump($m->getServerStatus($host, $port));
var_dump($m->decrement('k119_s', 2));
var_dump(memcache_increment($m, 'k119_s'));
var_dump($m->increment('k119_neg'));
var_dump($m->decrement('k119_f'));

// the value is unchanged, the connection still works
var_dump($m->get('k119_s'));
var_dump($m->increment('k119_ok'));
var_dump($m->getServerStatus($host, $port));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)

Notice: MemcachePool::increment(): Server %s (tcp %d, udp 0) failed with: CLIENT_ERROR cannot increment or decrement non-numeric value (6) in %s on line %d
bool(false)
int(1)

Notice: MemcachePool::decrement(): Server %s (tcp %d, udp 0) failed with: CLIENT_ERROR cannot increment or decrement non-numeric value (6) in %s on line %d
bool(false)

Notice: memcache_increment(): Server %s (tcp %d, udp 0) failed with: CLIENT_ERROR cannot increment or decrement non-numeric value (6) in %s on line %d
bool(false)

Notice: MemcachePool::increment(): Server %s (tcp %d, udp 0) failed with: CLIENT_ERROR cannot increment or decrement non-numeric value (6) in %s on line %d
bool(false)

Notice: MemcachePool::decrement(): Server %s (tcp %d, udp 0) failed with: CLIENT_ERROR cannot increment or decrement non-numeric value (6) in %s on line %d
bool(false)
string(3) "abc"
int(2)
int(1)
