--TEST--
FPM: memcached restarted between requests: the next request through each worker's stale persistent connection succeeds, no notice, no failure callback
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();
$port = $server['port'];

/**
 * Sends restart.php requests until both workers have answered (at most 20); prints the
 * distinct responses (pid hidden) and returns the workers' pids as keys.
 */
function until_each_worker_answered(array $query): array
{
    $seen = $responses = [];
    for ($i = 0; $i < 20 && count($seen) < 2; $i++) {
        $body = fpm_request('restart.php', $query);
        preg_match('/^pid=(\d+)$/m', $body, $m);
        $seen[$m[1] ?? 'none'] = true;
        $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
    }
    echo implode("--\n", array_keys($responses));
    return $seen;
}

$query = ['host' => $host, 'port' => $port, 'key' => 'k353'];
echo "-- both workers connect --\n";
$workers = until_each_worker_answered($query + ['first' => 'set', 'value' => 'before']);
var_dump(count($workers));

foreach (['get', 'set'] as $first) {
    echo "-- memcached restarted on the same port; first command: $first --\n";
    test_memcached_stop($server);
    $server = test_memcached_start($port);
    echo test_memcached_command($port, "set k353 0 0 5\r\nafter");
    $stats = null;
    $before = test_memcached_stats($port, $stats)['total_connections'];
    until_each_worker_answered($query + ['first' => $first, 'value' => 'after']);
    $opened = test_memcached_stats($port, $stats)['total_connections'] - $before;
    echo 'new connections: ', $opened === count($workers) ? 'one per worker' : $opened, "\n";
}
?>
--EXPECT--
-- both workers connect --
set: true
get: 'before'
status: 1
pid=N
int(2)
-- memcached restarted on the same port; first command: get --
STORED
get: 'after'
set: true
status: 1
pid=N
new connections: one per worker
-- memcached restarted on the same port; first command: set --
STORED
set: true
get: 'after'
status: 1
pid=N
new connections: one per worker
