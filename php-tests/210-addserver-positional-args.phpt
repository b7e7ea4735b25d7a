--TEST--
addServer 3rd argument: udp_port on MemcachePool, persistent on Memcache; Memcache::addServer takes the failure callback last
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.protocol=ascii
--FILE--
<?php
include __DIR__ . '/connect.inc';

$cb = function ($h, $tcp, $udp, $err, $errno) {
    global $nonExistingHost, $nonExistingPort;
    echo "callback: ";
    var_dump($h === $nonExistingHost, $tcp === $nonExistingPort, $udp, $err, $errno);
};

echo "-- MemcachePool: 3rd = udp_port --\n";
$p = new MemcachePool;
var_dump($p->addServer($nonExistingHost, $nonExistingPort, 7, false));
var_dump($p->setFailureCallback($cb));
var_dump($p->set('210_k', 1));

echo "-- Memcache: 3rd = persistent, 8th = failure callback --\n";
$m = new Memcache;
var_dump($m->addServer($nonExistingHost, $nonExistingPort, 7, 1, 1.0, 15, true, $cb));
var_dump($m->set('210_k', 1));
var_dump($m->_failureCallback === $cb);

echo "-- udp port shows in the default notice --\n";
$q = new MemcachePool;
var_dump($q->addServer($nonExistingHost, $nonExistingPort, 9, false));
var_dump($q->set('210_k', 1));

echo "-- invalid callback: nothing added --\n";
$x = new Memcache;
var_dump($x->addServer($host, $port, true, 1, 1.0, 15, true, 'no_such_function_210'));
var_dump($x);
var_dump($x->addServer($host, $port));
var_dump($x->addServer($host2, $port2, true, 1, 1.0, 15, true, 'no_such_function_210'));
var_dump($x->getServerStatus($host2, $port2));
var_dump(memcache_add_server($x, $host2, $port2, false, 1, 1.0, 15, true, [new stdClass, 'nope']));
?>
--EXPECTF--
-- MemcachePool: 3rd = udp_port --
bool(true)
bool(true)
callback: bool(true)
bool(true)
int(7)
string(37) "Connection failed: Connection refused"
int(111)
bool(false)
-- Memcache: 3rd = persistent, 8th = failure callback --
bool(true)
callback: bool(true)
bool(true)
int(0)
string(37) "Connection failed: Connection refused"
int(111)
bool(false)
bool(true)
-- udp port shows in the default notice --
bool(true)

Notice: MemcachePool::set(): Server %s (tcp %d, udp 9) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- invalid callback: nothing added --

Warning: Memcache::addserver(): Invalid failure callback in %s on line %d
bool(false)
object(Memcache)#%d (0) {
}
bool(true)

Warning: Memcache::addserver(): Invalid failure callback in %s on line %d
bool(false)

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line %d
bool(false)

Warning: memcache_add_server(): Invalid failure callback in %s on line %d
bool(false)
