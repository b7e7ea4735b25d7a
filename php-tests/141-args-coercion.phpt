--TEST--
Coercive scalar juggling for int params: false/true, numeric strings, integral floats, null deprecations, lossy float deprecation; set($k, $v, false, 60)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k141_add');

echo "-- legacy call shape set(\$k, \$v, false, 60) --\n";
var_dump($m->set('k141', 'legacy', false, 60));
var_dump($m->get('k141', $flags));
var_dump($flags);
var_dump(memcache_set($m, 'k141', 'legacy-fn', false, 60));
var_dump(memcache_add($m, 'k141_add', 'a', false, 60));
var_dump($m->replace('k141', 'r', false, false));
var_dump($m->get('k141'));

echo "-- numeric strings and integral floats --\n";
var_dump($m->set('k141', 'v', '65536', '60'));
var_dump($m->get('k141', $flags), $flags);
var_dump($m->set('k141', 'v', 131072.0, 60.0));
var_dump($m->get('k141', $flags), $flags);
var_dump($m->set('k141', 'v', ' 0', '0 '));
var_dump($m->get('k141', $flags), $flags);
var_dump($m->set('k141', 'v', true));     // true -> 1 -> reserved flag
var_dump($m->delete('k141', false));
var_dump($m->set('k141_n', 5));
var_dump($m->increment('k141_n', '5'));
var_dump($m->increment('k141_n', true));
var_dump($m->decrement('k141_n', 2.0));
var_dump($m->increment('k141_n', '0'));

echo "-- null for non-nullable scalars: deprecation, then 0 --\n";
var_dump($m->set('k141', 'nul', null, null, null));
var_dump($m->get('k141'));
// cas null -> 0 on an existing key: false in ASCII (EXISTS), an unconditional store in binary
// (a SET with CAS field 0)
check_per_protocol('cas(..., null)', $m->cas('k141', 'x', 0, 0, null), false, true);
var_dump($m->delete('k141', null));
var_dump($m->increment('k141_n', null));
var_dump($m->decrement('k141_n', 1, null, null));
var_dump(memcache_set($m, 'k141', 'v', null));
var_dump(memcache_increment($m, 'k141_n', null));
var_dump($m->setCompressThreshold(null));
var_dump($m->setCompressThreshold(20000, null));

echo "-- lossy floats --\n";
var_dump($m->set('k141_f', 'v', 0, 60.5));
var_dump($m->increment('k141_n', 1.9));
var_dump($m->set('k141_f', 'v', 0, '1.5'));
var_dump($m->get('k141_f'));
?>
--EXPECTF--
-- legacy call shape set($k, $v, false, 60) --
bool(true)
string(6) "legacy"
int(0)
bool(true)
bool(true)
bool(true)
string(1) "r"
-- numeric strings and integral floats --
bool(true)
string(1) "v"
int(65536)
bool(true)
string(1) "v"
int(131072)
bool(true)
string(1) "v"
int(0)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line %d
bool(false)
bool(true)
bool(true)
int(10)
int(11)
int(9)
int(9)
-- null for non-nullable scalars: deprecation, then 0 --

Deprecated: MemcachePool::set(): Passing null to parameter #3 ($flags) of type int is deprecated in %s on line %d

Deprecated: MemcachePool::set(): Passing null to parameter #4 ($exptime) of type int is deprecated in %s on line %d

Deprecated: MemcachePool::set(): Passing null to parameter #5 ($cas) of type int is deprecated in %s on line %d
bool(true)
string(3) "nul"

Deprecated: MemcachePool::cas(): Passing null to parameter #5 ($cas) of type int is deprecated in %s on line %d
cas(..., null): ok

Deprecated: MemcachePool::delete(): Passing null to parameter #2 ($exptime) of type int is deprecated in %s on line %d
bool(true)

Deprecated: MemcachePool::increment(): Passing null to parameter #2 ($value) of type int is deprecated in %s on line %d
int(9)

Deprecated: MemcachePool::decrement(): Passing null to parameter #3 ($defval) of type int is deprecated in %s on line %d

Deprecated: MemcachePool::decrement(): Passing null to parameter #4 ($exptime) of type int is deprecated in %s on line %d
int(8)

Deprecated: memcache_set(): Passing null to parameter #4 ($flags) of type int is deprecated in %s on line %d
bool(true)

Deprecated: memcache_increment(): Passing null to parameter #3 ($value) of type int is deprecated in %s on line %d
int(8)

Deprecated: MemcachePool::setcompressthreshold(): Passing null to parameter #1 ($threshold) of type int is deprecated in %s on line %d
bool(true)

Deprecated: MemcachePool::setcompressthreshold(): Passing null to parameter #2 ($min_savings) of type float is deprecated in %s on line %d
bool(true)
-- lossy floats --

Deprecated: Implicit conversion from float 60.5 to int loses precision in %s on line %d
bool(true)

Deprecated: Implicit conversion from float 1.9 to int loses precision in %s on line %d
int(9)

Deprecated: Implicit conversion from float-string "1.5" to int loses precision in %s on line %d
bool(true)
string(1) "v"
