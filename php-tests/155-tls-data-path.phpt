--TEST--
tls:// servers: addServer, connect, pconnect, memcache_connect and MemcachePool::addServer reach a memcached started with -Z; set, get, multi-get and a large value round-trip over TLS and read the same through a plain listener of the same memcached; findServer names the server tls://host:port and puts every key where the plain host (and the C extension) puts it
--SKIPIF--
<?php include __DIR__ . '/tls.inc'; if ($r = tls_skip_reason()) die($r); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/tls.inc';
ini_set('memcache.tls_ca_file', "$tlsCerts/ca.pem");
$tlsHost = "tls://$host";
$plain = new Memcache;
$plain->addServer($host, $tlsPlainPort);

echo "-- addServer --\n";
$m = new Memcache;
var_dump($m->addServer($tlsHost, $tlsPort));
var_dump($m->set('k155', 'over tls'));
var_dump($m->get('k155'), $plain->get('k155'));
$plain->set('k155_plain', ['written' => 'in plain']);
var_dump($m->get('k155_plain'));
$keys = [];
for ($i = 0; $i < 100; $i++) {
    $keys[] = "k155_multi_$i";
    $m->set("k155_multi_$i", "value $i");
}
$found = $m->get(array_merge($keys, ['k155_absent_1', 'k155_absent_2']));
var_dump(count($found), $found['k155_multi_7'], $found == $plain->get($keys));
$big = random_bytes(700000);
var_dump($m->set('k155_big', $big), $m->get('k155_big') === $big, $plain->get('k155_big') === $big);
var_dump($m->getServerStatus($tlsHost, $tlsPort));
var_dump(array_keys($m->getExtendedStats()));
var_dump($m->findServer('k155'));

echo "-- connect, pconnect, memcache_connect, MemcachePool --\n";
$c = new Memcache;
var_dump($c->connect($tlsHost, $tlsPort), $c->get('k155'));
$c = new Memcache;
var_dump($c->pconnect($tlsHost, $tlsPort), $c->get('k155'));
$c = memcache_connect($tlsHost, $tlsPort);
var_dump(memcache_get($c, 'k155'));
$c = memcache_pconnect($tlsHost, $tlsPort);
var_dump(memcache_get($c, 'k155'));
$p = new MemcachePool;
var_dump($p->addServer($tlsHost, $tlsPort, false), $p->get('k155'));

echo "-- the ring --\n";
// Not contacted: only where keys go. tls:// does not move a server; tcp:// does, as in C.
function ring(string $prefix): array
{
    global $host;
    $m = new Memcache;
    foreach ([21001, 21002, 21003] as $p) {
        $m->addServer($prefix . $host, $p);
    }
    $map = [];
    for ($i = 0; $i < 300; $i++) {
        $map[] = preg_replace('~^[a-z]+://~', '', $m->findServer("ring155_$i"));
    }
    return $map;
}
$plainRing = ring('');
var_dump(ring('tls://') === $plainRing, ring('tcp://') === $plainRing);
$c = run_with_c_extension('
    error_reporting(E_ALL & ~E_DEPRECATED);
    $m = new Memcache;
    foreach ([21001, 21002, 21003] as $p) { $m->addServer("' . $host . '", $p); }
    $map = [];
    for ($i = 0; $i < 300; $i++) { $map[] = $m->findServer("ring155_$i"); }
    echo json_encode($map);
');
var_dump(json_decode($c, true) === $plainRing);
?>
--EXPECTF--
-- addServer --
bool(true)
bool(true)
string(8) "over tls"
string(8) "over tls"
array(1) {
  ["written"]=>
  string(8) "in plain"
}
int(100)
string(7) "value 7"
bool(true)
bool(true)
bool(true)
bool(true)
int(1)
array(1) {
  [0]=>
  string(%d) "tls://127.0.0.1:%d"
}
string(%d) "tls://127.0.0.1:%d"
-- connect, pconnect, memcache_connect, MemcachePool --
bool(true)
string(8) "over tls"
bool(true)
string(8) "over tls"
string(8) "over tls"
string(8) "over tls"
bool(true)
string(8) "over tls"
-- the ring --
bool(true)
bool(false)
bool(true)
