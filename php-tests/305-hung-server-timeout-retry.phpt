--TEST--
Hung server (memcached stopped with SIGSTOP): with timeout 0.2 the call gives up quickly with "Network timeout", the server is marked failed (status 0), no call waits on it during retry_interval, its keys fail over; after SIGCONT and the interval it is used again with its old data, as with the C extension (memcache.failback_flush=never; the default, auto, would flush it first: see 360)
--INI--
memcache.failback_flush=never
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
$m = new Memcache;
$m->addServer('127.0.0.1', $p, false, 1, 0.2, 2);      // timeout 0.2 s, retry_interval 2 s
$m->addServer($host, $port, false, 1, 1.0, 2);
$k = fm_key_on($m, '305_k', '127.0.0.1', $p);
$k2 = fm_key_on($m, '305_j', '127.0.0.1', $p);
$lk = fm_key_on($m, '305_l', $host, $port);
$liveOnly = new Memcache;
$liveOnly->connect($host, $port);
$liveOnly->delete($k);                             // leftovers of an earlier run (failover copies)
$liveOnly->delete($k2);
var_dump($m->set($k, 'on-private'), $m->set($lk, 'on-live'), $m->get($k));

fm_stop($pid);
echo "-- stopped --\n";
$t = microtime(true);
$r = $m->get($k);
$elapsed = microtime(true) - $t;
var_dump($r);                                       // failed over to the live server: miss
var_dump($elapsed >= 0.15, $elapsed < 0.6);
var_dump($m->getServerStatus('127.0.0.1', $p));
$failedAt = time();

echo "-- during retry_interval nothing waits on it --\n";
$t = microtime(true);
var_dump($m->set($k, 'moved'), $m->get($k), $m->set($k2, 'moved2'), $m->get([$k, $k2, $lk]));
var_dump($m->findServer($k) === "$host:$port");
ini_set('memcache.allow_failover', 0);
var_dump($m->get($k), $m->set($k, 'x'), $m->get($lk));    // failover off: false at once, live key fine
ini_set('memcache.allow_failover', 1);
var_dump(microtime(true) - $t < 0.5);               // 9 calls; a single wait would be 0.2 s
var_dump(time() - $failedAt <= 1);                  // (all of the above ran inside the interval)
var_dump($m->getServerStatus('127.0.0.1', $p));

echo "-- resumed; after the interval it is used again --\n";
fm_cont($pid);
for ($i = 0; $i < 80 && time() < $failedAt + 3; $i++) usleep(50000);
var_dump($m->findServer($k) === "127.0.0.1:$p");
$t = microtime(true);
var_dump($m->get($k));                              // the value written before the stop
var_dump(microtime(true) - $t < 0.5);
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($m->set($k, 'back'), $m->get($k));
$direct = new Memcache;
$direct->connect('127.0.0.1', $p);
var_dump($direct->get($k));
$m->delete($k);
$m->delete($k2);
foreach ([$k, $k2, $lk] as $x) $liveOnly->delete($x);
fm_kill($pid);
?>
--EXPECTF--
bool(true)
bool(true)
string(10) "on-private"
-- stopped --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(false)
bool(true)
bool(true)
int(0)
-- during retry_interval nothing waits on it --
bool(true)
string(5) "moved"
bool(true)
array(3) {
  ["305_%s"]=>
  string(%d) "moved%S"
  ["305_%s"]=>
  string(%d) "%s"
  ["305_%s"]=>
  string(%d) "%s"
}
bool(true)
bool(false)
bool(false)
string(7) "on-live"
bool(true)
bool(true)
int(0)
-- resumed; after the interval it is used again --
bool(true)
string(10) "on-private"
bool(true)
int(1)
bool(true)
string(4) "back"
string(4) "back"
