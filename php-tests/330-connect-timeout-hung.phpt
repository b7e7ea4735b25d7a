--TEST--
Timeouts given to connect()/memcache_connect()/pconnect() and the default (1 s) against a hung server: the TCP connect itself succeeds (the kernel accepts), the first command gives up after the timeout with "Network timeout" and a false result [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
fm_stop($pid);
$timed = function (callable $f, float $min, float $max) {
    $t = microtime(true);
    $r = $f();
    $e = microtime(true) - $t;
    var_dump($r);
    echo $e >= $min && $e < $max ? "in time\n" : sprintf("took %.2f s\n", $e);
};

echo "-- Memcache::connect(host, port, 0.3) --\n";
$m = new Memcache;
var_dump($m->connect('127.0.0.1', $p, 0.3));
$timed(fn() => $m->get('330_k'), 0.25, 1.5);
var_dump($m->getServerStatus('127.0.0.1', $p));

echo "-- memcache_connect(host, port, 0.3) --\n";
$c = memcache_connect('127.0.0.1', $p, 0.3);
var_dump($c instanceof Memcache);
$timed(fn() => memcache_set($c, '330_k', 1), 0.25, 1.5);

echo "-- pconnect(host, port, 0.3) --\n";
$pc = new Memcache;
var_dump($pc->pconnect('127.0.0.1', $p, 0.3));
$timed(fn() => $pc->increment('330_k'), 0.25, 1.5);

echo "-- addServer without a timeout: 1 s --\n";
$d = new MemcachePool;
$d->addServer('127.0.0.1', $p, 0, false);
$timed(fn() => $d->get('330_k'), 0.9, 2.5);
fm_kill($pid);
?>
--EXPECTF--
-- Memcache::connect(host, port, 0.3) --
bool(true)

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
in time
int(0)
-- memcache_connect(host, port, 0.3) --
bool(true)

Notice: memcache_set(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
in time
-- pconnect(host, port, 0.3) --
bool(true)

Notice: MemcachePool::increment(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
in time
-- addServer without a timeout: 1 s --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
in time
