--TEST--
getStats/getExtendedStats/getVersion/flush with a refused and a hung server in the pool: false entry for each failed server, the others still answer, stats requests are not re-routed, getStats/getVersion return the first answering server, flush is false (spec §3.6, §3.8, §10.3)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
$pidOf = function ($h, $port) { $c = new Memcache; $c->connect($h, $port); return $c->getStats()['pid']; };
$pid1 = $pidOf($host, $port);
$pid2 = $pidOf($host2, $port2);
$pidP = $pidOf('127.0.0.1', $p);

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
var_dump($e[$dead], $e[$hung]['pid'] === $pidP, $e["$host:$port"]['pid'] === $pid1, $e["$host2:$port2"]['pid'] === $pid2);
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));

echo "-- one server hung --\n";
fm_stop($pid);
$t = microtime(true);
$e = $m->getExtendedStats();
var_dump(microtime(true) - $t < 1.5);
var_dump($e[$dead], $e[$hung], $e["$host:$port"]['pid'] === $pid1, $e["$host2:$port2"]['pid'] === $pid2);
var_dump($m->getServerStatus('127.0.0.1', $p));

echo "-- failed servers are skipped silently now --\n";
$t = microtime(true);
$e = $m->getExtendedStats('slabs');
var_dump($e[$dead], $e[$hung], is_array($e["$host:$port"]), is_array($e["$host2:$port2"]));
$s = $m->getStats();                                 // first answering server in insertion order
var_dump($s['pid'] === $pid1);
var_dump(is_string($m->getVersion()));
var_dump(microtime(true) - $t < 0.25);               // no wait on the hung server
var_dump(memcache_get_extended_stats($m)[$hung]);

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
bool(true)
bool(true)
bool(true)
int(0)
-- one server hung --

Notice: MemcachePool::getextendedstats(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(true)
bool(false)
bool(false)
bool(true)
bool(true)
int(0)
-- failed servers are skipped silently now --
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
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
