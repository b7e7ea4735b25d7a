--TEST--
Failover off (ini_set mid-script), refused port in a two-server pool: the dead server's keys return false at once for every command, the live server's keys work, multi-key requests keep the live part
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
$live = "$host:$port";
$dead = "$nonExistingHost:$nonExistingPort";
$onDead = $onLive = [];
for ($i = 0; count($onDead) < 5 || count($onLive) < 5; $i++) {
    $k = "301_k$i";
    if ($m->findServer($k) === $dead) {
        if (count($onDead) < 5) $onDead[] = $k;
    } elseif (count($onLive) < 5) {
        $onLive[] = $k;
    }
}
// failover on: a live key works, no server contacted but the live one
var_dump($m->set($onLive[0], 'before'));

ini_set('memcache.allow_failover', 0);
echo "-- first contact with the dead server: one notice --\n";
var_dump($m->set($onDead[0], 'x'));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
echo "-- afterwards silent, every command false for dead keys --\n";
$t = microtime(true);
foreach ($onDead as $k) {
    $r = [$m->set($k, 'x'), $m->add($k, 'x'), $m->replace($k, 'x'), $m->get($k), $m->delete($k),
          $m->increment($k), $m->decrement($k), $m->append($k, 'x'), $m->prepend($k, 'x')];
    echo $k === $onDead[0] ? json_encode($r) . "\n" : '';
    if ($r !== array_fill(0, 9, false)) echo "unexpected for $k: ", json_encode($r), "\n";
}
var_dump(microtime(true) - $t < 1.0);
var_dump($m->findServer($onDead[1]) === $dead);     // no failover: findServer keeps the primary

echo "-- live keys work --\n";
foreach ($onLive as $k) {
    if ($m->set($k, "v:$k") !== true || $m->get($k) !== "v:$k") echo "live key $k failed\n";
}
var_dump($m->set($onLive[0], 10), $m->increment($onLive[0], 5));

echo "-- multi-key: only the live part --\n";
$all = array_merge($onLive, $onDead);
$r = $m->get($all);
ksort($r);
$exp = [];
foreach ($onLive as $k) $exp[$k] = "v:$k";
$exp[$onLive[0]] = 15;
ksort($exp);
var_dump($r === $exp);
$arr = [];
foreach ($all as $k) $arr[$k] = "w:$k";
$m->set($arr);                                     // result: see 302
$r = $m->get($all);
var_dump(count($r) === count($onLive) && !array_diff_key($r, array_flip($onLive)));
$m->delete($all);
var_dump($m->get($onLive));

echo "-- failover back on: the dead keys move --\n";
ini_set('memcache.allow_failover', 1);
var_dump($m->set($onDead[0], 'moved'), $m->get($onDead[0]), $m->findServer($onDead[0]) === $live);
var_dump($m->delete($onDead[0]));
?>
--EXPECTF--
bool(true)
-- first contact with the dead server: one notice --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
int(0)
-- afterwards silent, every command false for dead keys --
[false,false,false,false,false,false,false,false,false]
bool(true)
bool(true)
-- live keys work --
bool(true)
int(15)
-- multi-key: only the live part --
bool(true)
bool(true)
array(0) {
}
-- failover back on: the dead keys move --
bool(true)
string(5) "moved"
bool(true)
bool(true)
