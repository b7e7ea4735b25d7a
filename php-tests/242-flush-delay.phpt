--TEST--
flush($delay): items stay readable until the delay has passed, then disappear; items stored afterwards survive
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die("skip binary flush ignores the delay, covered by php-tests/150-binary-protocol-semantics.phpt");
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect_pool();
var_dump($m->set('242_a', 'A'), $m->set('242_b', 'B'));
var_dump($m->flush(3));
var_dump($m->get('242_a'), $m->get('242_b'));
sleep(4);
var_dump($m->get('242_a'), $m->get('242_b'));
var_dump($m->set('242_c', 'C'), $m->get('242_c'));
$m->delete('242_c');
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(1) "A"
string(1) "B"
bool(false)
bool(false)
bool(true)
string(1) "C"
