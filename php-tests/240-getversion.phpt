--TEST--
getVersion()/memcache_get_version(): server version string; skips a dead first server; false when no server answers [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$v = $m->getVersion();
var_dump($v);
var_dump(preg_match('/^\d+\.\d+\.\d+/', $v));
var_dump($v === test_memcached_stats($port)['version']);      // memcached's own, over raw ASCII stats
$stats = $m->getStats();                                       // binary: stats not supported, false
check_per_protocol('getStats version', is_array($stats) ? $stats['version'] : $stats, $v, false);
var_dump(memcache_get_version($m) === $v);
$pool = test_connect_pool();
var_dump($pool->getVersion() === $v);
$u = new Memcache;
$u->connect($unixUrl, 0);
var_dump(is_string($u->getVersion()));

echo "-- dead server first --\n";
$d = new Memcache;
$d->addServer($nonExistingHost, $nonExistingPort);
$d->addServer($host, $port);
var_dump($d->getVersion() === $v);
var_dump($d->getVersion() === $v);     // failed server skipped silently now

echo "-- only a dead server --\n";
$x = new MemcachePool;
$x->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump($x->getVersion());
var_dump(memcache_get_version($x));

try { memcache_get_version('x'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECTF--
string(%d) "%d.%d.%s"
int(1)
bool(true)
getStats version: ok
bool(true)
bool(true)
bool(true)
-- dead server first --

Notice: MemcachePool::getversion(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(true)
-- only a dead server --

Notice: MemcachePool::getversion(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
bool(false)
memcache_get_version(): Argument #1 ($memcache) must be of type MemcachePool, string given
