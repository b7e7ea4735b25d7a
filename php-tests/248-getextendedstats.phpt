--TEST--
getExtendedStats(): one entry per server keyed "host:port" in insertion order, false for a dead server, duplicates collapse
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.protocol=ascii
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
$m->addServer($unixUrl, 0);
$m->addServer($host2, $port2);
$m->addServer($host, $port, true, 2);          // duplicate host:port

$e = $m->getExtendedStats();
var_dump(array_keys($e) === ["$host:$port", "$nonExistingHost:$nonExistingPort", "$unixUrl:0", "$host2:$port2"]);
var_dump($e["$nonExistingHost:$nonExistingPort"]);
foreach (["$host:$port", "$unixUrl:0", "$host2:$port2"] as $k) {
    var_dump(is_array($e[$k]) && is_string($e[$k]['pid']) && is_string($e[$k]['version']));
}
// three different memcached processes
var_dump(count(array_unique([$e["$host:$port"]['pid'], $e["$unixUrl:0"]['pid'], $e["$host2:$port2"]['pid']])));

// second call: dead server already failed, silent
$e2 = memcache_get_extended_stats($m);
var_dump(array_map('gettype', array_values($e2)));

// a type argument applies to every server
$items = $m->getExtendedStats('slabs');
var_dump(isset($items["$host:$port"]['active_slabs']), $items["$nonExistingHost:$nonExistingPort"]);

// single dead server: array with a single false entry
$d = new MemcachePool;
$d->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump(@$d->getExtendedStats() === ["$nonExistingHost:$nonExistingPort" => false]);
?>
--EXPECTF--
Notice: MemcachePool::getextendedstats(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(3)
array(4) {
  [0]=>
  string(5) "array"
  [1]=>
  string(7) "boolean"
  [2]=>
  string(5) "array"
  [3]=>
  string(5) "array"
}
bool(true)
bool(false)
bool(true)
