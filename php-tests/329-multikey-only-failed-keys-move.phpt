--TEST--
Multi-key requests with one server hanging (three-server pool): only the failed server's keys move (along their key-n sequence), the other keys stay on their own servers; multi-get returns every key; failover off drops just the failed server's part
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
$m = new Memcache;
$m->addServer($host, $port, false, 1, 1.0, 15);
$m->addServer('127.0.0.1', $p, false, 1, 0.3, 15);
$m->addServer($host2, $port2, false, 1, 1.0, 15);
$singles = [];
foreach (["$host:$port" => [$host, $port], "$host2:$port2" => [$host2, $port2]] as $n => [$h, $pp]) {
    $singles[$n] = new Memcache;
    $singles[$n]->connect($h, $pp);
}
$priv = "127.0.0.1:$p";
$keys = [];
for ($i = 0; $i < 60; $i++) $keys["329_k$i"] = $m->findServer("329_k$i");
foreach ($singles as $s) $s->delete(array_keys($keys));
var_dump(count(array_keys($keys, $priv, true)) > 0, count(array_diff($keys, [$priv])) > 0);

fm_stop($pid);
$arr = [];
foreach ($keys as $k => $_) $arr[$k] = "v:$k";
$t = microtime(true);
var_dump($m->set($arr));
var_dump(microtime(true) - $t < 1.5);
var_dump($m->getServerStatus('127.0.0.1', $p));

$wrong = 0;
foreach ($keys as $k => $primary) {
    $now = $m->findServer($k);
    $where = [];
    foreach ($singles as $n => $s) if ($s->get($k) === "v:$k") $where[] = $n;
    if ($primary === $priv) {
        if ($now === $priv || $where !== [$now]) $wrong++;         // moved, to the server findServer names
    } elseif ($now !== $primary || $where !== [$primary]) {
        $wrong++;                                                    // untouched
    }
}
var_dump($wrong);
var_dump($m->get(array_keys($keys)) == $arr);

echo "-- failover off: only the failed server's keys are missing --\n";
ini_set('memcache.allow_failover', 0);
$r = $m->get(array_keys($keys));
ksort($r);
$exp = array_intersect_key($arr, array_diff($keys, [$priv]));
ksort($exp);
var_dump($r === $exp);
ini_set('memcache.allow_failover', 1);
foreach ($singles as $s) $s->delete(array_keys($keys));
fm_kill($pid);
?>
--EXPECTF--
bool(true)
bool(true)

Notice: MemcachePool::set(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(true)
bool(true)
int(0)
int(0)
bool(true)
-- failover off: only the failed server's keys are missing --
bool(true)
