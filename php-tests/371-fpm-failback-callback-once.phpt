--TEST--
FPM, shared health: the failback callback runs exactly once per recovery (in the one worker whose probe passed) however many workers send requests, then every worker uses the server; a callback returning false keeps it down in every worker for another retry interval, and a later probe runs it again
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

// A private php-fpm with 4 workers; one server (timeout 0.5 s, retry interval 2 s) that goes
// away (nothing listens: refused) and comes back (a memcached on its port) three times.
$fpm = fpm_private_start(4);
$workers = fpm_private_workers($fpm);
$port = test_free_port();
$cbfile = tempnam(getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir(), 'cb371-');
register_shutdown_function('unlink', $cbfile);
$query = ['host' => $host, 'port' => $port, 'cbfile' => $cbfile, 'timeout' => 0.5, 'retry' => 2];

/** $n concurrent requests of fpm/failback.php, each holding its worker 100 ms: decoded replies. */
function burst(array $query, int $n = 8): array
{
    global $fpm;
    $replies = [];
    foreach (fpm_requests(array_fill(0, $n, ['failback.php', $query + ['hold_ms' => 100]]), $fpm['addr']) as $body) {
        $replies[] = json_decode(trim($body), true) ?? ['unexpected' => $body];
    }
    return $replies;
}

/** The failback callback runs so far: [pid, host, tcp, udp, time] each. */
function runs(): array
{
    global $cbfile;
    return array_map(fn ($l) => json_decode($l, true), file($cbfile, FILE_IGNORE_NEW_LINES));
}

/** A reply that skipped the failed server without reporting anything. */
function skipped(array $r): bool
{
    return isset($r['pid']) && !$r['used'] && $r['after'] === 0 && $r['failures'] === 0 && $r['failbacks'] === 0;
}

/** Fails the server (nothing listens): one request pays the refused connect, then all skip. */
function fail_server(array $query): void
{
    $first = burst($query, 1)[0];
    echo "  first request: failure reported, server failed: ",
        json_encode(($first['failures'] ?? 0) === 1 && $first['after'] === 0 && !$first['used']), "\n";
    echo "  concurrent requests skip it without a failure: ",
        json_encode(count(array_filter(burst($query), 'skipped')) === 8), "\n";
}

/**
 * Sends bursts of 4 (bounded: 8 s) until the failback callback has run once more than
 * $before times; checks that meanwhile every other reply skipped the server, or used it after
 * the callback let it back. Returns the reply of the request that ran the callback.
 */
function recover(array $query, int $before): ?array
{
    $probe = null;
    $others = true;
    $deadline = microtime(true) + 8;
    while (count(runs()) <= $before && microtime(true) < $deadline) {
        foreach (burst($query, 4) as $r) {
            if (($r['failbacks'] ?? 0) > 0) {
                $probe = $probe === null ? $r : ['unexpected' => 'two probing requests'];
            } elseif (!skipped($r) && !(($r['used'] ?? false) && $r['after'] === 1)) {
                $others = false;
                echo "  unexpected reply: ", json_encode($r), "\n";
            }
        }
        usleep(100000);
    }
    echo "  other requests skipped the server (or used it once it was back): ", json_encode($others), "\n";
    return $probe;
}

/** True if every worker now uses the server (bounded: 5 bursts), and no request skips it. */
function all_workers_use(array $query): bool
{
    global $workers;
    $seen = [];
    $all = true;
    for ($i = 0; $i < 5 && count($seen) < count($workers); $i++) {
        foreach (burst($query) as $r) {
            $ok = ($r['before'] ?? 0) === 1 && $r['used'] && $r['after'] === 1 && $r['failbacks'] === 0;
            $all = $all && $ok;
            if ($ok) {
                $seen[$r['pid']] = true;
            }
        }
    }
    ksort($seen);
    return $all && array_keys($seen) === $workers;
}

/** The callback run $n (1-based) as [ran in the probing request's worker, its arguments]. */
function check_run(int $n, ?array $probe): void
{
    global $host, $port;
    $runs = runs();
    $run = $runs[$n - 1] ?? null;
    echo "  failback callback runs so far: ", count($runs), "\n";
    echo "  run $n in the worker whose request probed, with (host, tcp_port, udp_port): ",
        json_encode($run !== null && isset($probe['pid']) && $run[0] === $probe['pid']
            && array_slice($run, 1, 3) === [$host, $port, 0]), "\n";
}

echo "workers: ", count($workers), "\n";
echo "-- recovery 1 --\n";
fail_server($query);
$server = test_memcached_start($port);
$probe = recover($query, 0);
check_run(1, $probe);
echo "  the probing request skipped the server, which is up after the callback: ",
    json_encode(!$probe['used'] && $probe['before'] === 0 && $probe['after'] === 1), "\n";
echo "  every worker uses the server: ", json_encode(all_workers_use($query)), "\n";
echo "  failback callback runs: ", count(runs()), "\n";

echo "-- recovery 2 --\n";
test_memcached_stop($server);
fail_server($query);
$server = test_memcached_start($port);
$probe = recover($query, 1);
check_run(2, $probe);
echo "  every worker uses the server: ", json_encode(all_workers_use($query)), "\n";
echo "  failback callback runs: ", count(runs()), "\n";

echo "-- a callback that returns false --\n";
test_memcached_stop($server);
fail_server($query);
$server = test_memcached_start($port);
$probe = recover($query + ['mode' => 'false'], 2);
check_run(3, $probe);
echo "  the server stays failed in the probing worker: ", json_encode($probe['after'] === 0), "\n";
// At once (the next retry is at least a second away): every worker skips it, no probe runs.
$replies = burst($query + ['mode' => 'false']);
echo "  then every request skips it (status 0), no callback: ",
    json_encode(count(array_filter($replies, 'skipped')) === 8 && count(runs()) === 3), "\n";
$probe = recover($query, 3);
check_run(4, $probe);
echo "  a later probe ran it again and the server is up: ", json_encode($probe['after'] === 1), "\n";
echo "  every worker uses the server: ", json_encode(all_workers_use($query)), "\n";
echo "  failback callback runs: ", count(runs()), "\n";

$row = json_decode(fpm_request('health.php', ['server' => "$host:$port"], [], $fpm['addr']), true);
echo "health table: state ", $row[1] ?? '?', ", failures ", $row[2] ?? '?', ", recoveries ", $row[5] ?? '?', "\n";
?>
--EXPECT--
workers: 4
-- recovery 1 --
  first request: failure reported, server failed: true
  concurrent requests skip it without a failure: true
  other requests skipped the server (or used it once it was back): true
  failback callback runs so far: 1
  run 1 in the worker whose request probed, with (host, tcp_port, udp_port): true
  the probing request skipped the server, which is up after the callback: true
  every worker uses the server: true
  failback callback runs: 1
-- recovery 2 --
  first request: failure reported, server failed: true
  concurrent requests skip it without a failure: true
  other requests skipped the server (or used it once it was back): true
  failback callback runs so far: 2
  run 2 in the worker whose request probed, with (host, tcp_port, udp_port): true
  every worker uses the server: true
  failback callback runs: 2
-- a callback that returns false --
  first request: failure reported, server failed: true
  concurrent requests skip it without a failure: true
  other requests skipped the server (or used it once it was back): true
  failback callback runs so far: 3
  run 3 in the worker whose request probed, with (host, tcp_port, udp_port): true
  the server stays failed in the probing worker: true
  then every request skips it (status 0), no callback: true
  other requests skipped the server (or used it once it was back): true
  failback callback runs so far: 4
  run 4 in the worker whose request probed, with (host, tcp_port, udp_port): true
  a later probe ran it again and the server is up: true
  every worker uses the server: true
  failback callback runs: 4
health table: state up, failures 0, recoveries 3
