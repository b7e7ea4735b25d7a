--TEST--
Class shape: MemcachePool / Memcache methods (lowercase registered names), no constructor, no properties, not final/abstract
--FILE--
<?php
include __DIR__ . '/connect.inc';

echo implode(',', get_class_methods('MemcachePool')), "\n";
echo implode(',', get_class_methods('Memcache')), "\n";
var_dump(count(get_class_methods('MemcachePool')), count(get_class_methods('Memcache')));

foreach (['MemcachePool', 'Memcache'] as $c) {
    $r = new ReflectionClass($c);
    var_dump($r->getConstructor(), $r->isFinal(), $r->isAbstract(), $r->isInterface(), count($r->getProperties()));
}
var_dump(is_subclass_of('Memcache', 'MemcachePool'));
var_dump(method_exists('MemcachePool', 'pconnect'), method_exists('Memcache', 'pconnect'));

// connect/addServer are overridden by Memcache, everything else is inherited
foreach (['connect', 'pconnect', 'addServer', 'set', 'get', 'findServer', 'close', 'setSaslAuthData'] as $meth) {
    echo $meth, ': ', (new ReflectionMethod('Memcache', $meth))->getDeclaringClass()->getName(), "\n";
}
// method lookup is case-insensitive
$m = new Memcache;
var_dump(is_callable([$m, 'GETVERSION']), is_callable([$m, 'setsaslauthdata']));
var_dump($m instanceof MemcachePool);
?>
--EXPECT--
connect,addserver,setserverparams,setfailurecallback,setfailbackcallback,getserverstatus,findserver,getversion,add,set,replace,cas,append,prepend,get,delete,getstats,getextendedstats,setcompressthreshold,increment,decrement,close,flush,setSaslAuthData,remember,invalidate
connect,pconnect,addserver,setserverparams,setfailurecallback,setfailbackcallback,getserverstatus,findserver,getversion,add,set,replace,cas,append,prepend,get,delete,getstats,getextendedstats,setcompressthreshold,increment,decrement,close,flush,setSaslAuthData,remember,invalidate
int(26)
int(27)
NULL
bool(false)
bool(false)
bool(false)
int(0)
NULL
bool(false)
bool(false)
bool(false)
int(0)
bool(true)
bool(false)
bool(true)
connect: Memcache
pconnect: Memcache
addServer: Memcache
set: MemcachePool
get: MemcachePool
findServer: MemcachePool
close: MemcachePool
setSaslAuthData: MemcachePool
bool(true)
bool(true)
bool(true)
