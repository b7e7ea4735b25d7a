--TEST--
addServer(status=false, retry_interval=-1): the server takes no traffic at all, its keys go to the others (failover on) or fail silently (failover off), getServerStatus 0; setServerParams(..., true) brings it into service at runtime (upstream tests 031/032)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

// memcached's own counters, over a raw ASCII socket of its own (getStats is false under binary)
function stats316(int $p): array {
    $s = test_memcached_stats($p);
    return [(int) $s['cmd_get'], (int) $s['cmd_set'], (int) $s['curr_items']];
}

[$pid, $p] = fm_start_memcached();
set_error_handler(function ($no, $str) { echo "error handler: $str\n"; return true; }, E_ALL & ~E_DEPRECATED);
$m = new Memcache;
$m->addServer('127.0.0.1', $p, false, 1, 1.0, -1, false);
$m->addServer($host, $port, false);
var_dump($m->getServerStatus('127.0.0.1', $p), $m->getServerStatus($host, $port));
$priv = "127.0.0.1:$p";
$keys = [];
for ($i = 0; $i < 30; $i++) $keys[] = "316_k$i";

echo "-- failover on: every key works, none reaches the disabled server --\n";
$onPriv = array_values(array_filter($keys, fn($k) => $m->findServer($k) !== "$host:$port"));
var_dump(count($onPriv) === 0);                     // findServer already skips it
$ok = 0;
foreach ($keys as $k) $ok += $m->set($k, "v:$k") && $m->get($k) === "v:$k";
var_dump($ok);
var_dump(count($m->get($keys)), $m->set('316_n', 1), $m->increment('316_n', 2), $m->delete('316_n'));
var_dump(stats316($p));
var_dump($m->getServerStatus('127.0.0.1', $p));

echo "-- failover off: its keys fail, silently --\n";
ini_set('memcache.allow_failover', 0);
$primaryPriv = array_values(array_filter($keys, fn($k) => $m->findServer($k) === $priv));
var_dump(count($primaryPriv) > 0);
$res = [];
foreach ($primaryPriv as $k) $res[] = [$m->set($k, 'x'), $m->get($k)];
var_dump(array_unique($res, SORT_REGULAR));
var_dump(count($m->get($keys)) === count($keys) - count($primaryPriv));
var_dump(stats316($p));

echo "-- setServerParams(status true) puts it into service --\n";
var_dump($m->setServerParams('127.0.0.1', $p, 1.0, -1, true));
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($m->set($primaryPriv[0], 'now-on-private'), $m->get($primaryPriv[0]));
ini_set('memcache.allow_failover', 1);
var_dump($m->findServer($primaryPriv[0]) === $priv);
[$gets, $sets, $items] = stats316($p);
var_dump($sets, $items);
echo "-- and setServerParams(status false, -1) takes it out again --\n";
var_dump($m->setServerParams('127.0.0.1', $p, 1.0, -1, false));
var_dump($m->getServerStatus('127.0.0.1', $p), $m->findServer($primaryPriv[0]) === "$host:$port");
var_dump($m->get($primaryPriv[0]) === "v:$primaryPriv[0]");   // the live server's copy from the failover phase
$m->delete($keys);
fm_kill($pid);
?>
--EXPECT--
int(0)
int(1)
-- failover on: every key works, none reaches the disabled server --
bool(true)
int(30)
int(30)
bool(true)
int(3)
bool(true)
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
int(0)
-- failover off: its keys fail, silently --
bool(true)
array(1) {
  [0]=>
  array(2) {
    [0]=>
    bool(false)
    [1]=>
    bool(false)
  }
}
bool(true)
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(0)
}
-- setServerParams(status true) puts it into service --
bool(true)
int(1)
bool(true)
string(14) "now-on-private"
bool(true)
int(1)
int(1)
-- and setServerParams(status false, -1) takes it out again --
bool(true)
int(0)
bool(true)
bool(true)
