--TEST--
memcache.protocol=binary: stats unsupported (false, server up), flush delay ignored, multi-get over quiet gets across servers with $flags/$cas, counters create on miss only with $defval, refused replace/append/prepend/cas are plain false (the C extension fails the server: docs/differences.md), binary error texts, UDP port refused with a notice
--INI--
memcache.protocol=binary
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect_pool();
$status = function () use ($m, $host, $port, $host2, $port2) {
    echo 'status ', $m->getServerStatus($host, $port), ' ', $m->getServerStatus($host2, $port2), "\n";
};

echo "-- stats: not in binary, false without failing the servers --\n";
var_dump($m->getStats());
var_dump($m->getStats('items'));
var_dump(array_values($m->getExtendedStats()));
$status();
var_dump(is_string($m->getVersion()));

echo "-- flush: the delay is not sent, the flush is immediate --\n";
var_dump($m->set('k150_flushed', 'v'));
var_dump($m->flush(30));
var_dump($m->get('k150_flushed'));

echo "-- multi-get: hits, misses, a duplicate, both servers --\n";
// Where a key lands depends on the servers' ports, which differ from run to run: the hits
// (every third key) use the first key prefix that puts some of them on each server, so the
// multi-get always has hits to collect from both (about 1 port pair in 700 puts all 14 hits of
// one prefix on one server). The output names the keys with the first prefix.
for ($try = 0, $prefix = 'k150_'; $try < 20; $prefix = 'k150v' . ++$try . '_') {
    $ring = [];
    for ($i = 0; $i < 40; $i += 3) {
        $ring[$m->findServer("$prefix$i")] = true;
    }
    if (count($ring) === 2) {
        break;
    }
}
$keys = [];
for ($i = 0; $i < 40; $i++) {
    $keys[] = "$prefix$i";
    if ($i % 3 === 0) {
        $m->set("$prefix$i", $i % 2 ? "s$i" : $i, $i % 2 ? MEMCACHE_USER1 : 0);
    }
}
$keys[] = "{$prefix}0";
$flags = $cas = null;
$found = $m->get($keys, $flags, $cas);
ksort($found, SORT_NATURAL);
$named = fn ($array) => array_combine(
    array_map(fn ($k) => 'k150_' . substr($k, strlen($prefix)), array_keys($array)),
    $array
);
echo json_encode($named($found)), "\n";
echo json_encode($flags == array_map(fn ($v) => is_int($v) ? 768 : MEMCACHE_USER1, $found)), "\n";
// CAS uniques are counted per server, so two servers may hand out the same one.
echo count(array_filter($cas, fn ($c) => is_int($c) && $c > 0)), ' ', json_encode(array_diff_key($cas, $found) === [] && count($cas) === count($found)), "\n";
$servers = [];
foreach (array_keys($found) as $k) {
    $servers[$m->findServer($k)] = true;
}
echo count($servers), " servers held hits\n";
$f = null;
var_dump($m->get("{$prefix}3", $f, $c), $f, is_int($c) && $c > 0);
$f = $c = null;
var_dump($m->get("{$prefix}1", $f, $c), $f, $c);

echo "-- counters: \$defval creates a missing key (flags 0), without it a miss is false --\n";
$m->delete('k150_cnt');
var_dump($m->increment('k150_cnt'));
var_dump($m->increment('k150_cnt', 5, 10));
var_dump($m->increment('k150_cnt', 5, 10));
var_dump($m->get('k150_cnt', $f), $f);
var_dump($m->decrement('k150_cnt', 100));
var_dump(memcache_decrement($m, 'k150_cnt2', 1, 7, 60));
var_dump(memcache_increment($m, 'k150_cnt3', 1));
var_dump($m->increment(['k150_cnt', 'k150_cnt4'], 2, 3));

echo "-- refused stores are plain false, no notice, servers stay up --\n";
$m->delete('k150_missing');
var_dump($m->replace('k150_missing', 'x'));
var_dump($m->append('k150_missing', 'x'));
var_dump($m->prepend('k150_missing', 'x'));
var_dump($m->cas('k150_missing', 'x', 0, 0, 12345));
var_dump($m->add('k150_3', 'x'));
$m->get('k150_3', $f, $c);
var_dump($m->cas('k150_3', 'x', 0, 0, $c + 1));
var_dump($m->set('k150_3', 'x', 0, 0, $c + 1));
var_dump($m->set('k150_3', 'y', 0, 0, $c));
var_dump($m->get('k150_3'));
var_dump($m->append('k150_3', '+'), $m->prepend('k150_3', '-'), $m->get('k150_3'));
$status();

echo "-- error replies: binary texts, the server stays up --\n";
var_dump($m->set('k150_big', random_bytes(1500000)));
var_dump($m->set('k150_text', 'abc'));
var_dump($m->increment('k150_text'));
var_dump($m->get('k150_text'));
$status();

echo "-- UDP: refused under binary with a notice, udp 0 in failure notices --\n";
$p = new MemcachePool();
var_dump($p->addServer($host, $port, 9999));
var_dump($p->connect($nonExistingHost, $nonExistingPort, 9999));
?>
--EXPECTF--
-- stats: not in binary, false without failing the servers --
bool(false)
bool(false)
array(2) {
  [0]=>
  bool(false)
  [1]=>
  bool(false)
}
status 1 1
bool(true)
-- flush: the delay is not sent, the flush is immediate --
bool(true)
bool(true)
bool(false)
-- multi-get: hits, misses, a duplicate, both servers --
{"k150_0":0,"k150_3":"s3","k150_6":6,"k150_9":"s9","k150_12":12,"k150_15":"s15","k150_18":18,"k150_21":"s21","k150_24":24,"k150_27":"s27","k150_30":30,"k150_33":"s33","k150_36":36,"k150_39":"s39"}
true
14 true
2 servers held hits
string(2) "s3"
int(65536)
bool(true)
bool(false)
NULL
NULL
-- counters: $defval creates a missing key (flags 0), without it a miss is false --
bool(false)
int(10)
int(15)
string(2) "15"
int(0)
int(0)
int(7)
bool(false)
array(2) {
  ["k150_cnt"]=>
  int(2)
  ["k150_cnt4"]=>
  int(3)
}
-- refused stores are plain false, no notice, servers stay up --
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
string(1) "y"
bool(true)
bool(true)
string(3) "-y+"
status 1 1
-- error replies: binary texts, the server stays up --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Too large. (3) in %s on line %d
bool(false)
bool(true)

Notice: MemcachePool::increment(): Server %s (tcp %d, udp 0) failed with: Non-numeric server-side value for incr or decr (6) in %s on line %d
bool(false)
string(3) "abc"
status 1 1
-- UDP: refused under binary with a notice, udp 0 in failure notices --

Notice: MemcachePool::addserver(): binary protocol isn't support over UDP, defaulting to TCP in %s on line %d
bool(true)

Notice: MemcachePool::connect(): binary protocol isn't support over UDP, defaulting to TCP in %s on line %d

Notice: MemcachePool::connect(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d

Warning: MemcachePool::connect(): Can't connect to %s:%d, Connection failed: Connection refused (111) in %s on line %d
bool(false)
