--TEST--
get() with an array of keys: found items only, request order on one server, duplicates collapse, numeric-string keys become int keys
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
foreach (['k112_miss', 'k112_miss2'] as $k) { $m->delete($k); }
$m->set('k112_c', 'c');
$m->set('k112_a', 'a');
$m->set('k112_b', 'b');
$m->set('1120', 'int-like');
$m->set('-1121', 'negative int-like');
$m->set('01122', 'leading zero');
$m->set('11.23', 'float-like');
$m->set('92233720368547758070', 'too big for int');

echo "-- order follows the request, misses omitted --\n";
var_dump($m->get(['k112_b', 'k112_miss', 'k112_c', 'k112_a']));
var_dump($m->get(['k112_a', 'k112_c', 'k112_b']));

echo "-- duplicates collapse --\n";
var_dump($m->get(['k112_a', 'k112_a', 'k112_b', 'k112_a']));

echo "-- numeric keys --\n";
var_dump($m->get(['1120', '-1121', '01122', '11.23', '92233720368547758070', 1120]));

echo "-- nothing found / empty list: empty array, never false --\n";
var_dump($m->get(['k112_miss', 'k112_miss2']));
var_dump($m->get([]));
var_dump(memcache_get($m, ['k112_miss']));

echo "-- array values of the input are used, keys of the input are ignored --\n";
var_dump($m->get(['x' => 'k112_c', 7 => 'k112_a']));

echo "-- procedural --\n";
var_dump(memcache_get($m, ['k112_c', 'k112_miss', 'k112_b']));
?>
--EXPECT--
-- order follows the request, misses omitted --
array(3) {
  ["k112_b"]=>
  string(1) "b"
  ["k112_c"]=>
  string(1) "c"
  ["k112_a"]=>
  string(1) "a"
}
array(3) {
  ["k112_a"]=>
  string(1) "a"
  ["k112_c"]=>
  string(1) "c"
  ["k112_b"]=>
  string(1) "b"
}
-- duplicates collapse --
array(2) {
  ["k112_a"]=>
  string(1) "a"
  ["k112_b"]=>
  string(1) "b"
}
-- numeric keys --
array(5) {
  [1120]=>
  string(8) "int-like"
  [-1121]=>
  string(17) "negative int-like"
  ["01122"]=>
  string(12) "leading zero"
  ["11.23"]=>
  string(10) "float-like"
  ["92233720368547758070"]=>
  string(15) "too big for int"
}
-- nothing found / empty list: empty array, never false --
array(0) {
}
array(0) {
}
array(0) {
}
-- array values of the input are used, keys of the input are ignored --
array(2) {
  ["k112_c"]=>
  string(1) "c"
  ["k112_a"]=>
  string(1) "a"
}
-- procedural --
array(2) {
  ["k112_c"]=>
  string(1) "c"
  ["k112_b"]=>
  string(1) "b"
}
