--TEST--
addServer is lazy (true for a dead server) and validates weight and port numbers
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

echo "-- lazy --\n";
$m = new Memcache;
$t = microtime(true);
var_dump($m->addServer($nonExistingHost, $nonExistingPort));       // no network I/O, no notice
var_dump($m->addServer('127.0.0.1', 1, false, 1, 0.2));
var_dump(microtime(true) - $t < 0.5);
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort)); // not yet tried: 1
$p = new MemcachePool;
var_dump($p->addServer($nonExistingHost, $nonExistingPort, 0, false));
var_dump($p->addServer($host, $port));
var_dump(memcache_add_server(new Memcache, $nonExistingHost, $nonExistingPort));

echo "-- weight --\n";
$w = new Memcache;
var_dump($w->addServer($host, $port, true, 0));
var_dump($w->addServer($host, $port, true, -5));
var_dump($w);                                  // nothing added, no pool created
var_dump($w->addServer($host, $port, true, 3));
var_dump($w->set('209_k', 'w'), $w->get('209_k'));
$wp = new MemcachePool;
var_dump($wp->addServer($host, $port, 0, true, 0));
var_dump($wp->connect($host, $port, 0, true, -1));

echo "-- ports --\n";
var_dump($wp->addServer($host, -1));
var_dump($wp->addServer($host, 65636));
var_dump($wp->addServer($host, $port, -1));
var_dump($wp->addServer($host, $port, 70000));
var_dump($wp->connect($host, -5));
var_dump($w->addServer($host, 70000));
var_dump($w->addServer($host, -1));
$c = new Memcache;
var_dump($c->connect($host, -1));
var_dump($c->pconnect($host, 99999));
var_dump($c);
var_dump($wp->addServer($host, 65535));        // upper valid port
// A udp port under the binary protocol: a notice, and the server is added with udp 0.
[$r, $errors] = test_collect_errors(fn() => $wp->addServer($host, $port, 65535));
var_dump($r);
check_per_protocol('udp port notice', $errors, [],
    ["Notice: MemcachePool::addserver(): binary protocol isn't support over UDP, defaulting to TCP"]);

var_dump($w->delete('209_k'));
?>
--EXPECTF--
-- lazy --
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
bool(true)
bool(true)
-- weight --

Warning: Memcache::addserver(): weight must be a positive integer in %s on line %d
bool(false)

Warning: Memcache::addserver(): weight must be a positive integer in %s on line %d
bool(false)
object(Memcache)#%d (0) {
}
bool(true)
bool(true)
string(1) "w"

Warning: MemcachePool::addserver(): weight must be a positive integer in %s on line %d
bool(false)

Warning: MemcachePool::connect(): weight must be a positive integer in %s on line %d
bool(false)
-- ports --

Warning: MemcachePool::addserver(): invalid tcp port number in %s on line %d
bool(false)

Warning: MemcachePool::addserver(): invalid tcp port number in %s on line %d
bool(false)

Warning: MemcachePool::addserver(): invalid udp port number in %s on line %d
bool(false)

Warning: MemcachePool::addserver(): invalid udp port number in %s on line %d
bool(false)

Warning: MemcachePool::connect(): invalid tcp port number in %s on line %d
bool(false)

Warning: Memcache::addserver(): invalid tcp port number in %s on line %d
bool(false)

Warning: Memcache::addserver(): invalid tcp port number in %s on line %d
bool(false)

Warning: Memcache::connect(): invalid tcp port number in %s on line %d
bool(false)

Warning: Memcache::pconnect(): invalid tcp port number in %s on line %d
bool(false)
object(Memcache)#%d (0) {
}
bool(true)
bool(true)
udp port notice: ok
bool(true)
