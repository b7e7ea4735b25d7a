--TEST--
FPM, shared health: with a hung server (SIGSTOP) under steady load, the whole 8-worker pool pays about one timeout per retry window (the one probe), not one per worker per window
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/fpm-cost.inc';

// A private php-fpm with 8 workers; two memcached, one of them stopped with SIGSTOP after a
// warm-up; 1000 requests at 50 per second (about 20 s), 4 at a time; timeout 0.5 s, retry
// interval 2 s; each request gets 3 keys of each server (fpm/cost.php). Every failure event
// (failure callback) is one timeout paid by one request.
$r = failover_cost_run(['workers' => 8, 'requests' => 1000, 'rate' => 50, 'inflight' => 4,
    'timeout' => 0.5, 'retry' => 2]);

echo "all requests answered: ", json_encode($r['answered'] === 1000 && $r['bad'] === []), "\n";
foreach (array_slice($r['bad'], 0, 3) as $body) {
    echo "unexpected reply: ", trim($body), "\n";
}
echo "every worker warmed up and served the run: ", json_encode($r['warm_workers'] === 8 && $r['workers_seen'] === 8), "\n";
echo "the live server's keys were read by every request: ", json_encode($r['live_keys_always_read']), "\n";
echo "failure events only for the hung server: ", json_encode($r['events_only_dead_server']), "\n";
echo "each failure event reported by the request that paid it: ", json_encode($r['events'] === $r['events_in_replies']), "\n";
echo "the server failed at all: ", json_encode($r['events'] >= 1), "\n";
// The bound: the requests in flight when the server hung (each pays its timeout before any
// of them has marked the server failed), then one probe per retry window for the whole pool,
// plus one for a window cut by the end of the run. Per-worker failure state (the C
// extension) pays about workers x windows (8 x 10 here).
$bound = $r['inflight'] + $r['windows'] + 1;
$ok = $r['events'] <= $bound;
echo "failure events within in-flight requests + retry windows + 1: ", json_encode($ok), "\n";
if (!$ok) {
    echo "  events: {$r['events']}, bound: $bound; at (s): ", json_encode($r['event_times']), "\n";
}
// Not asserted: timing.
printf("failure events %d in %d windows; requests that waited: %d; total time in the gets: %.2f s\n",
    $r['events'], $r['windows'], $r['slow'], $r['total_s']);
?>
--EXPECTF--
all requests answered: true
every worker warmed up and served the run: true
the live server's keys were read by every request: true
failure events only for the hung server: true
each failure event reported by the request that paid it: true
the server failed at all: true
failure events within in-flight requests + retry windows + 1: true
failure events %d in %d windows; requests that waited: %d; total time in the gets: %f s
