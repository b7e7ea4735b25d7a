--TEST--
FPM: 200 requests that each add a non-persistent server and get a key open 200 connections
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();
$port = $server['port'];
echo test_memcached_command($port, "set k352 0 0 5\r\nvalue");

$stats = null;
$before = test_memcached_stats($port, $stats)['total_connections'];
$responses = [];
for ($i = 0; $i < 200; $i++) {
    $query = ['host' => $host, 'port' => $port, 'key' => 'k352', 'persistent' => 0];
    $body = preg_replace('/^pid=\d+$/m', 'pid=N', fpm_request('get.php', $query));
    $responses[$body] = ($responses[$body] ?? 0) + 1;
}
$stats_after = test_memcached_stats($port, $stats);

foreach ($responses as $body => $n) {
    echo "$n responses:\n$body";
}
echo 'new connections: ', $stats_after['total_connections'] - $before, "\n";
?>
--EXPECT--
STORED
200 responses:
connect: true
get: 'value'
pid=N
new connections: 200
