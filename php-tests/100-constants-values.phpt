--TEST--
Constants: MEMCACHE_COMPRESSED, MEMCACHE_USER1..4, MEMCACHE_HAVE_SESSION values
--FILE--
<?php
include __DIR__ . '/connect.inc';

var_dump(MEMCACHE_COMPRESSED);
var_dump(MEMCACHE_USER1);
var_dump(MEMCACHE_USER2);
var_dump(MEMCACHE_USER3);
var_dump(MEMCACHE_USER4);
var_dump(MEMCACHE_HAVE_SESSION);

// The user flags occupy the high 16 bits, one bit each.
var_dump(MEMCACHE_USER1 === 0x10000, MEMCACHE_USER2 === 0x20000, MEMCACHE_USER3 === 0x40000, MEMCACHE_USER4 === 0x80000);

// No other constants exist (MEMCACHE_SERIALIZED, for one, does not).
var_dump(defined('MEMCACHE_SERIALIZED'));
$consts = array_keys(get_defined_constants(true)['memcache'] ?? []);
sort($consts);
var_dump($consts);
?>
--EXPECT--
int(2)
int(65536)
int(131072)
int(262144)
int(524288)
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
array(6) {
  [0]=>
  string(19) "MEMCACHE_COMPRESSED"
  [1]=>
  string(21) "MEMCACHE_HAVE_SESSION"
  [2]=>
  string(14) "MEMCACHE_USER1"
  [3]=>
  string(14) "MEMCACHE_USER2"
  [4]=>
  string(14) "MEMCACHE_USER3"
  [5]=>
  string(14) "MEMCACHE_USER4"
}
