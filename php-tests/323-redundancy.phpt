--TEST--
memcache.redundancy (read per call): writes, deletes and counters land on N distinct servers (checked with single-server clients), capped by the pool size; get reads the primary only (no read-repair); a failed copy target does not fail the write
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($host2, $port2, false);
$a = new Memcache; $a->connect($host, $port);
$b = new Memcache; $b->connect($host2, $port2);
$where = fn($k) => (int) ($a->get($k) !== false) + 2 * (int) ($b->get($k) !== false);
$keys = ['323_a', '323_b', '323_c', '323_d'];
foreach ($keys as $k) { $a->delete($k); $b->delete($k); }

echo "-- redundancy 1 (default): one copy --\n";
var_dump($m->set('323_a', 1), $where('323_a'));
echo "-- redundancy 2 --\n";
ini_set('memcache.redundancy', 2);
var_dump($m->set('323_b', 10), $where('323_b'));
var_dump($m->add('323_c', 'c'), $where('323_c'));
var_dump($m->increment('323_b', 5), $a->get('323_b'), $b->get('323_b'));
var_dump($m->decrement('323_b', 3), $a->get('323_b'), $b->get('323_b'));
var_dump($m->set(['323_c' => 'x', '323_d' => 'y']), $where('323_c'), $where('323_d'));
var_dump($m->append('323_c', '!'), $a->get('323_c'), $b->get('323_c'));
var_dump($m->delete('323_b'), $where('323_b'));
var_dump($m->delete(['323_c', '323_d']), $where('323_c'), $where('323_d'));
echo "-- redundancy 5 > pool size: capped, still true --\n";
ini_set('memcache.redundancy', 5);
var_dump($m->set('323_b', 'five'), $where('323_b'));
echo "-- get reads only the primary --\n";
ini_set('memcache.redundancy', 1);
$primary = $m->findServer('323_b') === "$host:$port" ? $a : $b;
$primary->delete('323_b');
var_dump($m->get('323_b'));                          // the other copy is not consulted
var_dump($m->get(['323_b']));
echo "-- a copy for a dead server: the write still succeeds on the live one --\n";
ini_set('memcache.redundancy', 2);
$d = new Memcache;
$d->addServer($host, $port, false);
$d->addServer($nonExistingHost, $nonExistingPort, false);
$lk = null;
for ($i = 0; $lk === null && $i < 10000; $i++) if ($d->findServer("323_l$i") === "$host:$port") $lk = "323_l$i";
var_dump($d->set($lk, 'w'), $a->get($lk));
var_dump($d->set($lk, 'w2'), $a->get($lk));
var_dump($d->delete($lk), $a->get($lk));
foreach ($keys as $k) { $a->delete($k); $b->delete($k); }
?>
--EXPECTF--
-- redundancy 1 (default): one copy --
bool(true)
int(%r[12]%r)
-- redundancy 2 --
bool(true)
int(3)
bool(true)
int(3)
int(15)
int(15)
int(15)
int(12)
int(12)
int(12)
bool(true)
int(3)
int(3)
bool(true)
string(2) "x!"
string(2) "x!"
bool(true)
int(0)
bool(true)
int(0)
int(0)
-- redundancy 5 > pool size: capped, still true --
bool(true)
int(3)
-- get reads only the primary --
bool(false)
array(0) {
}
-- a copy for a dead server: the write still succeeds on the live one --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
string(1) "w"
bool(true)
string(2) "w2"
bool(true)
bool(false)
