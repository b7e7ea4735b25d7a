--TEST--
set()/get() round trip, overwrite, OO and memcache_set()/memcache_get(); set()'s $cas is ignored in ASCII and makes the set conditional in binary
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k101_a');
$m->delete('k101_b');

var_dump($m->get('k101_a'));               // miss
var_dump($m->set('k101_a', 'first'));
var_dump($m->get('k101_a'));
var_dump($m->set('k101_a', 'second'));     // set overwrites unconditionally
var_dump($m->get('k101_a'));

// procedural API on the same object
var_dump(memcache_set($m, 'k101_b', 'proc'));
var_dump(memcache_get($m, 'k101_b'));
var_dump(memcache_set($m, 'k101_b', 42, 0, 0));
var_dump(memcache_get($m, 'k101_b'));

// a second, independent connection sees the same data
$m2 = new Memcache();
var_dump($m2->connect($host, $port));
var_dump($m2->get('k101_a'));
var_dump(memcache_get($m2, 'k101_b'));

// object created by memcache_connect()
$m3 = memcache_connect($host, $port);
var_dump(get_class($m3));
var_dump(memcache_set($m3, 'k101_a', ['x' => 1]));
var_dump($m->get('k101_a'));

// $cas (5th argument): ignored by set in ASCII; binary sends it in the header's CAS field,
// which makes the set conditional: a wrong cas fails, value unchanged
$m->get('k101_a', $flags, $cas);
check_per_protocol('set() with a wrong $cas', $m->set('k101_a', 'with-cas', 0, 0, $cas + 1), true, false);
check_per_protocol('value after it', $m->get('k101_a'), 'with-cas', ['x' => 1]);
// with the item's current cas the set succeeds under both protocols
$m->get('k101_a', $flags, $cas);
var_dump($m->set('k101_a', 'right-cas', 0, 0, $cas));
var_dump($m->get('k101_a'));
?>
--EXPECT--
bool(false)
bool(true)
string(5) "first"
bool(true)
string(6) "second"
bool(true)
string(4) "proc"
bool(true)
int(42)
bool(true)
string(6) "second"
int(42)
string(8) "Memcache"
bool(true)
array(1) {
  ["x"]=>
  int(1)
}
set() with a wrong $cas: ok
value after it: ok
bool(true)
string(9) "right-cas"
