--TEST--
close(): removes all servers; afterwards ops return false silently, flush/close/setCompressThreshold true; connect works again
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect_pool();
var_dump($m->set('211_a', 'A'), $m->set('211_b', 'B'));
var_dump($m->close());
var_dump($m);   // the connection property stays

$ops = [
    'getVersion' => [], 'get' => ['211_a'], 'set' => ['211_a', 1], 'add' => ['211_new', 1],
    'replace' => ['211_a', 1], 'cas' => ['211_a', 1, 0, 0, 1], 'append' => ['211_a', 'x'],
    'prepend' => ['211_a', 'x'], 'delete' => ['211_a'], 'increment' => ['211_a'],
    'decrement' => ['211_a'], 'getStats' => [], 'getExtendedStats' => [], 'findServer' => ['211_a'],
];
foreach ($ops as $meth => $args) {
    echo $meth, ': ';
    var_dump($m->$meth(...$args));
}
echo "get(array): "; var_dump($m->get(['211_a', '211_b']));
echo "setCompressThreshold: "; var_dump($m->setCompressThreshold(100));
echo "flush: "; var_dump($m->flush());
echo "close again: "; var_dump($m->close());
echo "memcache_close: "; var_dump(memcache_close($m));
echo "memcache_flush: "; var_dump(memcache_flush($m));
echo "memcache_get: "; var_dump(memcache_get($m, '211_a'));
var_dump($m->getServerStatus($host, $port));

echo "-- reconnect --\n";
var_dump($m->connect($host, $port));
$check = test_connect_pool();
// $m now only knows the first server: it sees 211_a only if the pool had put it there
var_dump($m->get('211_a') === ($check->findServer('211_a') === "$host:$port" ? 'A' : false));
var_dump($check->get(['211_a', '211_b']) == ['211_a' => 'A', '211_b' => 'B']);   // data untouched by close
var_dump($m->findServer('211_a') === "$host:$port");                               // only one server now
var_dump($m->set('211_c', 'C'), $m->get('211_c'));

echo "-- procedural close --\n";
$pc = memcache_connect($host, $port);
var_dump(memcache_close($pc), memcache_get($pc, '211_c'));
try { memcache_close('x'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }

$check->delete('211_a'); $check->delete('211_b'); $check->delete('211_c');
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
object(Memcache)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
getVersion: bool(false)
get: bool(false)
set: bool(false)
add: bool(false)
replace: bool(false)
cas: bool(false)
append: bool(false)
prepend: bool(false)
delete: bool(false)
increment: bool(false)
decrement: bool(false)
getStats: bool(false)
getExtendedStats: bool(false)
findServer: bool(false)
get(array): bool(false)
setCompressThreshold: bool(true)
flush: bool(true)
close again: bool(true)
memcache_close: bool(true)
memcache_flush: bool(true)
memcache_get: bool(false)

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line %d
bool(false)
-- reconnect --
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(1) "C"
-- procedural close --
bool(true)
bool(false)
memcache_close(): Argument #1 ($memcache) must be of type MemcachePool, string given
