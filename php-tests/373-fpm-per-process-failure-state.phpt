--TEST--
FPM with memcache.shared_health=0: failure state is per worker, as with the C extension: the worker that saw a server fail has it failed (status 0) in its later requests and skips it without a notice, the other worker still has it up (status 1) and pays for the failure itself (its own notice) when it uses it; after that both have it failed (docs/failure-handling.md, "Shared health"; 354 is the shared case)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

// A private php-fpm with 2 workers and per-process failure state; a server nothing listens
// on (connect refused at once), retry interval 15 s (the default of fpm/failed.php).
$fpm = fpm_private_start(2, ['memcache.shared_health' => 0]);
$workers = fpm_private_workers($fpm);
echo 'workers: ', count($workers), "\n";
$query = ['host' => $host, 'port' => test_free_port()];
$a = null;

/** $body with the worker's pid replaced by A (the worker that failed the server first) or B. */
function label(string $body): string
{
    global $a, $workers;
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $pid = (int) ($m[1] ?? 0);
    $name = $pid === $a ? 'A' : (in_array($pid, $workers, true) ? 'B' : '?');
    return preg_replace('/^pid=\d+$/m', "pid=$name", $body);
}

/**
 * Two concurrent requests that each hold their worker 400 ms, so each worker serves one:
 * their labelled bodies, A's first. Tried again (at most 5 times) while one worker served
 * both; $once: no retry (the requests change state).
 */
function pair(array $query, bool $once = false): array
{
    global $fpm;
    for ($try = 0; $try < 5; $try++) {
        $bodies = array_map('label', fpm_requests(array_fill(0, 2, ['failed.php', $query + ['hold_ms' => 400]]), $fpm['addr']));
        usort($bodies, fn ($x, $y) => str_contains($x, 'pid=B') <=> str_contains($y, 'pid=B'));
        if ($once || (str_contains($bodies[0], 'pid=A') && str_contains($bodies[1], 'pid=B'))) {
            break;
        }
    }
    return $bodies;
}

echo "-- worker A fails the server --\n";
$body = fpm_request('failed.php', $query + ['key' => 'k373'], [], $fpm['addr']);
preg_match('/^pid=(\d+)$/m', $body, $m);
$a = (int) ($m[1] ?? 0);
echo label($body);

echo "-- later requests, one per worker: A has it failed, B up --\n";
echo implode("--\n", pair($query));

echo "-- a get in each worker: A skips it, B fails it itself --\n";
echo implode("--\n", pair($query + ['key' => 'k373'], true));

echo "-- now both have it failed --\n";
echo implode("--\n", pair($query));
?>
--EXPECTF--
workers: 2
-- worker A fails the server --
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=A
-- later requests, one per worker: A has it failed, B up --
status: 0
pid=A
--
status: 1
pid=B
-- a get in each worker: A skips it, B fails it itself --
status: 0
get: false
status after get: 0
pid=A
--
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=B
-- now both have it failed --
status: 0
pid=A
--
status: 0
pid=B
