--TEST--
getStats/getExtendedStats/getVersion/flush with a refused and a hung server in the pool: false entry for each failed server, the others still answer, stats requests are not re-routed, getStats/getVersion return the first answering server, flush is false; binary: a live server's stats are false too (not supported), the failures and the rest are the same [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
// memcached's pids, over a raw ASCII socket of its own (getStats is false under binary)
$pid1 = test_memcached_stats($port)['pid'];
$pid2 = test_memcached_stats($port2)['pid'];
$pidP = test_memcached_stats($p)['pid'];
// a server's entry in a stats result: its pid (ASCII), false as is (binary: stats not supported)
function pid325($stats) { return is_array($stats) ? $stats['pid'] : $stats; }

$m = new MemcachePool;
$m->addServer($nonExistingHost, $nonExistingPort, 0, false, 1, 0.3, 15);
$m->addServer('127.0.0.1', $p, 0, false, 1, 0.3, 15);
$m->addServer($host, $port, 0, false, 1, 0.3, 15);
$m->addServer($host2, $port2, 0, false, 1, 0.3, 15);
$dead = "$nonExistingHost:$nonExistingPort";
$hung = "127.0.0.1:$p";

echo "-- all up but the refused one --\n";
$e = $m->getExtendedStats();
var_dump(array_keys($e) === [$dead, $hung, "$host:$port", "$host2:$port2"]);
var_dump($e[$dead]);
check_per_protocol('live servers\' stats', [pid325($e[$hung]), pid325($e["$host:$port"]), pid325($e["$host2:$port2"])],
    [$pidP, $pid1, $pid2], [false, false, false]);
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));

echo "-- one server hung --\n";
fm_stop($pid);
$t = microtime(true);
$e = $m->getExtendedStats();
var_dump(microtime(true) - $t < 1.5);
var_dump($e[$dead], $e[$hung]);
check_per_protocol('live servers\' stats', [pid325($e["$host:$port"]), pid325($e["$host2:$port2"])],
    [$pid1, $pid2], [false, false]);
var_dump($m->getServerStatus('127.0.0.1', $p));

echo "-- failed servers are skipped silently now --\n";
$t = microtime(true);
$e = $m->getExtendedStats('slabs');
var_dump($e[$dead], $e[$hung]);
check_per_protocol('live servers\' slabs are arrays', [is_array($e["$host:$port"]), is_array($e["$host2:$port2"])],
    [true, true], [false, false]);
$s = $m->getStats();                                 // first answering server in insertion order
check_per_protocol('getStats', pid325($s), $pid1, false);
var_dump(is_string($m->getVersion()));
var_dump(microtime(true) - $t < 0.25);               // no wait on the hung server
var_dump(memcache_get_extended_stats($m)[$hung]);
var_dump($m->getServerStatus($host, $port), $m->getServerStatus($host2, $port2));   // stats false: still up

echo "-- flush over a pool with failed servers --\n";
$f = new MemcachePool;
$f->addServer($nonExistingHost, $nonExistingPort, 0, false);
$f->addServer('127.0.0.1', fm_start_memcached()[1], 0, false);
var_dump($f->flush());

echo "-- every server down --\n";
$d = new MemcachePool;
$d->addServer($nonExistingHost, $nonExistingPort, 0, false);
$d->addServer('127.0.0.1', $p, 0, false, 1, 0.3, 15);
var_dump($d->getStats(), $d->getVersion(), $d->getExtendedStats());
fm_kill($pid);
?>
--EXPECTF--
-- all up but the refused one --

Notice: MemcachePool::getextendedstats(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(false)
live servers' stats: ok
int(0)
-- one server hung --

Notice: MemcachePool::getextendedstats(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(true)
bool(false)
bool(false)
live servers' stats: ok
int(0)
-- failed servers are skipped silently now --
bool(false)
bool(false)
live servers' slabs are arrays: ok
getStats: ok
bool(true)
bool(true)
bool(false)
int(1)
int(1)
-- flush over a pool with failed servers --

Notice: MemcachePool::flush(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- every server down --

Notice: MemcachePool::getstats(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Notice: MemcachePool::getstats(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(false)
array(2) {
  ["%s:%d"]=>
  bool(false)
  ["127.0.0.1:%d"]=>
  bool(false)
}
