--TEST--
getStats()/memcache_get_stats(): plain stats array with string values (pid, uptime, version, counters that move with our commands)
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die("skip stats are not supported in binary (getStats() is false), covered by php-tests/150-binary-protocol-semantics.phpt");
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$s = $m->getStats();
var_dump(is_array($s), count($s) > 40);
foreach (['pid', 'uptime', 'time', 'version', 'curr_items', 'get_hits', 'cmd_set', 'curr_connections'] as $k) {
    echo $k, ': ', isset($s[$k]) ? gettype($s[$k]) : 'missing', "\n";
}
var_dump(count(array_filter($s, 'is_string')) === count($s));
var_dump(preg_match('/^[0-9]+$/', $s['pid']) === 1, $s['version'] === $m->getVersion());
var_dump(abs((int) $s['time'] - time()) <= 2);

// counters move with our commands
var_dump($m->set('245_k', 'v'));
$before = $m->getStats();
$m->get('245_k');
$m->get('245_k');
$m->get('245_missing');
$m->set('245_k', 'w');
$after = memcache_get_stats($m);
var_dump($after['get_hits'] - $before['get_hits'], $after['get_misses'] - $before['get_misses'],
         $after['cmd_set'] - $before['cmd_set']);
var_dump($after['pid'] === $s['pid']);

// a pool answers with the first server's stats; the two servers are different processes
$pool = test_connect_pool();
$ps = $pool->getStats();
var_dump($ps['pid'] === $s['pid']);
$s2 = new Memcache;
$s2->addServer($host2, $port2);
var_dump($s2->getStats()['pid'] !== $s['pid']);

// unix socket server
$u = new Memcache;
$u->addServer($unixUrl, 0);
var_dump(isset($u->getStats()['pid']));

// explicit type with slab id 0 behaves like plain type
var_dump(is_array($m->getStats('items', 0, 100)));
$m->delete('245_k');
?>
--EXPECT--
bool(true)
bool(true)
pid: string
uptime: string
time: string
version: string
curr_items: string
get_hits: string
cmd_set: string
curr_connections: string
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(2)
int(1)
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
