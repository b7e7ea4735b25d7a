--TEST--
A server that sends half a VALUE block and closes: "Read failed" failure, the call fails over (or returns false with failover off), no crash, no garbage, the other server stays up, and the next request on a fresh connection reads correct data
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die('skip the fake server speaks the ASCII protocol; broken binary replies are covered by tests/binary.rs (broken_binary_replies_fail_the_server_and_are_never_reused)');
}
if (test_protocol() === 'meta') {
    die('skip the fake server speaks the ASCII protocol; broken meta replies (half a VA block, then close) are covered by tests/meta.rs (broken_meta_replies_fail_the_server_and_are_never_reused)');
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

// connections 1, 3, 5: half a value, then close; 2, 4, 6: a correct reply to every request
$broken = "CLOSE:VALUE {KEY} 0 10\r\nhello";
$good = "VALUE {KEY} 0 9\r\nfrom-fake\r\nEND\r\n";
[$fpid, $fp] = fm_start_fake([$broken, $good, $broken, $good, $broken, $good]);
$liveOnly = new Memcache;
$liveOnly->connect($host, $port);

function pool309($fp) {
    global $host, $port;
    $m = new Memcache;
    $m->addServer('127.0.0.1', $fp, false, 1, 1.0, 0);     // retry_interval 0: retried next request
    $m->addServer($host, $port, false, 1, 1.0, 15);
    return $m;
}

echo "-- failover on --\n";
$m = pool309($fp);
$k = fm_key_on($m, '309_k', '127.0.0.1', $fp);
$lk = fm_key_on($m, '309_l', $host, $port);
$liveOnly->set($k, 'from-live');                   // what the failover server holds for $k
$liveOnly->set($lk, 'live-key');
var_dump($m->get($k));
var_dump($m->getServerStatus('127.0.0.1', $fp), $m->getServerStatus($host, $port));
var_dump($m->get($k));                             // fresh connection to the fake: correct data
var_dump($m->get($lk));

echo "-- failover off --\n";
ini_set('memcache.allow_failover', 0);
$m = pool309($fp);
var_dump($m->get($k));
var_dump($m->getServerStatus('127.0.0.1', $fp));
var_dump($m->get($lk));
var_dump($m->get($k));
ini_set('memcache.allow_failover', 1);

echo "-- multi-key get --\n";
$m = pool309($fp);
$r = $m->get([$k, $lk]);
ksort($r);
// $k's part failed over to the live server (a retry of the fake, allowed by retry_interval 0,
// would also give correct data)
var_dump(count($r), in_array($r[$k] ?? null, ['from-live', 'from-fake'], true), $r[$lk] ?? null);
var_dump($m->getServerStatus($host, $port));
$r = $m->get([$k, $lk]);
ksort($r);
var_dump($r);
$liveOnly->delete($k);
$liveOnly->delete($lk);
?>
--EXPECTF--
-- failover on --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Read failed (socket was unexpectedly closed) (0) in %s on line %d
string(9) "from-live"
int(0)
int(1)
string(9) "from-fake"
string(8) "live-key"
-- failover off --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Read failed (socket was unexpectedly closed) (0) in %s on line %d
bool(false)
int(0)
string(8) "live-key"
string(9) "from-fake"
-- multi-key get --

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Read failed (socket was unexpectedly closed) (0) in %s on line %d
int(2)
bool(true)
string(8) "live-key"
int(1)
array(2) {
  ["309_k%d"]=>
  string(9) "from-fake"
  ["309_l%d"]=>
  string(8) "live-key"
}
