--TEST--
INI: prefix static keys reject dots (shared QUIRK message), long directives warn on non-numbers, bools accept on/off
--FILE--
<?php
include __DIR__ . '/connect.inc';

$cases = [
    ['memcache.prefix_static_key', 'a.b'], ['memcache.prefix_static_key', 'app_'],
    ['memcache.session_prefix_static_key', 'x.'], ['memcache.session_prefix_static_key', 'sess_'],
    ['memcache.allow_failover', 'abc'], ['memcache.allow_failover', '0'],
    ['memcache.default_port', 'abc'],
    ['memcache.prefix_host_key', 'on'], ['memcache.prefix_host_key_remove_www', '0'],
    ['memcache.prefix_host_key_remove_subdomain', '1'], ['memcache.session_save_path', 'tcp://127.0.0.1:1'],
];
foreach ($cases as [$k, $v]) {
    echo "$k = '$v': ";
    var_dump(ini_set($k, $v));
    var_dump(ini_get($k));
    ini_restore($k);
}
?>
--EXPECTF--
memcache.prefix_static_key = 'a.b': 
Warning: ini_set(): memcache.session_prefix_static_key cannot have dot inside (.) in %s on line %d
bool(false)
string(0) ""
memcache.prefix_static_key = 'app_': string(0) ""
string(4) "app_"
memcache.session_prefix_static_key = 'x.': 
Warning: ini_set(): memcache.session_prefix_static_key cannot have dot inside (.) in %s on line %d
bool(false)
string(0) ""
memcache.session_prefix_static_key = 'sess_': string(0) ""
string(5) "sess_"
memcache.allow_failover = 'abc': 
Warning: Invalid "memcache.allow_failover" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
string(1) "1"
string(3) "abc"
memcache.allow_failover = '0': string(1) "1"
string(1) "0"
memcache.default_port = 'abc': 
Warning: Invalid "memcache.default_port" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
string(5) "11211"
string(3) "abc"
memcache.prefix_host_key = 'on': string(1) "0"
string(2) "on"
memcache.prefix_host_key_remove_www = '0': string(1) "1"
string(1) "0"
memcache.prefix_host_key_remove_subdomain = '1': string(1) "0"
string(1) "1"
memcache.session_save_path = 'tcp://127.0.0.1:1': string(0) ""
string(17) "tcp://127.0.0.1:1"
