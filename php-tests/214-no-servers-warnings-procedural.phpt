--TEST--
memcache_* functions on a Memcache without servers: "No servers added to memcache connection" warning and false
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$calls = [
    'memcache_get_version' => [], 'memcache_get' => ['214_k'], 'memcache_set' => ['214_k', 1],
    'memcache_add' => ['214_k', 1], 'memcache_replace' => ['214_k', 1],
    'memcache_cas' => ['214_k', 1, 0, 0, 1], 'memcache_append' => ['214_k', 'a'],
    'memcache_prepend' => ['214_k', 'a'], 'memcache_delete' => ['214_k'],
    'memcache_increment' => ['214_k'], 'memcache_decrement' => ['214_k'],
    'memcache_get_stats' => [], 'memcache_get_extended_stats' => [],
    'memcache_set_compress_threshold' => [100], 'memcache_close' => [], 'memcache_flush' => [],
    'memcache_get_server_status' => [$host, $port], 'memcache_set_server_params' => [$host, $port],
    'memcache_set_failure_callback' => [null],
];
foreach ($calls as $fn => $args) {
    echo $fn, ': ';
    var_dump($fn($m, ...$args));
}
// a MemcachePool works for the MemcachePool-typed functions too
var_dump(memcache_get(new MemcachePool, ['214_a']));
?>
--EXPECTF--
memcache_get_version: 
Warning: memcache_get_version(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_get: 
Warning: memcache_get(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_set: 
Warning: memcache_set(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_add: 
Warning: memcache_add(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_replace: 
Warning: memcache_replace(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_cas: 
Warning: memcache_cas(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_append: 
Warning: memcache_append(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_prepend: 
Warning: memcache_prepend(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_delete: 
Warning: memcache_delete(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_increment: 
Warning: memcache_increment(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_decrement: 
Warning: memcache_decrement(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_get_stats: 
Warning: memcache_get_stats(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_get_extended_stats: 
Warning: memcache_get_extended_stats(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_set_compress_threshold: 
Warning: memcache_set_compress_threshold(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_close: 
Warning: memcache_close(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_flush: 
Warning: memcache_flush(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_get_server_status: 
Warning: memcache_get_server_status(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_set_server_params: 
Warning: memcache_set_server_params(): No servers added to memcache connection in %s on line %d
bool(false)
memcache_set_failure_callback: 
Warning: memcache_set_failure_callback(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: memcache_get(): No servers added to memcache connection in %s on line %d
bool(false)
