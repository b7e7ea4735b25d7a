--TEST--
Memcache::connect/pconnect and MemcachePool::connect: return values, refused-port notice+warning texts, argument errors
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
var_dump($m->connect($host, $port));
var_dump($m->set('207_k', '207v'));
var_dump($m->get('207_k'));

// numeric strings are coerced (port, timeout)
$m2 = new Memcache;
var_dump($m2->connect($host, (string) $port, '0.5'));
var_dump($m2->get('207_k'));

$m3 = new Memcache;
var_dump($m3->pconnect($host, $port));
var_dump($m3->get('207_k'));

$p = new MemcachePool;
var_dump($p->connect($host, $port));
var_dump($p->get('207_k'));
$p2 = new MemcachePool;
var_dump($p2->connect($host, $port, 0, false, 1, 1.0, 15));
var_dump($p2->get('207_k'));

echo "-- refused port --\n";
$d = new Memcache;
var_dump($d->connect($nonExistingHost, $nonExistingPort));
$dp = new MemcachePool;
var_dump($dp->connect($nonExistingHost, $nonExistingPort, 0, false));
$dpc = new Memcache;
var_dump($dpc->pconnect($nonExistingHost, $nonExistingPort));

echo "-- argument errors --\n";
$e = new Memcache;
test_show(fn() => $e->connect());
test_show(fn() => $e->connect($host, $port, 1, 2));
test_show(fn() => $e->pconnect($host, $port, 1, 2, 3));
test_show(fn() => $e->connect([], $port));
test_show(fn() => $e->connect($host, 'abc'));
test_show(fn() => $e->connect($host, $port, 'abc'));
$ep = new MemcachePool;
test_show(fn() => $ep->connect($host, $port, 0, true, 1, 1.0, 15, true));
var_dump($e, $ep);

var_dump($m->delete('207_k'));
?>
--EXPECTF--
bool(true)
bool(true)
string(4) "207v"
bool(true)
string(4) "207v"
bool(true)
string(4) "207v"
bool(true)
string(4) "207v"
bool(true)
string(4) "207v"
-- refused port --

Notice: Memcache::connect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: Memcache::connect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)

Notice: MemcachePool::connect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: MemcachePool::connect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)

Notice: Memcache::pconnect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: Memcache::pconnect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- argument errors --
ArgumentCountError: Memcache::connect() expects at least 1 argument, 0 given
ArgumentCountError: Memcache::connect() expects at most 3 arguments, 4 given
ArgumentCountError: Memcache::pconnect() expects at most 3 arguments, 5 given
TypeError: Memcache::connect(): Argument #1 ($host) must be of type string, array given
TypeError: Memcache::connect(): Argument #2 ($port) must be of type int, string given
TypeError: Memcache::connect(): Argument #3 ($timeout) must be of type float, string given
ArgumentCountError: MemcachePool::connect() expects at most 7 arguments, 8 given
object(Memcache)#%d (0) {
}
object(MemcachePool)#%d (0) {
}
bool(true)
