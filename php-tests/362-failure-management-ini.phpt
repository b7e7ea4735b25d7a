--TEST--
Failure-management INI: failure_limit (positive integer) lets a server survive timeouts until the limit; failover_ttl (>= 0) caps the expiry of values written to a failover server; failback_flush accepts never/auto/always; max_failed_share is a percentage from 1 to 100; health_log is a boolean; shared_health and shared_health_file are startup-only; php --ri shows the shared table of the CLI with its file (docs/failure-handling.md)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

echo "-- validation --\n";
var_dump(ini_set('memcache.failure_limit', '0'), ini_set('memcache.failure_limit', 'x'));
var_dump(ini_set('memcache.failure_limit', '3'), ini_get('memcache.failure_limit'));
var_dump(ini_set('memcache.failover_ttl', '-1'), ini_set('memcache.failover_ttl', '60'));
var_dump(ini_set('memcache.failback_flush', 'sometimes'), ini_set('memcache.failback_flush', 'ALWAYS'));
var_dump(ini_get('memcache.failback_flush'), ini_set('memcache.failback_flush', 'never'));
var_dump(ini_set('memcache.max_failed_share', '0'), ini_set('memcache.max_failed_share', '101'));
var_dump(ini_set('memcache.max_failed_share', '50%'), ini_set('memcache.max_failed_share', '50'));
var_dump(ini_get('memcache.max_failed_share'), ini_set('memcache.health_log', 'on'), ini_get('memcache.health_log'));
ini_set('memcache.health_log', '0');
var_dump(ini_set('memcache.shared_health', '0'), ini_get('memcache.shared_health'));
$file = ini_get('memcache.shared_health_file');
var_dump(ini_set('memcache.shared_health_file', '/tmp/elsewhere'), ini_get('memcache.shared_health_file') === $file);
ob_start();
(new ReflectionExtension('memcache'))->info();
$info = ob_get_clean();
echo preg_match('/^Server health \(shared\) => ' . preg_quote($file, '/') . '$/m', $info) ? "shared: $file\n" : "missing\n";

echo "-- failure_limit 3: two timeouts leave the server up, the third fails it --\n";
$a = test_memcached_start();
$pidA = proc_get_status($a['proc'])['pid'];
$m = new Memcache();
$m->addServer($host, $a['port'], false, 1, 0.2, 15);
$m->addServer($host, $port, false, 1, 0.2, 15);
$keys = [];
for ($i = 0; count($keys) < 3 && $i < 10000; $i++) {
    if ($m->findServer("362_$i") === "$host:{$a['port']}") $keys[] = "362_$i";
}
exec("kill -STOP $pidA");
test_wait_stopped($pidA);
foreach ($keys as $key) {
    var_dump($m->set($key, 'v'), $m->getServerStatus($host, $a['port']));   // moves to the other server
}
exec("kill -CONT $pidA");

echo "-- failover_ttl 60: a value that failed over keeps at most 60 s --\n";
$m->set($keys[0], 'moved', 0, 3600);
preg_match('/^HD t(\d+)/', (string) test_memcached_command($port, "mg {$keys[0]} t"), $ttl);
var_dump((int) $ttl[1] > 0 && (int) $ttl[1] <= 60);
ini_set('memcache.failover_ttl', '0');
$m->set($keys[0], 'moved', 0, 3600);
preg_match('/^HD t(\d+)/', (string) test_memcached_command($port, "mg {$keys[0]} t"), $ttl);
var_dump((int) $ttl[1] > 3000);
$single = new Memcache();
$single->addServer($host, $port);
$single->delete($keys[0]);
?>
--EXPECTF--
-- validation --

Warning: ini_set(): memcache.failure_limit must be a positive integer ('0' given) in %s on line %d

Warning: ini_set(): memcache.failure_limit must be a positive integer ('x' given) in %s on line %d
bool(false)
bool(false)
string(1) "1"
string(1) "3"

Warning: ini_set(): memcache.failover_ttl must be a positive integer ('-1' given) in %s on line %d
bool(false)
string(1) "0"

Warning: ini_set(): memcache.failback_flush must be in set {never, auto, always} ('sometimes' given) in %s on line %d
bool(false)
string(4) "auto"
string(6) "ALWAYS"
string(6) "ALWAYS"

Warning: ini_set(): memcache.max_failed_share must be a percentage from 1 to 100 ('0' given) in %s on line %d

Warning: ini_set(): memcache.max_failed_share must be a percentage from 1 to 100 ('101' given) in %s on line %d
bool(false)
bool(false)

Warning: ini_set(): memcache.max_failed_share must be a percentage from 1 to 100 ('50%' given) in %s on line %d
bool(false)
string(3) "100"
string(2) "50"
string(1) "0"
string(2) "on"
bool(false)
string(1) "1"
bool(false)
bool(true)
shared: %s/health
-- failure_limit 3: two timeouts leave the server up, the third fails it --
bool(true)
int(1)
bool(true)
int(1)

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Network timeout (0) in %s on line %d
bool(true)
int(0)
-- failover_ttl 60: a value that failed over keeps at most 60 s --
bool(true)
bool(true)
