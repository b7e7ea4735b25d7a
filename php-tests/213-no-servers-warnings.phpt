--TEST--
"No servers added to memcache connection" warning and false for every method on a fresh object
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$calls = [
    'getVersion' => [], 'get' => ['213_k'], 'set' => ['213_k', 1], 'add' => ['213_k', 1],
    'replace' => ['213_k', 1], 'cas' => ['213_k', 1, 0, 0, 1], 'append' => ['213_k', 'a'],
    'prepend' => ['213_k', 'a'], 'delete' => ['213_k'], 'increment' => ['213_k'],
    'decrement' => ['213_k'], 'getStats' => [], 'getExtendedStats' => [],
    'setCompressThreshold' => [100], 'close' => [], 'flush' => [], 'findServer' => ['213_k'],
    'getServerStatus' => [$host, $port], 'setServerParams' => [$host, $port],
    'setFailureCallback' => [null],
];
foreach ([new Memcache, new MemcachePool] as $obj) {
    echo '== ', get_class($obj), " ==\n";
    foreach ($calls as $meth => $args) {
        echo $meth, ': ';
        var_dump($obj->$meth(...$args));
    }
    echo 'get(array): ';
    var_dump($obj->get(['213_a', '213_b']));
    var_dump($obj);
}
// setSaslAuthData needs no pool
var_dump((new Memcache)->setSaslAuthData('user', 'pass'));
?>
--EXPECTF--
== Memcache ==
getVersion: 
Warning: MemcachePool::getversion(): No servers added to memcache connection in %s on line %d
bool(false)
get: 
Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)
set: 
Warning: MemcachePool::set(): No servers added to memcache connection in %s on line %d
bool(false)
add: 
Warning: MemcachePool::add(): No servers added to memcache connection in %s on line %d
bool(false)
replace: 
Warning: MemcachePool::replace(): No servers added to memcache connection in %s on line %d
bool(false)
cas: 
Warning: MemcachePool::cas(): No servers added to memcache connection in %s on line %d
bool(false)
append: 
Warning: MemcachePool::append(): No servers added to memcache connection in %s on line %d
bool(false)
prepend: 
Warning: MemcachePool::prepend(): No servers added to memcache connection in %s on line %d
bool(false)
delete: 
Warning: MemcachePool::delete(): No servers added to memcache connection in %s on line %d
bool(false)
increment: 
Warning: MemcachePool::increment(): No servers added to memcache connection in %s on line %d
bool(false)
decrement: 
Warning: MemcachePool::decrement(): No servers added to memcache connection in %s on line %d
bool(false)
getStats: 
Warning: MemcachePool::getstats(): No servers added to memcache connection in %s on line %d
bool(false)
getExtendedStats: 
Warning: MemcachePool::getextendedstats(): No servers added to memcache connection in %s on line %d
bool(false)
setCompressThreshold: 
Warning: MemcachePool::setcompressthreshold(): No servers added to memcache connection in %s on line %d
bool(false)
close: 
Warning: MemcachePool::close(): No servers added to memcache connection in %s on line %d
bool(false)
flush: 
Warning: MemcachePool::flush(): No servers added to memcache connection in %s on line %d
bool(false)
findServer: 
Warning: MemcachePool::findserver(): No servers added to memcache connection in %s on line %d
bool(false)
getServerStatus: 
Warning: MemcachePool::getserverstatus(): No servers added to memcache connection in %s on line %d
bool(false)
setServerParams: 
Warning: MemcachePool::setserverparams(): No servers added to memcache connection in %s on line %d
bool(false)
setFailureCallback: 
Warning: MemcachePool::setfailurecallback(): No servers added to memcache connection in %s on line %d
bool(false)
get(array): 
Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)
object(Memcache)#%d (0) {
}
== MemcachePool ==
getVersion: 
Warning: MemcachePool::getversion(): No servers added to memcache connection in %s on line %d
bool(false)
get: 
Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)
set: 
Warning: MemcachePool::set(): No servers added to memcache connection in %s on line %d
bool(false)
add: 
Warning: MemcachePool::add(): No servers added to memcache connection in %s on line %d
bool(false)
replace: 
Warning: MemcachePool::replace(): No servers added to memcache connection in %s on line %d
bool(false)
cas: 
Warning: MemcachePool::cas(): No servers added to memcache connection in %s on line %d
bool(false)
append: 
Warning: MemcachePool::append(): No servers added to memcache connection in %s on line %d
bool(false)
prepend: 
Warning: MemcachePool::prepend(): No servers added to memcache connection in %s on line %d
bool(false)
delete: 
Warning: MemcachePool::delete(): No servers added to memcache connection in %s on line %d
bool(false)
increment: 
Warning: MemcachePool::increment(): No servers added to memcache connection in %s on line %d
bool(false)
decrement: 
Warning: MemcachePool::decrement(): No servers added to memcache connection in %s on line %d
bool(false)
getStats: 
Warning: MemcachePool::getstats(): No servers added to memcache connection in %s on line %d
bool(false)
getExtendedStats: 
Warning: MemcachePool::getextendedstats(): No servers added to memcache connection in %s on line %d
bool(false)
setCompressThreshold: 
Warning: MemcachePool::setcompressthreshold(): No servers added to memcache connection in %s on line %d
bool(false)
close: 
Warning: MemcachePool::close(): No servers added to memcache connection in %s on line %d
bool(false)
flush: 
Warning: MemcachePool::flush(): No servers added to memcache connection in %s on line %d
bool(false)
findServer: 
Warning: MemcachePool::findserver(): No servers added to memcache connection in %s on line %d
bool(false)
getServerStatus: 
Warning: MemcachePool::getserverstatus(): No servers added to memcache connection in %s on line %d
bool(false)
setServerParams: 
Warning: MemcachePool::setserverparams(): No servers added to memcache connection in %s on line %d
bool(false)
setFailureCallback: 
Warning: MemcachePool::setfailurecallback(): No servers added to memcache connection in %s on line %d
bool(false)
get(array): 
Warning: MemcachePool::get(): No servers added to memcache connection in %s on line %d
bool(false)
object(MemcachePool)#%d (0) {
}
bool(true)
