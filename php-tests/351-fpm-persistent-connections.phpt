--TEST--
FPM: 200 requests that each add a persistent server and get a key open at most one connection per worker (2 in all)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();        // private: no other test's connections count
$port = $server['port'];
echo test_memcached_command($port, "set k351 0 0 5\r\nvalue");

// Both stats go over one raw connection, so it is counted in "before" already.
$stats = null;
$before = test_memcached_stats($port, $stats)['total_connections'];
$responses = $pids = [];
for ($i = 0; $i < 200; $i++) {
    $body = fpm_request('get.php', ['host' => $host, 'port' => $port, 'key' => 'k351']);
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
200 responses:
connect: true
get: 'value'
pid=N
workers: %d, new connections: at most one per worker
