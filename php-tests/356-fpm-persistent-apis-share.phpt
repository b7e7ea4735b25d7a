--TEST--
FPM: addServer(persistent), pconnect() and memcache_pconnect() share one connection per worker across requests; close() keeps it
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();
$port = $server['port'];
echo test_memcached_command($port, "set k356 0 0 5\r\nvalue");

$stats = null;
$before = test_memcached_stats($port, $stats)['total_connections'];
$responses = $pids = [];
for ($i = 0; $i < 60; $i++) {
    $api = ['addServer', 'pconnect', 'memcache_pconnect'][$i % 3];
    $query = ['host' => $host, 'port' => $port, 'key' => 'k356', 'api' => $api, 'close' => intdiv($i, 3) % 2];
    $body = fpm_request('get.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $pids[$m[1] ?? 'none'] = true;
    $body = preg_replace('/^pid=\d+$/m', 'pid=N', $body);
    $responses[$body] = ($responses[$body] ?? 0) + 1;
}
$opened = test_memcached_stats($port, $stats)['total_connections'] - $before;

foreach ($responses as $body => $n) {
    echo "$n responses:\n$body";
}
printf("workers: %d, new connections: %s\n", count($pids),
    $opened >= 1 && $opened <= count($pids) && $opened <= 2 ? 'at most one per worker' : $opened);
?>
--EXPECTF--
STORED
30 responses:
connect: true
get: 'value'
pid=N
30 responses:
connect: true
get: 'value'
close: true
pid=N
workers: %d, new connections: at most one per worker
