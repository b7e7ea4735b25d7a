--TEST--
get() with an array of keys: by-ref $flags/$cas become arrays of found keys only, untouched when nothing is found
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k113_miss');
$m->set('k113_s', 'str');
$m->set('k113_i', 10, MEMCACHE_USER1);
$m->set('k113_f', 2.5);

echo "-- flags only --\n";
$flags = 'old';
var_dump($m->get(['k113_s', 'k113_miss', 'k113_i', 'k113_f'], $flags));
var_dump($flags);

echo "-- flags and cas --\n";
$flags = null; $cas = null;
$r = $m->get(['k113_i', 'k113_miss', 'k113_s'], $flags, $cas);
var_dump(array_keys($r), $flags, array_keys($cas));
var_dump(is_int($cas['k113_i']) && $cas['k113_i'] > 0, is_int($cas['k113_s']) && $cas['k113_s'] > 0);
var_dump($cas['k113_i'] !== $cas['k113_s']);

// the cas values from a multi-get are usable for cas()
var_dump($m->cas('k113_s', 'cas-ok', 0, 0, $cas['k113_s']));
var_dump($m->get('k113_s'));

echo "-- no hit: variables untouched (not reset to []) --\n";
$flags = 'untouched-f'; $cas = 'untouched-c';
var_dump($m->get(['k113_miss'], $flags, $cas));
var_dump($flags, $cas);
var_dump($m->get([], $flags, $cas));
var_dump($flags, $cas);
$flags = [1, 2, 3];
var_dump(memcache_get($m, ['k113_miss'], $flags));
var_dump($flags);

echo "-- procedural hit replaces a previous scalar value --\n";
$flags = 'stale'; $cas = 42;
var_dump(memcache_get($m, ['k113_f'], $flags, $cas));
var_dump($flags, array_keys($cas));
?>
--EXPECT--
-- flags only --
array(3) {
  ["k113_s"]=>
  string(3) "str"
  ["k113_i"]=>
  int(10)
  ["k113_f"]=>
  float(2.5)
}
array(3) {
  ["k113_s"]=>
  int(0)
  ["k113_i"]=>
  int(66304)
  ["k113_f"]=>
  int(1792)
}
-- flags and cas --
array(2) {
  [0]=>
  string(6) "k113_i"
  [1]=>
  string(6) "k113_s"
}
array(2) {
  ["k113_i"]=>
  int(66304)
  ["k113_s"]=>
  int(0)
}
array(2) {
  [0]=>
  string(6) "k113_i"
  [1]=>
  string(6) "k113_s"
}
bool(true)
bool(true)
bool(true)
bool(true)
string(6) "cas-ok"
-- no hit: variables untouched (not reset to []) --
array(0) {
}
string(11) "untouched-f"
string(11) "untouched-c"
array(0) {
}
string(11) "untouched-f"
string(11) "untouched-c"
array(0) {
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
-- procedural hit replaces a previous scalar value --
array(1) {
  ["k113_f"]=>
  float(2.5)
}
array(1) {
  ["k113_f"]=>
  int(1792)
}
array(1) {
  [0]=>
  string(6) "k113_f"
}
