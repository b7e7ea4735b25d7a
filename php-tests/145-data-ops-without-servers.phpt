--TEST--
Data operations without a pool warn "No servers added to memcache connection"; after close() they return false silently
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache();
var_dump($m->set('k145', 1));
var_dump($m->add('k145', 1));
var_dump($m->get('k145'));
var_dump($m->get(['k145']));
var_dump($m->delete('k145'));
var_dump($m->increment('k145'));
var_dump($m->decrement(['k145']));
var_dump($m->set(['k145' => 1]));
var_dump(memcache_get($m, 'k145'));
var_dump(memcache_set($m, 'k145', 1));

echo "-- after close(): silent false --\n";
$m = test_connect1();
var_dump($m->set('k145', 'v'));
var_dump($m->close());
$flags = 'untouched';
var_dump($m->get('k145', $flags), $flags);
var_dump($m->set('k145', 1));
var_dump($m->get(['k145']));
var_dump($m->delete('k145'));
var_dump($m->increment('k145'));
var_dump($m->set(['k145' => 1]));
var_dump(memcache_get($m, 'k145'));
?>
--EXPECTF--
Warning: MemcachePool::set(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::add(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::delete(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::increment(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::decrement(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::set(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: memcache_get(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: memcache_set(): No servers added to memcache connection in %s on line %d
bool(false)
-- after close(): silent false --
bool(true)
bool(true)
bool(false)
string(9) "untouched"
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
