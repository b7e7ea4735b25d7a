--TEST--
add(): stores only missing keys, existing key gives plain false; memcache_add()
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k102_a');
$m->delete('k102_b');

var_dump($m->add('k102_a', 'one'));        // new key
var_dump($m->add('k102_a', 'two'));        // exists: NOT_STORED -> false, no notice
var_dump($m->get('k102_a'));               // unchanged

var_dump(memcache_add($m, 'k102_b', 10));
var_dump(memcache_add($m, 'k102_b', 11));
var_dump(memcache_get($m, 'k102_b'));

// the server is not considered failed after a NOT_STORED reply
var_dump($m->getServerStatus($host, $port));
var_dump($m->set('k102_a', 'three'));
var_dump($m->get('k102_a'));

// add after delete works again
var_dump($m->delete('k102_a'));
var_dump($m->add('k102_a', 'four'));
var_dump($m->get('k102_a'));
?>
--EXPECT--
bool(true)
bool(false)
string(3) "one"
bool(true)
bool(false)
int(10)
int(1)
bool(true)
string(5) "three"
bool(true)
bool(true)
string(4) "four"
