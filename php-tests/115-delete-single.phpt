--TEST--
delete() single key: true/false, exptime argument ignored (deletes immediately), invalid key warning; memcache_delete()
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k115_miss');

var_dump($m->set('k115', 'v'));
var_dump($m->delete('k115'));
var_dump($m->get('k115'));
var_dump($m->delete('k115'));          // NOT_FOUND -> false, no notice
var_dump($m->delete('k115_miss'));
var_dump($m->getServerStatus($host, $port));

echo "-- exptime is never sent: the item is gone at once and add works immediately --\n";
var_dump($m->set('k115', 'v'));
var_dump($m->delete('k115', 10));
var_dump($m->get('k115'));
var_dump($m->add('k115', 'again'));
var_dump($m->get('k115'));
var_dump($m->delete('k115', -5));
var_dump($m->get('k115'));
var_dump($m->set('k115', 'v'));
var_dump($m->delete('k115', '30'));
var_dump($m->get('k115'));

echo "-- procedural --\n";
var_dump($m->set('k115', 'v'));
var_dump(memcache_delete($m, 'k115'));
var_dump(memcache_delete($m, 'k115'));
var_dump($m->set('k115', 'v'));
var_dump(memcache_delete($m, 'k115', 10));
var_dump(memcache_get($m, 'k115'));

echo "-- keys are prepared --\n";
var_dump($m->set('k115_x y', 'v'));
var_dump($m->delete("k115_x\ty"));
var_dump($m->get('k115_x_y'));

echo "-- invalid key --\n";
var_dump($m->delete(''));
var_dump(memcache_delete($m, ''));

echo "-- another connection sees the deletion --\n";
var_dump($m->set('k115', 'v'));
$m2 = test_connect1();
var_dump($m2->get('k115'));
var_dump($m->delete('k115'));
var_dump($m2->get('k115'));
?>
--EXPECTF--
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
int(1)
-- exptime is never sent: the item is gone at once and add works immediately --
bool(true)
bool(true)
bool(false)
bool(true)
string(5) "again"
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
-- procedural --
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
-- keys are prepared --
bool(true)
bool(true)
bool(false)
-- invalid key --

Warning: MemcachePool::delete(): Invalid key in %s on line %d
bool(false)

Warning: memcache_delete(): Invalid key in %s on line %d
bool(false)
-- another connection sees the deletion --
bool(true)
string(1) "v"
bool(true)
bool(false)
