--TEST--
INI: memcache.select_api defaults to "select", accepts select/poll, rejects others (fails on Debian 4.0.5.2 which lacks the directive)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
var_dump(ini_get('memcache.select_api'));
var_dump(ini_set('memcache.select_api', 'epoll'));
var_dump(ini_get('memcache.select_api'));
var_dump(ini_set('memcache.select_api', 'poll'));
var_dump(ini_get('memcache.select_api'));
// a pool created with poll works like one with select
$m = test_connect1();
var_dump($m->set('228_k', 'poll'), $m->get('228_k'), $m->delete('228_k'));
var_dump(ini_set('memcache.select_api', 'select'));
var_dump(ini_get('memcache.select_api'));
?>
--EXPECTF--
string(6) "select"

Warning: ini_set(): memcache.select_api must be in set {select, poll} ('epoll' given) in %s on line %d
bool(false)
string(6) "select"
string(6) "select"
string(4) "poll"
bool(true)
string(4) "poll"
bool(true)
string(4) "poll"
string(6) "select"
