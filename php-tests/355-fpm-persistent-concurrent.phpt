--TEST--
FPM: 200 persistent requests sent 8 at a time still open at most one connection per worker
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();
$port = $server['port'];
echo test_memcached_command($port, "set k355 0 0 5\r\nvalue");

$stats = null;
$before = test_memcached_stats($port, $stats)['total_connections'];
$request = ['get.php', ['host' => $host, 'port' => $port, 'key' => 'k355']];
$responses = $pids = [];
for ($round = 0; $round < 25; $round++) {
    foreach (fpm_requests(array_fill(0, 8, $request)) as $body) {
        preg_match('/^pid=(\d+)$/m', $body, $m);
        $pids[$m[1] ?? 'none'] = true;
        $body = preg_replace('/^pid=\d+$/m', 'pid=N', $body);
        $responses[$body] = ($responses[$body] ?? 0) + 1;
    }
}
$opened = test_memcached_stats($port, $stats)['total_connections'] - $before;

foreach ($responses as $body => $n) {
    echo "$n responses:\n$body";
}
printf("workers: %d, new connections: %s\n", count($pids),
    $opened >= 1 && $opened <= count($pids) && $opened <= 2 ? 'at most one per worker' : $opened);
?>
--EXPECT--
STORED
200 responses:
connect: true
get: 'value'
pid=N
workers: 2, new connections: at most one per worker
