--TEST--
The "connection" property: overwritten with a non-resource -> "Invalid MemcachePool->connection member variable"; unset -> "No servers added"; clones share the pool; serialize loses it
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('220_k', 'shared'));
$m->connection = 'garbage';
var_dump($m->get('220_k'));
var_dump($m->set('220_k', 1));
var_dump($m->getVersion());
var_dump($m->close());
var_dump(memcache_get($m, '220_k'));
$m->connection = 5;
var_dump($m->findServer('220_k'));

$n = test_connect1();
unset($n->connection);
var_dump($n->get('220_k'));

echo "-- clone shares the pool --\n";
$a = test_connect1();
$b = clone $a;
var_dump($b->get('220_k'));
var_dump($b->addServer($host2, $port2));
var_dump(count($a->getExtendedStats()));          // the original sees the second server too
var_dump($a->close());
var_dump($b->get('220_k'));                        // closed through the original: empty pool, silent

echo "-- serialize --\n";
$s = test_connect1();
var_dump(serialize($s));
$u = unserialize(serialize($s));
var_dump($u);
var_dump($u->get('220_k'));

$c = test_connect1();
var_dump($c->delete('220_k'));
?>
--EXPECTF--
bool(true)

Warning: MemcachePool::get(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: MemcachePool::set(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: MemcachePool::getversion(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: MemcachePool::close(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: memcache_get(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: MemcachePool::findserver(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)
-- clone shares the pool --
string(6) "shared"
bool(true)
int(2)
bool(true)
bool(false)
-- serialize --
string(41) "O:8:"Memcache":1:{s:10:"connection";i:0;}"
object(Memcache)#%d (1) {
  ["connection"]=>
  int(0)
}

Warning: MemcachePool::get(): Invalid MemcachePool->connection member variable in %s on line %d
bool(false)
bool(true)
