--TEST--
INI: memcache.default_port is used (read at each call) when the port is omitted in connect/addServer/getServerStatus/setServerParams
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

var_dump(ini_set('memcache.default_port', (string) $port));
$m = new Memcache;
var_dump($m->addServer($host));
var_dump($m->findServer('232_k') === "$host:$port");
var_dump($m->set('232_k', 'dp'), $m->get('232_k'));
var_dump($m->getServerStatus($host));
var_dump($m->setServerParams($host));

$c = new Memcache;
var_dump($c->connect($host), $c->get('232_k'));
$pc = new Memcache;
var_dump($pc->pconnect($host), $pc->get('232_k'));
$f = memcache_connect($host);
var_dump($f->get('232_k'));
$p = new MemcachePool;
var_dump($p->addServer($host), $p->get('232_k'));
$pp = new MemcachePool;
var_dump($pp->connect($host), $pp->get('232_k'));

echo "-- changed afterwards: lookups use the new default --\n";
ini_set('memcache.default_port', (string) $port2);
var_dump($m->getServerStatus($host));
var_dump($m->setServerParams($host));
var_dump($m->getServerStatus($host, $port));
var_dump($m->addServer($host));
var_dump(in_array("$host:$port2", array_keys($m->getExtendedStats()), true));

echo "-- default pointing at a closed port --\n";
ini_set('memcache.default_port', (string) $nonExistingPort);
$d = new Memcache;
var_dump($d->connect($nonExistingHost));

ini_restore('memcache.default_port');
var_dump(ini_get('memcache.default_port'));
var_dump($c->delete('232_k'));
?>
--EXPECTF--
string(5) "11211"
bool(true)
bool(true)
bool(true)
string(2) "dp"
int(1)
bool(true)
bool(true)
string(2) "dp"
bool(true)
string(2) "dp"
string(2) "dp"
bool(true)
string(2) "dp"
bool(true)
string(2) "dp"
-- changed afterwards: lookups use the new default --

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line %d
bool(false)

Warning: MemcachePool::setserverparams(): Server not found in pool in %s on line %d
bool(false)
int(1)
bool(true)
bool(true)
-- default pointing at a closed port --

Notice: Memcache::connect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: Memcache::connect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)
string(5) "11211"
bool(true)
