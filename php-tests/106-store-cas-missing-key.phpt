--TEST--
cas() with a cas unique on a missing key (ASCII NOT_FOUND, binary "Not found") is a plain false: no notice, server not marked failed (the C extension marks it failed: docs/differences.md); cas 0 stores unconditionally in binary
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k106_missing');
var_dump($m->set('k106_live', 'alive'));

// cas omitted (0) on a missing key: ASCII false like any cas miss; binary sends a SET with
// CAS field 0, an unconditional store, so the key is created
check_per_protocol('cas omitted on a missing key', $m->cas('k106_missing', 'v'), false, true);
check_per_protocol('value after it', $m->get('k106_missing'), false, 'v');
$m->delete('k106_missing');

var_dump($m->cas('k106_missing', 'v', 0, 0, 12345));
var_dump(memcache_cas($m, 'k106_missing', 'v', 0, 0, 12345));
var_dump($m->get('k106_missing'));

// the server stays usable: status 1 and further ops succeed right away
var_dump($m->getServerStatus($host, $port));
var_dump($m->get('k106_live'));
var_dump($m->set('k106_live', 'still'));
var_dump($m->get('k106_live'));

// in a two-server pool nothing cascades either: both stay up
$p = test_connect_pool();
var_dump($p->cas('k106_missing', 'v', 0, 0, 999));
var_dump($p->getServerStatus($host, $port));
var_dump($p->getServerStatus($host2, $port2));
var_dump($p->set('k106_pool', 'ok'));
var_dump($p->get('k106_pool'));

// the regular get/cas flow still works afterwards
var_dump($m->get('k106_live', $f, $cas));
var_dump($m->cas('k106_live', 'casd', 0, 0, $cas));
var_dump($m->get('k106_live'));
?>
--EXPECT--
bool(true)
cas omitted on a missing key: ok
value after it: ok
bool(false)
bool(false)
bool(false)
int(1)
string(5) "alive"
bool(true)
string(5) "still"
bool(false)
int(1)
int(1)
bool(true)
string(2) "ok"
string(5) "still"
bool(true)
string(4) "casd"
