--TEST--
Key prefixes: memcache.prefix_static_key and prefix_host_key(_remove_www/_remove_subdomain) are read at addServer and apply to every key of every pool afterwards
--ENV--
SERVER_NAME=www.shop.example.com
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) === null ? 'missing' : 'stored';
}

$plain = test_connect1();
$plain->set('148k', 'plain');

ini_set('memcache.prefix_static_key', 'app148_');
$static = test_connect1();
var_dump($static->set('148k', 'static'), raw_get('app148_148k'), $static->get('148k'));
var_dump($static->findServer('148k'));

ini_set('memcache.prefix_host_key', 1);
$host1 = test_connect1();
var_dump($host1->set('148k', 'host'), raw_get('app148_shop.example.com148k'));

ini_set('memcache.prefix_host_key_remove_www', 0);
ini_set('memcache.prefix_host_key_remove_subdomain', 0);
$host2 = test_connect1();
var_dump($host2->set('148k', 'www'), raw_get('app148_www.shop.example.com148k'));

ini_set('memcache.prefix_host_key_remove_subdomain', 1);
$host3 = test_connect1();
var_dump($host3->set('148k', 'domain'), raw_get('app148_example.com148k'));

// The prefix is process-wide: the first pool now uses it too.
var_dump($plain->get('148k'));

// The prefix does not rescue an empty key.
var_dump($host3->get(''));

ini_set('memcache.prefix_static_key', '');
ini_set('memcache.prefix_host_key', 0);
$plain2 = test_connect1();
var_dump($plain2->get('148k'));
foreach (['148k', 'app148_148k', 'app148_shop.example.com148k', 'app148_www.shop.example.com148k', 'app148_example.com148k'] as $k) {
    $plain2->delete($k);
}
?>
--EXPECTF--
bool(true)
string(6) "stored"
string(6) "static"
string(%d) "%s"
bool(true)
string(6) "stored"
bool(true)
string(6) "stored"
bool(true)
string(6) "stored"
string(6) "domain"

Warning: MemcachePool::get(): Invalid key in %s on line %d
bool(false)
string(5) "plain"
