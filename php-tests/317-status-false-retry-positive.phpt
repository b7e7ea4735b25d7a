--TEST--
As in the C extension, status=false with retry_interval >= 0 (addServer or setServerParams) does not keep the server out: getServerStatus says 0 until first use, but the first request already uses it; a dead server added that way is tried, reported once, then failed for retry_interval
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$single = new Memcache;
$single->connect($host2, $port2);

foreach ([15, 0] as $retry) {
    echo "-- addServer(status false, retry_interval $retry) --\n";
    $m = new Memcache;
    $m->addServer($host, $port, false);
    $m->addServer($host2, $port2, false, 1, 1.0, $retry, false);
    var_dump($m->getServerStatus($host2, $port2));
    $k = null;
    for ($i = 0; $k === null && $i < 10000; $i++) {
        if ($m->findServer("317_{$retry}_$i") === "$host2:$port2") $k = "317_{$retry}_$i";
    }
    var_dump($m->set($k, 'on-2'));
    var_dump($single->get($k));                      // it really went to that server
    var_dump($m->getServerStatus($host2, $port2));
    $single->delete($k);
}

echo "-- setServerParams(status false, retry_interval 15) --\n";
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($host2, $port2, false);
var_dump($m->setServerParams($host2, $port2, 1.0, 15, false));
var_dump($m->getServerStatus($host2, $port2));
var_dump($m->findServer($k) === "$host2:$port2");
var_dump($m->set($k, 'again-on-2'), $single->get($k));
var_dump($m->getServerStatus($host2, $port2));
$single->delete($k);

echo "-- a dead server added with status false, retry 15: tried once, then failed --\n";
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, false);
$dk = null;
for ($i = 0; $dk === null && $i < 10000; $i++) {
    if ($m->findServer("317_d$i") === "$nonExistingHost:$nonExistingPort") $dk = "317_d$i";
}
var_dump($m->set($dk, 'x'));
var_dump($m->set($dk, 'y'), $m->get($dk));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->findServer($dk) === "$host:$port");
$m->delete($dk);
?>
--EXPECTF--
-- addServer(status false, retry_interval 15) --
int(0)
bool(true)
string(4) "on-2"
int(1)
-- addServer(status false, retry_interval 0) --
int(0)
bool(true)
string(4) "on-2"
int(1)
-- setServerParams(status false, retry_interval 15) --
bool(true)
int(0)
bool(true)
bool(true)
string(10) "again-on-2"
int(1)
-- a dead server added with status false, retry 15: tried once, then failed --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(true)
string(1) "y"
int(0)
bool(true)
