--TEST--
FPM, shared health: a failed server is skipped by every worker for retry_interval seconds (only the first request pays the failed connect); then exactly one request probes it and it rejoins for all workers; a server restarted well after the failure is not flushed (failback_flush auto: its uptime proves the restart)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$port = test_free_port();
$query = ['host' => $host, 'port' => $port, 'retry' => 8, 'key' => 'k357'];

// Fail the server (nothing listens yet); the other worker then sees it failed without trying.
$failed = microtime(true);
$responses = $pids = [];
for ($i = 0; $i < 20 && count($pids) < 2; $i++) {
    $body = fpm_request('failed.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $pids[$m[1] ?? 'none'] = true;
    $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
}
echo implode("--\n", array_keys($responses));

// 5.5 s after the failure a memcached listens there; the workers keep the server failed until
// the retry interval (8 s, checked in whole seconds as in the C extension) has passed; then
// one request probes it and it is up for both workers. Its uptime proves that it started
// after the failure (docs/failure-handling.md, "Failback: no stale reads": a few seconds after, for the whole-second figures),
// so it holds only what was written since and failback_flush=auto does not flush it: k357 is
// read back.
usleep((int) max(0, ($failed + 5.5 - microtime(true)) * 1e6));
$server = test_memcached_start($port);
echo test_memcached_command($port, "set k357 0 0 5\r\nvalue");
$skipped = "status: 0\nget: false\nstatus after get: 0\npid=N\n";
$responses = $recovered = [];
$deadline = microtime(true) + 10;
while (count($recovered) < 2 && microtime(true) < $deadline) {
    $body = fpm_request('failed.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    if (str_contains($body, "get: 'value'")) {
        $recovered[$m[1] ?? 'none'] = true;
    } else {
        usleep(50000);
    }
    $body = preg_replace('/^pid=\d+$/m', 'pid=N', $body);
    $responses[$body] = ($responses[$body] ?? 0) + 1;
}
echo "-- memcached started --\n";
// Requests before the interval has passed skip the server (how many depends on timing).
unset($responses[$skipped]);
$probed = "status: 0\nget: 'value'\nstatus after get: 1\npid=N\n";
echo "probed by exactly one request: ", json_encode(($responses[$probed] ?? 0) === 1), "\n";
ksort($responses);
echo implode("--\n", array_keys($responses));
var_dump(count($recovered));
?>
--EXPECTF--
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=N
--
status: 0
get: false
status after get: 0
pid=N
STORED
-- memcached started --
probed by exactly one request: true
status: 0
get: 'value'
status after get: 1
pid=N
--
status: 1
get: 'value'
status after get: 1
pid=N
int(2)
