--TEST--
getServerStatus()/setServerParams(): status 1 for a live server, 0 after a failure, re-enable via setServerParams, "Server not found in pool"
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
// A key on the live server (the ring depends on the harness's ports, so search for one).
for ($i = 0; $m->findServer("249_k$i") !== "$host:$port"; $i++);
$key = "249_k$i";
var_dump($m->getServerStatus($host, $port));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));    // not tried yet
var_dump($m->set($key, 'v'), $m->getServerStatus($host, $port));
$m->getExtendedStats();                                                // touches both servers
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump(memcache_get_server_status($m, $host, $port));

echo "-- setServerParams --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, 15, true));   // re-enable
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1, -1, false));  // disable
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort));                // omitted = defaults: enabled
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump(memcache_set_server_params($m, $host, $port, 0.5, 10));
var_dump($m->get($key));

echo "-- lookups are by exact host string and port --\n";
var_dump($m->getServerStatus('localhost', $port));
var_dump($m->setServerParams($host, $port + 1000));
var_dump($m->setServerParams($host, $port, 1, 15, true, 'no_such_function_249'));
try { $m->getServerStatus(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { memcache_get_server_status('x', $host); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump($m->delete($key));
?>
--EXPECTF--
int(1)
int(1)
bool(true)
int(1)

Notice: MemcachePool::getextendedstats(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
int(0)
int(1)
-- setServerParams --
bool(true)
int(1)
bool(true)
int(0)
bool(true)
int(1)
bool(true)
string(1) "v"
-- lookups are by exact host string and port --

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line %d
bool(false)

Warning: MemcachePool::setserverparams(): Server not found in pool in %s on line %d
bool(false)

Warning: MemcachePool::setserverparams(): Invalid failure callback in %s on line %d
bool(false)
MemcachePool::getserverstatus() expects at least 1 argument, 0 given
memcache_get_server_status(): Argument #1 ($memcache) must be of type MemcachePool, string given
bool(true)
