--TEST--
Hung server with retry_interval -1: after one timeout it is never used again, even after SIGCONT and a wait, until setServerParams(..., status true) brings it back at runtime
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
$calls = 0;
$m = new Memcache;
$m->addServer('127.0.0.1', $p, false, 1, 0.2, -1);
$m->addServer($host, $port, false, 1, 1.0, 15);
$m->setFailureCallback(function ($h, $tp, $up, $err, $no) use (&$calls, $p) {
    $calls++;
    echo "callback: ", $tp === $p ? 'private' : $tp, " $err ($no)\n";
});
$k = fm_key_on($m, '306_k', '127.0.0.1', $p);
$liveOnly = new Memcache;
$liveOnly->connect($host, $port);
$liveOnly->delete($k);
var_dump($m->set($k, 'private'));

fm_stop($pid);
$t = microtime(true);
var_dump($m->get($k));
var_dump(microtime(true) - $t < 1.5);
var_dump($m->getServerStatus('127.0.0.1', $p));
fm_cont($pid);
$failedAt = time();
for ($i = 0; $i < 80 && time() < $failedAt + 2; $i++) usleep(50000);   // longer than any positive interval used here

echo "-- resumed, but never retried automatically --\n";
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($m->findServer($k) === "$host:$port");
var_dump($m->set($k, 'live'), $m->get($k));
ini_set('memcache.allow_failover', 0);
var_dump($m->get($k));
ini_set('memcache.allow_failover', 1);
var_dump($liveOnly->get($k));
var_dump($calls);

echo "-- setServerParams(status true) --\n";
var_dump($m->setServerParams('127.0.0.1', $p, 0.2, -1, true));
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($m->findServer($k) === "127.0.0.1:$p");
var_dump($m->get($k));
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($calls);
$m->delete($k);
$liveOnly->delete($k);
fm_kill($pid);
?>
--EXPECT--
bool(true)
callback: private Network timeout (0)
bool(false)
bool(true)
int(0)
-- resumed, but never retried automatically --
int(0)
bool(true)
bool(true)
string(4) "live"
bool(false)
string(4) "live"
int(1)
-- setServerParams(status true) --
bool(true)
int(1)
bool(true)
string(7) "private"
int(1)
int(1)
