--TEST--
getStats()/getExtendedStats(): invalid stats type warning (case-sensitive, "" and null rejected; also in binary, where a valid type gives false), TypeErrors
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->set('247_item', 'x');   // so that "stats items" has something to report
error_reporting(E_ALL);   // the pool exists now: show deprecations too

foreach (['bogus', '', 'ITEMS', 'Slabs', 'items '] as $t) {
    echo "'$t': ";
    var_dump($m->getStats($t));
}
var_dump($m->getStats(null));
var_dump($m->getExtendedStats('bogus'));
var_dump(memcache_get_stats($m, 'x'));
var_dump(memcache_get_extended_stats($m, 'x'));
foreach (['items', 'slabs', 'sizes'] as $t) {        // binary: stats not supported, false
    $r = $m->getStats($t);
    check_per_protocol($t, is_array($r) ? 'array' : $r, 'array', false);
}
foreach ([fn() => $m->getStats([]), fn() => $m->getStats('items', 'x'), fn() => memcache_get_stats('x'),
          fn() => memcache_get_extended_stats(new stdClass)] as $f) {
    try { $f(); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
}
var_dump($m->getServerStatus($host, $port));   // an invalid type is not a server failure
$m->delete('247_item');
?>
--EXPECTF--
'bogus': 
Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)
'': 
Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)
'ITEMS': 
Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)
'Slabs': 
Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)
'items ': 
Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)

Deprecated: MemcachePool::getstats(): Passing null to parameter #1 ($type) of type string is deprecated in %s on line %d

Warning: MemcachePool::getstats(): Invalid stats type in %s on line %d
bool(false)

Warning: MemcachePool::getextendedstats(): Invalid stats type in %s on line %d
bool(false)

Warning: memcache_get_stats(): Invalid stats type in %s on line %d
bool(false)

Warning: memcache_get_extended_stats(): Invalid stats type in %s on line %d
bool(false)
items: ok
slabs: ok
sizes: ok
MemcachePool::getstats(): Argument #1 ($type) must be of type string, array given
MemcachePool::getstats(): Argument #2 ($slabid) must be of type int, string given
memcache_get_stats(): Argument #1 ($memcache) must be of type MemcachePool, string given
memcache_get_extended_stats(): Argument #1 ($memcache) must be of type MemcachePool, stdClass given
int(1)
