--TEST--
Stored null and false read back as false from a single get, but are distinguishable in a multi-get
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k114_miss');
var_dump($m->set('k114_null', null));
var_dump($m->set('k114_false', false));
var_dump($m->set('k114_zero', 0));
var_dump($m->set('k114_empty', ''));

echo "-- single get --\n";
$f1 = 'untouched';
var_dump($m->get('k114_null', $f1));
var_dump($f1);               // it was a hit: flags written
$f2 = 'untouched';
var_dump($m->get('k114_false', $f2));
var_dump($f2);
var_dump($m->get('k114_zero'));
var_dump($m->get('k114_empty'));
var_dump(memcache_get($m, 'k114_null'));

echo "-- multi get tells them apart --\n";
var_dump($m->get(['k114_null', 'k114_false', 'k114_miss', 'k114_zero', 'k114_empty'], $flags));
var_dump($flags);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
-- single get --
bool(false)
int(1)
bool(false)
int(256)
int(0)
string(0) ""
bool(false)
-- multi get tells them apart --
array(4) {
  ["k114_null"]=>
  NULL
  ["k114_false"]=>
  bool(false)
  ["k114_zero"]=>
  int(0)
  ["k114_empty"]=>
  string(0) ""
}
array(4) {
  ["k114_null"]=>
  int(1)
  ["k114_false"]=>
  int(256)
  ["k114_zero"]=>
  int(768)
  ["k114_empty"]=>
  int(0)
}
