--TEST--
increment()/decrement(): new value as int, default delta 1, missing key false; an explicit defval/exptime is ignored in ASCII and creates the key (flags 0, expiry exptime) in binary and meta (ma with N and J); procedural forms
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k117_miss');
$m->delete('k117_ttl');

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

echo "-- missing key: false, no notice; an explicit defval: ASCII ignores it, binary and meta create the key --\n";
var_dump($m->increment('k117_miss'));
var_dump($m->decrement('k117_miss'));
// ASCII never sends defval/exptime: the key stays missing. Binary sends them as the INCR/DECR
// initial value and expiry, meta as ma's N (expiry) and J (initial value): the first call
// creates the key with 100 and returns 100, the next ones count from there
check_per_protocol('increment(missing, 1, 100)', $m->increment('k117_miss', 1, 100), false, 100, 100);
check_per_protocol('increment(missing, 1, 100, 60)', $m->increment('k117_miss', 1, 100, 60), false, 101, 101);
check_per_protocol('memcache_increment(missing, 1, 100, 60)', memcache_increment($m, 'k117_miss', 1, 100, 60), false, 102, 102);
check_per_protocol('memcache_decrement(missing, 1, 100)', memcache_decrement($m, 'k117_miss', 1, 100), false, 101, 101);
// binary and meta: the created item has flags 0, so it reads back as a string
$flags = null;
check_per_protocol('get() and flags after them', [$m->get('k117_miss', $flags), $flags], [false, null], ['101', 0], ['101', 0]);
// binary and meta: the item is created with expiry $exptime
check_per_protocol('increment(missing, 1, 5, 60)', $m->increment('k117_ttl', 1, 5, 60), false, 5, 5);
$s = stream_socket_client("tcp://$host:$port", $errno, $errstr, 2);
fwrite($s, "mg k117_ttl t\r\n");
$line = trim(fgets($s));
check_per_protocol('server TTL of the created key', $line === 'HD t60' || $line === 'HD t59' ? 'HD t60' : $line, 'EN', 'HD t60', 'HD t60');
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
-- missing key: false, no notice; an explicit defval: ASCII ignores it, binary and meta create the key --
bool(false)
bool(false)
increment(missing, 1, 100): ok
increment(missing, 1, 100, 60): ok
memcache_increment(missing, 1, 100, 60): ok
memcache_decrement(missing, 1, 100): ok
get() and flags after them: ok
increment(missing, 1, 5, 60): ok
server TTL of the created key: ok
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
