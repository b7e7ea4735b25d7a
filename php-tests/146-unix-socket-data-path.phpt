--TEST--
Data path over a unix domain socket: set/get/multi get/increment/delete/cas with the same wire encoding
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    global $unixUrl;
    $item = test_raw_get($key, $unixUrl);
    return $item === null ? 'MISS' : "$item[0] $item[1]";
}

$m = new Memcache();
var_dump($m->addServer($unixUrl, 0));
var_dump($m->set('k146_s', 'unix'));
var_dump($m->set('k146_i', 41));
var_dump($m->set('k146_f', 0.5));
var_dump($m->set('k146_a', ['u' => 1]));
var_dump(raw_get('k146_s'), raw_get('k146_i'), raw_get('k146_f'), raw_get('k146_a'));
var_dump($m->get('k146_s'));
var_dump($m->increment('k146_i'));
var_dump($m->get(['k146_i', 'k146_f', 'k146_a', 'k146_missing']));
var_dump($m->get('k146_s', $flags, $cas));
var_dump($m->cas('k146_s', 'unix2', 0, 0, $cas));
var_dump(memcache_get($m, 'k146_s'));
var_dump($m->delete('k146_s'));
var_dump($m->get('k146_s'));

$m2 = memcache_connect($unixUrl, 0);
var_dump($m2->get('k146_i'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(6) "0 unix"
string(6) "768 41"
string(8) "1792 0.5"
string(20) "1 a:1:{s:1:"u";i:1;}"
string(4) "unix"
int(42)
array(3) {
  ["k146_i"]=>
  int(42)
  ["k146_f"]=>
  float(0.5)
  ["k146_a"]=>
  array(1) {
    ["u"]=>
    int(1)
  }
}
string(4) "unix"
bool(true)
string(5) "unix2"
bool(true)
bool(false)
int(42)
