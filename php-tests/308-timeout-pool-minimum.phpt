--TEST--
The I/O wait is the smallest timeout of all servers in the pool: a hung server added with timeout 1.0 next to one with 0.3 gives up after about 0.3 s; setServerParams lowers that minimum but never raises it, as in the C extension [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
fm_stop($pid);

echo "-- added with 1.0 next to a server with 0.3 --\n";
$m = new Memcache;
$m->addServer('127.0.0.1', $p, false, 1, 1.0, 15);
$m->addServer($host, $port, false, 1, 0.3, 15);
$k = fm_key_on($m, '308_k', '127.0.0.1', $p);
$t = microtime(true);
var_dump($m->get($k));
$e = microtime(true) - $t;
var_dump($e >= 0.25, $e < 0.8);

echo "-- setServerParams lowers the minimum and never raises it --\n";
$n = new Memcache;
$n->addServer('127.0.0.1', $p, false, 1, 1.0, 15);
$n->addServer($host, $port, false, 1, 1.0, 15);
var_dump($n->setServerParams($host, $port, 0.3, 15, true));
var_dump($n->setServerParams($host, $port, 1.0, 15, true));
$t = microtime(true);
var_dump($n->get($k));
$e = microtime(true) - $t;
var_dump($e >= 0.25, $e < 0.8);
fm_kill($pid);
?>
--EXPECTF--
-- added with 1.0 next to a server with 0.3 --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(true)
bool(true)
-- setServerParams lowers the minimum and never raises it --
bool(true)
bool(true)

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(true)
bool(true)
