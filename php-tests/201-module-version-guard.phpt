--TEST--
Guard: the loaded memcache extension is the Rust port (phpversion('memcache') === '8.2.0'); fails on purpose against the C extension
--DESCRIPTION--
The C extension reports "8.2" (PECL HEAD) or "4.0.5.2" (Debian). The Rust port reports "8.2.0".
This test exists so that a run accidentally loading the C extension is visibly wrong.
--FILE--
<?php
include __DIR__ . '/connect.inc';
var_dump(phpversion('memcache'));
var_dump(phpversion('memcache') === '8.2.0');
?>
--EXPECT--
string(5) "8.2.0"
bool(true)
