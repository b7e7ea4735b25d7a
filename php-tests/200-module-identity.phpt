--TEST--
Module identity: extension name, classes and the 24 memcache_* functions of the C extension in registration order, then this extension's memcache_remember, memcache_invalidate and memcache_server_health
--FILE--
<?php
include __DIR__ . '/connect.inc';

var_dump(extension_loaded('memcache'));
var_dump(in_array('memcache', get_loaded_extensions(), true));
var_dump(class_exists('MemcachePool', false), class_exists('Memcache', false));
var_dump(get_parent_class('Memcache'), get_parent_class('MemcachePool'));
var_dump((new ReflectionClass('Memcache'))->getExtensionName());
var_dump((new ReflectionClass('MemcachePool'))->isInternal());

$funcs = get_extension_funcs('memcache');
var_dump(count($funcs));
echo implode("\n", $funcs), "\n";
foreach ($funcs as $f) {
    if (!function_exists($f)) echo "missing $f\n";
}
var_dump(function_exists('memcache_find_server'), function_exists('memcache_pool_connect'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
string(12) "MemcachePool"
bool(false)
string(8) "memcache"
bool(true)
int(28)
memcache_connect
memcache_pconnect
memcache_add_server
memcache_set_server_params
memcache_set_failure_callback
memcache_set_failback_callback
memcache_get_server_status
memcache_get_version
memcache_add
memcache_set
memcache_replace
memcache_cas
memcache_append
memcache_prepend
memcache_get
memcache_delete
memcache_debug
memcache_get_stats
memcache_get_extended_stats
memcache_set_compress_threshold
memcache_increment
memcache_decrement
memcache_close
memcache_flush
memcache_set_sasl_auth_data
memcache_remember
memcache_invalidate
memcache_server_health
bool(false)
bool(false)
