--TEST--
timeout is a float with sub-second precision (0.3 s is neither 0 nor 1 s), and a hung server costs one timeout per failure, also on a connection that already served requests in this pool: no silent reconnect-and-wait-again (as in the C extension, only a persistent socket reused for the first time in a request is reconnected silently) [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
// memcached's own count, over a raw ASCII socket of its own (getStats is false under binary)
function total_connections(int $p): int {
    return (int) test_memcached_stats($p)['total_connections'];
}

// a: fresh connection, timeout 0.3
$a = new MemcachePool;
$a->addServer('127.0.0.1', $p, 0, false, 1, 0.3, 15);
// b: connection used before the stop (state CONNECTED within this pool), timeout 1.0
$b = new MemcachePool;
$b->addServer('127.0.0.1', $p, 0, false, 1, 1.0, 15);
var_dump($b->set('307_k', 'v'), $b->get('307_k'));
$before = total_connections($p);

fm_stop($pid);
echo "-- fresh connection, timeout 0.3 --\n";
$t = microtime(true);
var_dump($a->get('307_k'));
$e = microtime(true) - $t;
var_dump($e >= 0.25, $e < 0.9);

echo "-- established connection, timeout 1.0 --\n";
$t = microtime(true);
var_dump($b->get('307_k'));
$e = microtime(true) - $t;
var_dump($e >= 0.9);
var_dump($e < 1.7);                         // one timeout, not two
var_dump($b->getServerStatus('127.0.0.1', $p));
fm_cont($pid);
usleep(100000);
// connections accepted meanwhile: a's one, and the counting client's own (none from b)
var_dump(total_connections($p) - $before);
fm_kill($pid);
?>
--EXPECTF--
bool(true)
string(1) "v"
-- fresh connection, timeout 0.3 --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(true)
bool(true)
-- established connection, timeout 1.0 --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(true)
bool(true)
int(0)
int(2)
