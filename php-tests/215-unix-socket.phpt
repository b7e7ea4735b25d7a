--TEST--
Unix domain sockets: addServer('unix://path', 0), connect, memcache_connect with null port, findServer shows "unix://path:0"
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
var_dump($m->addServer($unixUrl, 0));
var_dump($m->set('215_k', 'via-unix'));
var_dump($m->get('215_k'));
var_dump($m->findServer('215_k') === $unixUrl . ':0');
var_dump(array_keys($m->getExtendedStats()) === [$unixUrl . ':0']);
var_dump($m->getServerStatus($unixUrl, 0));
var_dump(is_string($m->getVersion()));

$c = new Memcache;
var_dump($c->connect($unixUrl, 0));
var_dump($c->get('215_k'));

$n = new Memcache;
var_dump($n->connect($unixUrl, null));    // null port = 0
var_dump($n->get('215_k'));
var_dump($n->findServer('215_k') === $unixUrl . ':0');

$f = memcache_connect($unixUrl, null);
var_dump(get_class($f), $f->get('215_k'));
$f2 = memcache_pconnect($unixUrl, 0);
var_dump(get_class($f2), memcache_get($f2, '215_k'));

$p = new MemcachePool;
var_dump($p->connect($unixUrl, 0));
var_dump($p->get('215_k'));

// the unix server is a different server than the TCP ones: the key is not there
$t = test_connect_pool();
var_dump($t->get('215_k'));

// missing socket file
$d = new Memcache;
var_dump($d->connect('unix:///tmp/no-such-dir-215/memcached.sock', 0));

var_dump($m->delete('215_k'), $m->get('215_k'));
?>
--EXPECTF--
bool(true)
bool(true)
string(8) "via-unix"
bool(true)
bool(true)
int(1)
bool(true)
bool(true)
string(8) "via-unix"
bool(true)
string(8) "via-unix"
bool(true)
string(8) "Memcache"
string(8) "via-unix"
string(8) "Memcache"
string(8) "via-unix"
bool(true)
string(8) "via-unix"
bool(false)

Notice: Memcache::connect(): Server unix:///tmp/no-such-dir-215/memcached.sock (tcp 0, udp 0) failed with: Connection failed: No such file or directory (2) in %s on line %d

Warning: Memcache::connect(): Can't connect to unix:///tmp/no-such-dir-215/memcached.sock:0, Connection failed: No such file or directory (2) in %s on line %d
bool(false)
bool(true)
bool(false)
