--TEST--
replace(): missing key gives plain false, existing key is replaced; memcache_replace()
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k103_a');

var_dump($m->replace('k103_a', 'x'));      // missing: NOT_STORED -> false, no notice
var_dump($m->get('k103_a'));               // still missing
var_dump($m->getServerStatus($host, $port));

var_dump($m->set('k103_a', 'orig'));
var_dump($m->replace('k103_a', 'new'));
var_dump($m->get('k103_a'));

// replace may change the type (flags travel with the new value)
var_dump(memcache_replace($m, 'k103_a', 3.5));
var_dump(memcache_get($m, 'k103_a', $flags));
var_dump($flags);

var_dump($m->delete('k103_a'));
var_dump(memcache_replace($m, 'k103_a', 'again'));
var_dump($m->get('k103_a'));
?>
--EXPECT--
bool(false)
bool(false)
int(1)
bool(true)
bool(true)
string(3) "new"
bool(true)
float(3.5)
int(1792)
bool(true)
bool(false)
bool(false)
