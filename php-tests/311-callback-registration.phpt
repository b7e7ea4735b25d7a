--TEST--
Failure callback registration: Memcache::addServer (last arg), memcache_add_server, setServerParams (last arg), memcache_set_server_params, setFailureCallback, memcache_set_failure_callback; pool-wide; null clears (the notice comes back), omitted leaves it; invalid callbacks warn "Invalid failure callback" and change nothing [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function cb311($h, $p, $u, $e, $n) {
    global $nonExistingPort;
    echo "  cb311 ", $p === $nonExistingPort ? 'dead' : ($p === $GLOBALS['dead2'] ? 'dead2' : $p), " $e\n";
}
function other311($h, $p, $u, $e, $n) { echo "  other311 $e\n"; }
$s = stream_socket_server('tcp://127.0.0.1:0');     // a second closed loopback port
$dead2 = (int) substr(stream_socket_get_name($s, false), strrpos(stream_socket_get_name($s, false), ':') + 1);
fclose($s);

// A fresh pool (non-persistent servers) whose dead servers have not been tried yet.
function fresh(bool $two = false) {
    global $nonExistingHost, $nonExistingPort, $dead2;
    $m = new Memcache;
    $m->addServer($nonExistingHost, $nonExistingPort, false);
    if ($two) $m->addServer('127.0.0.1', $dead2, false);
    return $m;
}
function fail($m) { $m->setServerParams($GLOBALS['nonExistingHost'], $GLOBALS['nonExistingPort'], 1, 15, true); return $m->get('311_k'); }

echo "-- Memcache::addServer, 8th argument --\n";
$m = new Memcache;
var_dump($m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, true, 'cb311'));
var_dump($m->_failureCallback);
fail($m);
echo "-- pool-wide: a callback given with a later addServer covers the earlier server too --\n";
$m = new Memcache;
$m->addServer($nonExistingHost, $nonExistingPort, false);
$m->addServer('127.0.0.1', $dead2, false, 1, 1.0, 15, true, 'cb311');
var_dump($m->getExtendedStats());
echo "-- memcache_add_server, 9th argument --\n";
$m = new Memcache;
var_dump(memcache_add_server($m, $nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, true, 'cb311'));
fail($m);
echo "-- addServer with null: no callback --\n";
$m = new Memcache;
var_dump($m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, true, null));
fail($m);
echo "-- addServer with an invalid callback: nothing added --\n";
$m = new Memcache;
var_dump($m->addServer($host, $port, false));
var_dump($m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, true, 'no_such_function_311'));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump(isset($m->_failureCallback));

echo "-- setServerParams, 6th argument --\n";
$m = fresh();
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true, 'cb311'));
fail($m);
echo "-- setServerParams without the argument keeps it --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true));
fail($m);
echo "-- setServerParams with null clears it --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true, null));
var_dump($m->_failureCallback);
fail($m);
echo "-- memcache_set_server_params --\n";
var_dump(memcache_set_server_params($m, $nonExistingHost, $nonExistingPort, 1, 15, true, 'other311'));
fail($m);
echo "-- setServerParams with an invalid callback changes nothing (status stays 0) --\n";
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true, 'no_such_function_311'));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
fail($m);

echo "-- setFailureCallback / memcache_set_failure_callback / null --\n";
$m = fresh();
var_dump($m->setFailureCallback('cb311'));
fail($m);
var_dump(memcache_set_failure_callback($m, 'other311'));
fail($m);
var_dump($m->setFailureCallback(null));
var_dump($m->_failureCallback);
fail($m);
echo "-- invalid callbacks --\n";
var_dump($m->setFailureCallback('no_such_function_311'));
var_dump($m->setFailureCallback([new stdClass, 'nope']));
var_dump(memcache_set_failure_callback($m, 'Nope311::nope'));
fail($m);                                           // still no callback: notice
$p = new MemcachePool;
var_dump($p->setFailureCallback('cb311'));          // no pool yet
var_dump(memcache_set_failure_callback(new Memcache, null));

echo "-- MemcachePool --\n";
$p = new MemcachePool;
$p->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump($p->setFailureCallback('cb311'));
var_dump($p->set('311_k', 1));
var_dump($p->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true, 'other311'));
var_dump($p->set('311_k', 1));
?>
--EXPECTF--
-- Memcache::addServer, 8th argument --
bool(true)
string(5) "cb311"
  cb311 dead Connection failed: Connection refused
-- pool-wide: a callback given with a later addServer covers the earlier server too --
  cb311 dead Connection failed: Connection refused
  cb311 dead2 Connection failed: Connection refused
array(2) {
  ["%s:%d"]=>
  bool(false)
  ["%s:%d"]=>
  bool(false)
}
-- memcache_add_server, 9th argument --
bool(true)
  cb311 dead Connection failed: Connection refused
-- addServer with null: no callback --
bool(true)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
-- addServer with an invalid callback: nothing added --
bool(true)

Warning: Memcache::addserver(): Invalid failure callback in %s on line %d
bool(false)

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line %d
bool(false)
bool(false)
-- setServerParams, 6th argument --
bool(true)
  cb311 dead Connection failed: Connection refused
-- setServerParams without the argument keeps it --
bool(true)
  cb311 dead Connection failed: Connection refused
-- setServerParams with null clears it --
bool(true)
NULL

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
-- memcache_set_server_params --
bool(true)
  other311 Connection failed: Connection refused
-- setServerParams with an invalid callback changes nothing (status stays 0) --
int(0)

Warning: MemcachePool::setserverparams(): Invalid failure callback in %s on line %d
bool(false)
int(0)
  other311 Connection failed: Connection refused
-- setFailureCallback / memcache_set_failure_callback / null --
bool(true)
  cb311 dead Connection failed: Connection refused
bool(true)
  other311 Connection failed: Connection refused
bool(true)
NULL

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
-- invalid callbacks --

Warning: MemcachePool::setfailurecallback(): Invalid failure callback in %s on line %d
bool(false)

Warning: MemcachePool::setfailurecallback(): Invalid failure callback in %s on line %d
bool(false)

Warning: memcache_set_failure_callback(): Invalid failure callback in %s on line %d
bool(false)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: MemcachePool::setfailurecallback(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: memcache_set_failure_callback(): No servers added to memcache connection in %s on line %d
bool(false)
-- MemcachePool --
bool(true)
  cb311 dead Connection failed: Connection refused
bool(false)
bool(true)
  other311 Connection failed: Connection refused
bool(false)
