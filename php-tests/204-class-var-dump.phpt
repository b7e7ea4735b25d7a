--TEST--
var_dump shape: new Memcache/MemcachePool has no properties; connect/addServer creates the "connection" resource property
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
var_dump($m);
var_dump(isset($m->connection));
var_dump($m->connect($host, $port));
var_dump($m);
var_dump(get_resource_type($m->connection));

$p = new MemcachePool;
var_dump($p);
var_dump($p->addServer($host, $port));
var_dump($p);

// a failed validation does not create the property
$v = new Memcache;
var_dump($v->addServer($host, $port, true, 0));
var_dump($v);

// a failed connection attempt does create it
$f = new Memcache;
var_dump(@$f->connect($nonExistingHost, $nonExistingPort));
var_dump(get_resource_type($f->connection));

// memcache_connect returns a Memcache with the property
$c = memcache_connect($host, $port);
var_dump($c);
?>
--EXPECTF--
object(Memcache)#%d (0) {
}
bool(false)
bool(true)
object(Memcache)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
string(19) "memcache connection"
object(MemcachePool)#%d (0) {
}
bool(true)
object(MemcachePool)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}

Warning: Memcache::addserver(): weight must be a positive integer in %s on line %d
bool(false)
object(Memcache)#%d (0) {
}
bool(false)
string(19) "memcache connection"
object(Memcache)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
