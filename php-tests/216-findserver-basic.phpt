--TEST--
findServer(): "host:port", invalid keys, key preparation (sanitising, 250-byte truncation, non-string keys), single server, empty pool
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect_pool();
$r = $m->findServer('216_key');
var_dump($r === "$host:$port" || $r === "$host2:$port2");
var_dump(memcache_get_version($m) !== false);

// findServer names a host:port string exactly like the server was added
$l = new MemcachePool;
$l->addServer('localhost', 11211);
$l->addServer('localhost', 11212);
var_dump($l->findServer('foo'), $l->findServer('key2_abcde'));

echo "-- key preparation --\n";
$same = 0; $trunc = 0;
for ($i = 0; $i < 200; $i++) {
    $a = "216 k $i"; $b = "216_k_$i";
    if ($l->findServer($a) === $l->findServer($b)) $same++;
    $c = "216\t\r\n\0$i"; $d = "216____$i";
    if ($l->findServer($c) === $l->findServer($d)) $same++;
    $long = str_repeat(chr(97 + $i % 26), 250) . "tail-$i-" . str_repeat('z', 40);
    if ($l->findServer($long) === $l->findServer(substr($long, 0, 250))) $trunc++;
}
var_dump($same, $trunc);
var_dump($l->findServer(123) === $l->findServer('123'));
var_dump($l->findServer(1.5) === $l->findServer('1.5'));
var_dump($l->findServer(true) === $l->findServer('1'));
$k = 42;
$l->findServer($k);
var_dump($k);                                 // caller's variable untouched
$big = str_repeat('B', 10 * 1024 * 1024);     // 10 MB key: truncated, no hang
var_dump($l->findServer($big) === $l->findServer(str_repeat('B', 250)));

echo "-- invalid keys --\n";
var_dump($l->findServer(''));
var_dump($l->findServer(null));
var_dump($l->findServer(false));
try { $l->findServer(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }

echo "-- single server: always that one --\n";
$s = new Memcache;
$s->addServer('localhost', 11299);
var_dump($s->findServer('anything'), $s->findServer(str_repeat('x', 1000)), $s->findServer("\xff"));

echo "-- empty pool --\n";
$s->close();
var_dump($s->findServer('anything'));
?>
--EXPECTF--
bool(true)
bool(true)
string(15) "localhost:11212"
string(15) "localhost:11211"
-- key preparation --
int(400)
int(200)
bool(true)
bool(true)
bool(true)
int(42)
bool(true)
-- invalid keys --

Warning: MemcachePool::findserver(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::findserver(): Invalid key in %s on line %d
bool(false)

Warning: MemcachePool::findserver(): Invalid key in %s on line %d
bool(false)
MemcachePool::findserver() expects exactly 1 argument, 0 given
-- single server: always that one --
string(15) "localhost:11299"
string(15) "localhost:11299"
string(15) "localhost:11299"
-- empty pool --
bool(false)
