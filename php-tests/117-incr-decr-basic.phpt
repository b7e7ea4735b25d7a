--TEST--
increment()/decrement(): new value as int, default delta 1, missing key false, ASCII ignores defval/exptime; procedural forms (spec §3.5, quirk Q3)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k117_miss');

var_dump($m->set('k117', 5));
var_dump($m->increment('k117'));
var_dump($m->decrement('k117'));
var_dump($m->increment('k117', 10));
var_dump($m->decrement('k117', 3));
var_dump($m->get('k117'));

echo "-- procedural --\n";
var_dump(memcache_increment($m, 'k117'));
var_dump(memcache_increment($m, 'k117', 5));
var_dump(memcache_decrement($m, 'k117'));
var_dump(memcache_decrement($m, 'k117', 4));

echo "-- decrement clamps at 0 --\n";
var_dump($m->decrement('k117', 100));
var_dump($m->decrement('k117'));
var_dump($m->get('k117'));

echo "-- missing key: false, no notice; defval/exptime ignored in ASCII, key stays missing --\n";
var_dump($m->increment('k117_miss'));
var_dump($m->decrement('k117_miss'));
var_dump($m->increment('k117_miss', 1, 100));
var_dump($m->increment('k117_miss', 1, 100, 60));
var_dump(memcache_increment($m, 'k117_miss', 1, 100, 60));
var_dump(memcache_decrement($m, 'k117_miss', 1, 100));
var_dump($m->get('k117_miss'));
var_dump($m->getServerStatus($host, $port));

echo "-- delta coercion --\n";
var_dump($m->set('k117', 10));
var_dump($m->increment('k117', '3'));
var_dump($m->increment('k117', true));
var_dump($m->increment('k117', false));
var_dump($m->increment('k117', 2.0));
var_dump($m->decrement('k117', '2'));
var_dump($m->get('k117'));

echo "-- invalid key --\n";
var_dump($m->increment(''));
var_dump(memcache_decrement($m, ''));
?>
--EXPECTF--
bool(true)
int(6)
int(5)
int(15)
int(12)
int(12)
-- procedural --
int(13)
int(18)
int(17)
int(13)
-- decrement clamps at 0 --
int(0)
int(0)
int(0)
-- missing key: false, no notice; defval/exptime ignored in ASCII, key stays missing --
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
int(1)
-- delta coercion --
bool(true)
int(13)
int(14)
int(14)
int(16)
int(14)
int(14)
-- invalid key --

Warning: MemcachePool::increment(): Invalid key in %s on line %d
bool(false)

Warning: memcache_decrement(): Invalid key in %s on line %d
bool(false)
