--TEST--
FPM: a persistent connection that timed out is not reused: the late reply never reaches a later request of the same worker; with shared health the next request of either worker probes the server and every request reads the right value
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

[$sigstop, $sigcont] = [19, 18];    // Linux (pcntl's constants may be missing)
$server = test_memcached_start();
$port = $server['port'];
echo test_memcached_command($port, "set a358 0 0 1\r\nA");
echo test_memcached_command($port, "set b358 0 0 1\r\nB");
// Timeout 0.3 s; retry interval 0: a failed server is probed by the next request (no
// failback flush: b358 must stay readable).
$query = ['host' => $host, 'port' => $port, 'timeout' => 0.3, 'retry' => 0, 'flush' => 'never'];

// Both workers connect.
$pids = [];
for ($i = 0; $i < 20 && count($pids) < 2; $i++) {
    preg_match('/^pid=(\d+)$/m', fpm_request('failed.php', $query + ['key' => 'b358']), $m);
    $pids[$m[1] ?? 'none'] = true;
}
var_dump(count($pids));

// memcached stops answering: the get of a358 in worker A times out, the request stays queued.
proc_terminate($server['proc'], $sigstop);
test_wait_stopped(proc_get_status($server['proc'])['pid']);
$body = fpm_request('failed.php', $query + ['key' => 'a358']);
preg_match('/^pid=(\d+)$/m', $body, $m);
$a = $m[1];
echo str_replace("pid=$a", 'pid=A', $body);
proc_terminate($server['proc'], $sigcont);    // ... and now memcached answers it

// The next requests of both workers get b358's value, not the late reply about a358. The first
// one (of either worker: the failure is shared) sees the server failed and probes it.
$responses = $seen = [];
for ($i = 0; $i < 20 && ($i < 4 || count($seen) < 2); $i++) {
    $body = fpm_request('failed.php', $query + ['key' => 'b358']);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $seen[$m[1] ?? 'none'] = true;
    $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
}
ksort($responses);
echo implode("--\n", array_keys($responses));
?>
--EXPECTF--
STORED
STORED
int(2)
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Network timeout (0) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=A
status: 0
get: 'B'
status after get: 1
pid=N
--
status: 1
get: 'B'
status after get: 1
pid=N
