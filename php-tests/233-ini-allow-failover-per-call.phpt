--TEST--
INI: memcache.allow_failover is read per call on an existing pool (dead server + live server)
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
// pick one key per server while nothing has failed yet
$deadKey = $liveKey = null;
for ($i = 0; $deadKey === null || $liveKey === null; $i++) {
    $k = "233_k$i";
    if ($m->findServer($k) === $dead) $deadKey ??= $k; else $liveKey ??= $k;
}

ini_set('memcache.allow_failover', '0');
var_dump($m->set($deadKey, 'x'));           // first contact: notice, no failover
var_dump($m->set($deadKey, 'x'));           // already failed: silent false
var_dump($m->get($deadKey));
var_dump($m->set($liveKey, 'live'));
var_dump($m->findServer($deadKey) === $dead);

ini_set('memcache.allow_failover', '1');    // same pool, next call fails over
var_dump($m->set($deadKey, 'moved'));
var_dump($m->get($deadKey));
var_dump($m->findServer($deadKey) === $live);
var_dump($m->get([$deadKey, $liveKey]) == [$deadKey => 'moved', $liveKey => 'live']);

ini_set('memcache.allow_failover', '0');
var_dump($m->get($deadKey));
var_dump($m->findServer($deadKey) === $dead);
var_dump($m->get($liveKey));

ini_set('memcache.allow_failover', 'abc');  // warning, value 0: no failover
var_dump($m->set($deadKey, 'y'));
ini_restore('memcache.allow_failover');
var_dump(ini_get('memcache.allow_failover'));
var_dump($m->get($deadKey));

$c = test_connect1();                        // the failed-over key really lives on the live server
var_dump($c->get($deadKey));
var_dump($c->delete($deadKey), $c->delete($liveKey));
?>
--EXPECTF--
Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
string(5) "moved"
bool(true)
bool(true)
bool(false)
bool(true)
string(4) "live"

Warning: Invalid "memcache.allow_failover" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
bool(false)
string(1) "1"
string(5) "moved"
string(5) "moved"
bool(true)
bool(true)
