--TEST--
increment()/decrement() with negative, zero and extreme deltas: sign flips the command, PHP_INT_MIN, saturation above PHP_INT_MAX, 2^64 wrap
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();

echo "-- negative and zero deltas --\n";
var_dump($m->set('k118', 10));
var_dump($m->increment('k118', -3));     // = decrement by 3
var_dump($m->decrement('k118', -2));     // = increment by 2
var_dump($m->increment('k118', 0));      // incr 0 returns current value
var_dump($m->decrement('k118', 0));
var_dump($m->increment('k118', -100));   // decr clamps at 0
var_dump($m->get('k118'));

echo "-- PHP_INT_MIN is sent as decr 9223372036854775808 for both methods --\n";
var_dump($m->set('k118', '9223372036854775908'));   // 2^63 + 100 (stored as a string)
var_dump($m->increment('k118', PHP_INT_MIN));
var_dump($m->set('k118', '9223372036854775908'));
var_dump($m->decrement('k118', PHP_INT_MIN));
var_dump($m->set('k118', 5));
var_dump($m->decrement('k118', PHP_INT_MIN));
var_dump($m->set('k118', '9223372036854775908'));
var_dump($m->decrement('k118', PHP_INT_MAX));
var_dump($m->set('k118', '9223372036854775908'));
var_dump($m->increment('k118', -PHP_INT_MAX));

echo "-- results above PHP_INT_MAX saturate --\n";
var_dump($m->set('k118', 0));
var_dump($m->increment('k118', PHP_INT_MAX));       // exactly PHP_INT_MAX
var_dump($m->increment('k118', 1));                 // 2^63 on the server
var_dump($m->increment('k118', PHP_INT_MAX));       // 2^64-1 on the server
var_dump($m->get('k118'));                          // int typed item: strtol saturation
var_dump($m->decrement('k118', PHP_INT_MAX));       // back to 2^63 on the server
var_dump($m->decrement('k118', PHP_INT_MAX));       // 1
var_dump($m->set('k118', '18446744073709551615'));
var_dump($m->get('k118'));                          // flags 0: the string as stored

echo "-- memcached wraps increments at 2^64 --\n";
var_dump($m->increment('k118', 1));
var_dump($m->set('k118', '18446744073709551614'));
var_dump($m->increment('k118', 5));

echo "-- memcached pads a shrunk value with spaces; int-typed items still decode as int --\n";
var_dump($m->set('k118', 100));
var_dump($m->decrement('k118', 95));
var_dump($m->get('k118'));
var_dump($m->set('k118', '100'));
var_dump($m->decrement('k118', 95));
var_dump($m->get('k118'));
?>
--EXPECT--
-- negative and zero deltas --
bool(true)
int(7)
int(9)
int(9)
int(9)
int(0)
int(0)
-- PHP_INT_MIN is sent as decr 9223372036854775808 for both methods --
bool(true)
int(100)
bool(true)
int(100)
bool(true)
int(0)
bool(true)
int(101)
bool(true)
int(101)
-- results above PHP_INT_MAX saturate --
bool(true)
int(9223372036854775807)
int(9223372036854775807)
int(9223372036854775807)
int(9223372036854775807)
int(9223372036854775807)
int(1)
bool(true)
string(20) "18446744073709551615"
-- memcached wraps increments at 2^64 --
int(0)
bool(true)
int(3)
-- memcached pads a shrunk value with spaces; int-typed items still decode as int --
bool(true)
int(5)
int(5)
bool(true)
int(5)
string(3) "5  "
