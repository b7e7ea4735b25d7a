--TEST--
ASCII cas() on a missing key is a plain false: no failure callback or notice, the server is not marked failed, nothing cascades through the pool, keys do not move (Debian's C 4.0.5.2 keeps the quirk, so it fails this test)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$calls = [];
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($host2, $port2, false);
$m->setFailureCallback(function ($h, $p, $u, $e, $n) use (&$calls) { $calls[] = "$e ($n)"; });
$k = null;
for ($i = 0; $k === null && $i < 10000; $i++) {
    if ($m->findServer("321_k$i") === "$host:$port") $k = "321_k$i";
}
$m->delete("$k-missing");
$m->set($k, 'v');
var_dump($m->cas("$k-missing", 'x', 0, 0, 12345));
var_dump($calls);
var_dump($m->getServerStatus($host, $port), $m->getServerStatus($host2, $port2));
var_dump($m->findServer($k) === "$host:$port");
var_dump($m->get($k));
var_dump($m->get("$k-missing"));                   // not stored anywhere by a failover
$m->get($k, $f, $cas);
var_dump($m->cas($k, 'swapped', 0, 0, $cas), $m->get($k));

echo "-- without a callback: no notice either --\n";
$p = new Memcache;
$p->addServer($host, $port, false);
$p->addServer($host2, $port2, false);
var_dump($p->cas("$k-missing", 'x', 0, 0, 1), $p->getServerStatus($host, $port));
$m->delete($k);
?>
--EXPECT--
bool(false)
array(0) {
}
int(1)
int(1)
bool(true)
string(1) "v"
bool(false)
bool(true)
string(7) "swapped"
-- without a callback: no notice either --
bool(false)
int(1)
