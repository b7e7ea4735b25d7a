--TEST--
append()/prepend(): raw concatenation, missing key false, original flags kept (int stays int)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
foreach (['k104_s', 'k104_i', 'k104_miss', 'k104_arr'] as $k) { $m->delete($k); }

var_dump($m->set('k104_s', 'a'));
var_dump($m->append('k104_s', 'b'));
var_dump($m->prepend('k104_s', 'c'));
var_dump($m->get('k104_s'));
var_dump(memcache_append($m, 'k104_s', 'Z'));
var_dump(memcache_prepend($m, 'k104_s', 'Y'));
var_dump($m->get('k104_s'));

// Missing key: NOT_STORED -> plain false, key not created, server stays up
var_dump($m->append('k104_miss', 'x'));
var_dump($m->prepend('k104_miss', 'x'));
var_dump($m->get('k104_miss'));
var_dump($m->getServerStatus($host, $port));

// The server keeps the item's original flags: int 10 with '5' appended reads back as int 105
var_dump($m->set('k104_i', 10));
var_dump($m->append('k104_i', '5'));
var_dump($m->get('k104_i', $flags));
var_dump($flags);
// appending an int value appends its decimal text
var_dump($m->prepend('k104_i', 2));
var_dump($m->get('k104_i'));

// $flags passed to append are ignored by memcached (item stays a plain string)
var_dump($m->append('k104_s', 'Q', MEMCACHE_USER1));
var_dump($m->get('k104_s', $flags));
var_dump($flags);

// array form: keys are the array keys, result true when all stored
var_dump($m->set('k104_arr', '1'));
var_dump($m->append(['k104_arr' => '2', 'k104_s' => '!']));
var_dump($m->get('k104_arr'), $m->get('k104_s'));
var_dump($m->append(['k104_arr' => '3', 'k104_miss' => '!']));
var_dump($m->get('k104_arr'), $m->get('k104_miss'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(3) "cab"
bool(true)
bool(true)
string(5) "YcabZ"
bool(false)
bool(false)
bool(false)
int(1)
bool(true)
bool(true)
int(105)
int(768)
bool(true)
int(2105)
bool(true)
string(6) "YcabZQ"
int(0)
bool(true)
bool(true)
string(2) "12"
string(7) "YcabZQ!"
bool(false)
string(3) "123"
bool(false)
