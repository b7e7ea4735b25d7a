--TEST--
memcache_connect/memcache_pconnect return a Memcache object or false; memcache_add_server requires a Memcache
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = memcache_connect($host, $port);
var_dump(get_class($m));
var_dump(memcache_set($m, '208_k', 'v208'));
var_dump(memcache_get($m, '208_k'));
$m = memcache_connect($host, $port, 0.5);
var_dump(get_class($m), $m->get('208_k'));

$pm = memcache_pconnect($host, $port);
var_dump(get_class($pm), $pm->get('208_k'));

var_dump(memcache_connect($nonExistingHost, $nonExistingPort));
var_dump(memcache_pconnect($nonExistingHost, $nonExistingPort));

test_show(fn() => memcache_connect());
test_show(fn() => memcache_connect($host, $port, 1.0, 3));

echo "-- memcache_add_server --\n";
$a = new Memcache;
var_dump(memcache_add_server($a, $host, $port));
var_dump(memcache_get($a, '208_k'));
var_dump(memcache_add_server($a, $nonExistingHost, $nonExistingPort)); // lazy: true
var_dump(memcache_add_server($a, $host, $port, true, 0));
test_show(fn() => memcache_add_server(new MemcachePool, $host, $port));
test_show(fn() => memcache_add_server('x', $host, $port));
test_show(fn() => memcache_add_server(new stdClass, $host, $port));
test_show(fn() => memcache_add_server(new Memcache, [], $port));
test_show(fn() => memcache_add_server(new Memcache));

var_dump(memcache_delete($m, '208_k'));
?>
--EXPECTF--
string(8) "Memcache"
bool(true)
string(4) "v208"
string(8) "Memcache"
string(4) "v208"
string(8) "Memcache"
string(4) "v208"

Notice: memcache_connect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: memcache_connect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)

Notice: memcache_pconnect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: memcache_pconnect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)
ArgumentCountError: memcache_connect() expects at least 1 argument, 0 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 4 given
-- memcache_add_server --
bool(true)
string(4) "v208"
bool(true)

Warning: memcache_add_server(): weight must be a positive integer in %s on line %d
bool(false)
TypeError: memcache_add_server(): Argument #1 ($memcache) must be of type Memcache, MemcachePool given
TypeError: memcache_add_server(): Argument #1 ($memcache) must be of type Memcache, string given
TypeError: memcache_add_server(): Argument #1 ($memcache) must be of type Memcache, stdClass given
TypeError: memcache_add_server(): Argument #2 ($host) must be of type string, array given
ArgumentCountError: memcache_add_server() expects at least 2 arguments, 1 given
bool(true)
