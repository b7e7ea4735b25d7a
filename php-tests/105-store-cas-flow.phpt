--TEST--
cas(): gets via get($k, $flags, $cas), matching cas stores, stale/wrong cas gives false, zero cas gives false in ASCII and stores unconditionally in binary; memcache_cas()
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('k105', 'v1'));

// passing $cas switches get to "gets" and fills $cas with the int CAS unique
$flags = null; $cas = null;
var_dump($m->get('k105', $flags, $cas));
var_dump($flags);
var_dump(is_int($cas) && $cas > 0);

// cas 0 or omitted, no notice either way. ASCII: always false (EXISTS), value and cas unique
// unchanged. Binary: cas() is a SET whose CAS field 0 means "no check", an unconditional
// store: true, and the item gets a new cas unique.
check_per_protocol('cas 0', $m->cas('k105', 'zero', 0, 0, 0), false, true);
check_per_protocol('cas omitted', $m->cas('k105', 'omitted'), false, true);
check_per_protocol('cas omitted, with flags and exptime', $m->cas('k105', 'omitted', 0, 0), false, true);
check_per_protocol('value after them', $m->get('k105'), 'v1', 'omitted');
$casNow = null;
$m->get('k105', $flags, $casNow);
check_per_protocol('cas unique unchanged by them', $casNow === $cas, true, false);
$cas = $casNow;
// wrong cas: false, value unchanged
var_dump($m->cas('k105', 'wrong', 0, 0, $cas + 1));
check_per_protocol('value after the wrong cas', $m->get('k105'), 'v1', 'omitted');

// matching cas: stored
var_dump($m->cas('k105', 'v2', 0, 0, $cas));
var_dump($m->get('k105'));
// the same cas a second time is now stale
var_dump($m->cas('k105', 'v3', 0, 0, $cas));
var_dump($m->get('k105'));

// new cas value after the modification
$cas2 = null;
var_dump($m->get('k105', $flags, $cas2));
var_dump(is_int($cas2) && $cas2 !== $cas);

// a plain set in between invalidates the cas
var_dump($m->set('k105', 'interloper'));
var_dump($m->cas('k105', 'v4', 0, 0, $cas2));
var_dump($m->get('k105'));

// procedural, and with a typed value + user flag
var_dump(memcache_get($m, 'k105', $flags, $cas3));
var_dump(memcache_cas($m, 'k105', 77, MEMCACHE_USER2, 0, $cas3));
var_dump(memcache_get($m, 'k105', $flags));
var_dump($flags === (MEMCACHE_USER2 | 0x300));

// numeric string cas is accepted (coercion)
var_dump($m->get('k105', $flags, $cas4));
var_dump($m->cas('k105', 'str-cas', 0, 0, (string) $cas4));
var_dump($m->get('k105'));

// the server was never marked failed
var_dump($m->getServerStatus($host, $port));
?>
--EXPECT--
bool(true)
string(2) "v1"
int(0)
bool(true)
cas 0: ok
cas omitted: ok
cas omitted, with flags and exptime: ok
value after them: ok
cas unique unchanged by them: ok
bool(false)
value after the wrong cas: ok
bool(true)
string(2) "v2"
bool(false)
string(2) "v2"
string(2) "v2"
bool(true)
bool(true)
bool(false)
string(10) "interloper"
string(10) "interloper"
bool(true)
int(77)
bool(true)
int(77)
bool(true)
string(7) "str-cas"
int(1)
