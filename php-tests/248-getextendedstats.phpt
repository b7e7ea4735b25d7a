--TEST--
getExtendedStats(): one entry per server keyed "host:port" in insertion order, false for a dead server, duplicates collapse (binary: stats not supported, a live server's entry is false too)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
$m->addServer($unixUrl, 0);
$m->addServer($host2, $port2);
$m->addServer($host, $port, true, 2);          // duplicate host:port

// a server's entry: 'stats' if it is a stats array with a string pid and version, else as is
// (ASCII: 'stats' for every live server; binary: false)
function entry248($s) {
    return is_array($s) && is_string($s['pid']) && is_string($s['version']) ? 'stats' : $s;
}

$e = $m->getExtendedStats();
var_dump(array_keys($e) === ["$host:$port", "$nonExistingHost:$nonExistingPort", "$unixUrl:0", "$host2:$port2"]);
var_dump($e["$nonExistingHost:$nonExistingPort"]);
foreach (["$host:$port" => 'server 1', "$unixUrl:0" => 'unix', "$host2:$port2" => 'server 2'] as $k => $label) {
    check_per_protocol($label, entry248($e[$k]), 'stats', false);
}
// three different memcached processes (binary: three false entries)
$pids = array_map(fn($s) => is_array($s) ? $s['pid'] : $s, [$e["$host:$port"], $e["$unixUrl:0"], $e["$host2:$port2"]]);
check_per_protocol('distinct pids', count(array_unique($pids, SORT_REGULAR)), 3, 1);

// second call: dead server already failed, silent
$e2 = memcache_get_extended_stats($m);
check_per_protocol('second call', array_map('gettype', $e2),
    array_combine(array_keys($e), ['array', 'boolean', 'array', 'array']), array_fill_keys(array_keys($e), 'boolean'));

// a type argument applies to every server
$items = $m->getExtendedStats('slabs');
$slabs = $items["$host:$port"];
check_per_protocol('slabs of server 1', isset($slabs['active_slabs']) ? 'slabs' : $slabs, 'slabs', false);
var_dump($items["$nonExistingHost:$nonExistingPort"]);

// single dead server: array with a single false entry
$d = new MemcachePool;
$d->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump(@$d->getExtendedStats() === ["$nonExistingHost:$nonExistingPort" => false]);
?>
--EXPECTF--
Notice: MemcachePool::getextendedstats(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
bool(false)
server 1: ok
unix: ok
server 2: ok
distinct pids: ok
second call: ok
slabs of server 1: ok
bool(false)
bool(true)
