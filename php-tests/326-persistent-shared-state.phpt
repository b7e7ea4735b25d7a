--TEST--
Persistent servers are shared per process under host:tcp:udp: a failure seen by one pool is seen by every pool that adds the same persistent triple (status 0, silent), not by non-persistent servers or another udp port (binary: the udp port is dropped with a notice, so it is the udp-0 server); reuse updates retry_interval; persistent pools reuse one TCP connection, non-persistent ones open their own [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

$st = fn($m) => $m->getServerStatus($nonExistingHost, $nonExistingPort);

echo "-- pool A (persistent) marks the server failed --\n";
$a = new Memcache;
$a->addServer($nonExistingHost, $nonExistingPort);                 // persistent by default
var_dump($a->set('326_k', 1), $st($a));

echo "-- pool B, same persistent server: already failed, silent --\n";
$b = new Memcache;
$b->addServer($nonExistingHost, $nonExistingPort, true);
var_dump($st($b), $b->set('326_k', 1));
echo "-- MemcachePool with udp 0 is the same persistent server --\n";
$c = new MemcachePool;
$c->addServer($nonExistingHost, $nonExistingPort, 0, true);
var_dump($st($c), $c->get('326_k'));
echo "-- another udp port, or not persistent: a server of its own --\n";
// binary: the udp port gives a notice and becomes 0, so this is pool A's server
$d = new MemcachePool;
[$r, $errors] = test_collect_errors(fn() => $d->addServer($nonExistingHost, $nonExistingPort, 4321, true));
var_dump($r);
check_per_protocol('udp 4321 notice', $errors, [],
    ["Notice: MemcachePool::addserver(): binary protocol isn't support over UDP, defaulting to TCP"]);
check_per_protocol('udp 4321 status, get and notices', test_collect_errors(fn() => [$st($d), $d->get('326_k')]),
    [[1, false], ["Notice: MemcachePool::get(): Server $nonExistingHost (tcp $nonExistingPort, udp 4321) failed with: Connection failed: Connection refused (111)"]],
    [[0, false], []]);
$e = new Memcache;
$e->addServer($nonExistingHost, $nonExistingPort, false);
var_dump($st($e), $e->get('326_k'));

echo "-- re-enabling through one pool re-enables it for all --\n";
var_dump($b->setServerParams($nonExistingHost, $nonExistingPort, 1.0, 15, true));
var_dump($st($a), $st($b), $st($c));
var_dump($a->get('326_k'));                          // tried again, fails again
var_dump($st($b));

echo "-- reuse with another retry_interval updates it (0: due at once) --\n";
ini_set('memcache.allow_failover', 0);              // (with failover a retry-0 server may be tried twice)
$f = new Memcache;
$f->addServer($nonExistingHost, $nonExistingPort, true, 1, 1.0, 0);
var_dump($st($f), $f->get('326_k'));
var_dump($a->get('326_k'));                          // A shares the struct: retry_interval 0 now
ini_set('memcache.allow_failover', 1);

echo "-- connections: 5 persistent pools share one, 5 non-persistent pools open 5 --\n";
[$pid, $p] = fm_start_memcached();
// memcached's own count, over a raw ASCII socket of its own (getStats is false under binary)
$total = fn() => (int) test_memcached_stats($p)['total_connections'];
$t0 = $total();
for ($i = 0; $i < 5; $i++) {
    $m = new Memcache;
    $m->addServer('127.0.0.1', $p, true);
    $m->set("326_p$i", $i);
    unset($m);
}
$t1 = $total();
for ($i = 0; $i < 5; $i++) {
    $m = new Memcache;
    $m->addServer('127.0.0.1', $p, false);
    $m->set("326_n$i", $i);
    unset($m);
}
$t2 = $total();
var_dump($t1 - $t0 - 1, $t2 - $t1 - 1);               // minus the counting connection
fm_kill($pid);
?>
--EXPECTF--
-- pool A (persistent) marks the server failed --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
int(0)
-- pool B, same persistent server: already failed, silent --
int(0)
bool(false)
-- MemcachePool with udp 0 is the same persistent server --
int(0)
bool(false)
-- another udp port, or not persistent: a server of its own --
bool(true)
udp 4321 notice: ok
udp 4321 status, get and notices: ok

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
int(1)
bool(false)
-- re-enabling through one pool re-enables it for all --
bool(true)
int(1)
int(1)
int(1)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
int(0)
-- reuse with another retry_interval updates it (0: due at once) --

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
int(0)
bool(false)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- connections: 5 persistent pools share one, 5 non-persistent pools open 5 --
int(1)
int(5)
