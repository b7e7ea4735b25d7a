--TEST--
addServer 3rd argument: udp_port on MemcachePool (binary: a notice, and udp 0), persistent on Memcache; Memcache::addServer takes the failure callback last [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// $cbUdp: the udp port the callback must see, [ascii, binary]
$cb = function ($h, $tcp, $udp, $err, $errno) {
    global $nonExistingHost, $nonExistingPort, $cbUdp;
    echo "callback: ";
    var_dump($h === $nonExistingHost, $tcp === $nonExistingPort);
    check_per_protocol('udp', $udp, ...$cbUdp);
    var_dump($err, $errno);
};
// a udp port under binary: this notice at addServer, and the server has udp 0
$udpNotice = "Notice: MemcachePool::addserver(): binary protocol isn't support over UDP, defaulting to TCP";

echo "-- MemcachePool: 3rd = udp_port --\n";
$p = new MemcachePool;
[$r, $errors] = test_collect_errors(fn() => $p->addServer($nonExistingHost, $nonExistingPort, 7, false));
var_dump($r);
check_per_protocol('udp 7 notice', $errors, [], [$udpNotice]);
var_dump($p->setFailureCallback($cb));
$cbUdp = [7, 0];
var_dump($p->set('210_k', 1));

echo "-- Memcache: 3rd = persistent, 8th = failure callback --\n";
$m = new Memcache;
var_dump($m->addServer($nonExistingHost, $nonExistingPort, 7, 1, 1.0, 15, true, $cb));
$cbUdp = [0, 0];
var_dump($m->set('210_k', 1));
var_dump($m->_failureCallback === $cb);

echo "-- udp port shows in the default notice --\n";
$q = new MemcachePool;
[$r, $errors] = test_collect_errors(fn() => $q->addServer($nonExistingHost, $nonExistingPort, 9, false));
var_dump($r);
check_per_protocol('udp 9 notice', $errors, [], [$udpNotice]);
$setNotice = fn($udp) => "Notice: MemcachePool::set(): Server $nonExistingHost (tcp $nonExistingPort, udp $udp) failed with: Connection failed: Connection refused (111)";
check_per_protocol('set', test_collect_errors(fn() => $q->set('210_k', 1)), [false, [$setNotice(9)]], [false, [$setNotice(0)]]);

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
udp 7 notice: ok
bool(true)
callback: bool(true)
bool(true)
udp: ok
string(37) "Connection failed: Connection refused"
int(111)
bool(false)
-- Memcache: 3rd = persistent, 8th = failure callback --
bool(true)
callback: bool(true)
bool(true)
udp: ok
string(37) "Connection failed: Connection refused"
int(111)
bool(false)
bool(true)
-- udp port shows in the default notice --
bool(true)
udp 9 notice: ok
set: ok
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
