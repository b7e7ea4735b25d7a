--TEST--
flush(): true when every server answers OK (items gone on both servers), false with a dead server in the pool, true after close() [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$pool = test_connect_pool();
$s1 = test_connect1();
$s2 = new Memcache;
$s2->addServer($host2, $port2);

for ($i = 0; $i < 20; $i++) $pool->set("241_k$i", "v$i");
$on1 = count($s1->get(array_map(fn($i) => "241_k$i", range(0, 19))));
$on2 = count($s2->get(array_map(fn($i) => "241_k$i", range(0, 19))));
var_dump($on1 + $on2, $on1 > 0, $on2 > 0);

var_dump($pool->flush());
var_dump($pool->get(array_map(fn($i) => "241_k$i", range(0, 19))));
var_dump($s1->get('241_k0'), $s2->get('241_k0'));

// the pool keeps working after a flush
var_dump($pool->set('241_after', 'a'), $pool->get('241_after'));
var_dump(memcache_flush($pool));
var_dump($pool->get('241_after'));
var_dump($s1->flush(0));

echo "-- dead server in the pool --\n";
$mixed = new Memcache;
$mixed->addServer($host, $port);
$mixed->addServer($nonExistingHost, $nonExistingPort);
var_dump($s1->set('241_live', 'x'));
var_dump($mixed->flush());
var_dump($s1->get('241_live'));     // the live server was still flushed
var_dump($mixed->flush());          // dead server already failed: still false

$dead = new MemcachePool;
$dead->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump($dead->flush());

echo "-- after close --\n";
$pool->close();
var_dump($pool->flush(), memcache_flush($pool));

try { memcache_flush('x'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { $s1->flush('soon'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECTF--
int(20)
bool(true)
bool(true)
bool(true)
array(0) {
}
bool(false)
bool(false)
bool(true)
string(1) "a"
bool(true)
bool(false)
bool(true)
-- dead server in the pool --
bool(true)

Notice: MemcachePool::flush(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
bool(false)
bool(false)

Notice: MemcachePool::flush(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- after close --
bool(true)
bool(true)
memcache_flush(): Argument #1 ($memcache) must be of type MemcachePool, string given
MemcachePool::flush(): Argument #1 ($delay) must be of type int, string given
