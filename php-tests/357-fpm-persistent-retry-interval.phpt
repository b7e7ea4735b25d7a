--TEST--
FPM: a failed persistent server stays failed in its worker for retry_interval seconds, then a request reconnects to it
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$port = test_free_port();
$query = ['host' => $host, 'port' => $port, 'retry' => 2, 'key' => 'k357'];

// Fail the server in both workers (nothing listens yet).
$responses = $pids = [];
for ($i = 0; $i < 20 && count($pids) < 2; $i++) {
    $body = fpm_request('failed.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $pids[$m[1] ?? 'none'] = true;
    $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
}
echo implode("--\n", array_keys($responses));

// Now a memcached listens there; the workers keep the server failed until the retry interval
// (2 s, checked in whole seconds as in the C extension) has passed, then retry it.
$server = test_memcached_start($port);
echo test_memcached_command($port, "set k357 0 0 5\r\nvalue");
$responses = $recovered = [];
$deadline = microtime(true) + 8;
while (count($recovered) < 2 && microtime(true) < $deadline) {
    $body = fpm_request('failed.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    if (str_contains($body, "get: 'value'")) {
        $recovered[$m[1] ?? 'none'] = true;
    } else {
        usleep(50000);
    }
    $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
}
echo "-- memcached started --\n";
echo implode("--\n", array_keys($responses));
var_dump(count($recovered));
?>
--EXPECTF--
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=N
STORED
-- memcached started --
status: 0
get: false
status after get: 0
pid=N
--
status: 0
get: 'value'
status after get: 1
pid=N
int(2)
