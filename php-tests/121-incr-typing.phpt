--TEST--
increment() keeps the item's flags: int (768) stays int, numeric string (0) stays string, user flags kept
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('k121_int', 7));
var_dump($m->increment('k121_int'));
var_dump($m->get('k121_int', $flags));
var_dump($flags);

var_dump($m->set('k121_str', '7'));
var_dump($m->increment('k121_str'));
var_dump($m->get('k121_str', $flags));
var_dump($flags);

var_dump($m->set('k121_user', 7, MEMCACHE_USER1));
var_dump($m->decrement('k121_user', 2));
var_dump($m->get('k121_user', $flags));
var_dump($flags);

// growing past the stored length creates a new item with the same flags
var_dump($m->set('k121_grow', 9));
var_dump($m->increment('k121_grow', 991));
var_dump($m->get('k121_grow', $flags));
var_dump($flags);

// multi-get of incremented items
var_dump($m->get(['k121_int', 'k121_str', 'k121_user'], $flags));
var_dump($flags);
?>
--EXPECT--
bool(true)
int(8)
int(8)
int(768)
bool(true)
int(8)
string(1) "8"
int(0)
bool(true)
int(5)
int(5)
int(66304)
bool(true)
int(1000)
int(1000)
int(768)
array(3) {
  ["k121_int"]=>
  int(8)
  ["k121_str"]=>
  string(1) "8"
  ["k121_user"]=>
  int(5)
}
array(3) {
  ["k121_int"]=>
  int(768)
  ["k121_str"]=>
  int(0)
  ["k121_user"]=>
  int(66304)
}
