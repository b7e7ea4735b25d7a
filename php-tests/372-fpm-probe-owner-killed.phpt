--TEST--
FPM, shared health: a worker killed (SIGKILL) while it holds the probe lease (inside the failback callback) blocks nothing: the server shows "probing" and stays skipped until the lease runs out, then another worker probes, runs the callback and the server rejoins for every worker
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

// A private php-fpm with 4 workers; one server, timeout 0.5 s (probe lease 4 x 0.5 + 5 = 7 s),
// retry interval 2 s. The first failback callback run creates a flag file, writes its pid and
// sleeps (25 s); the test kills that worker. Later runs see the flag and return true at once.
$fpm = fpm_private_start(4);
$port = test_free_port();
$state = getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir();
$files = [];
foreach (['cbfile', 'flag', 'pidfile'] as $name) {
    $files[$name] = "$state/372-$name-" . getmypid();
    @unlink($files[$name]);
}
register_shutdown_function(function () use ($files) {
    array_map(fn ($f) => @unlink($f), $files);
});
$query = ['host' => $host, 'port' => $port, 'timeout' => 0.5, 'retry' => 2, 'mode' => 'sleep'] + $files;
$decode = fn (string $body) => json_decode(trim($body), true) ?? ['unexpected' => $body];
$runs = fn () => array_map(fn ($l) => json_decode($l, true), @file($files['cbfile'], FILE_IGNORE_NEW_LINES) ?: []);
$health = fn () => json_decode(fpm_request('health.php', ['server' => "$host:$port"], [], $fpm['addr']), true);

// Fail the server (nothing listens), then start a memcached there.
$first = $decode(fpm_request('failback.php', $query, [], $fpm['addr']));
echo "server failed: ", json_encode(($first['failures'] ?? 0) === 1 && $first['after'] === 0), "\n";
$server = test_memcached_start($port);

// One request every 100 ms (without waiting for replies) until a callback sleeps; kill it.
$pending = $replies = [];
$victim = 0;
$deadline = microtime(true) + 8;
for ($i = 0; $i < 80 && !$victim && microtime(true) < $deadline; $i++) {
    $pending[] = fpm_request_start('failback.php', $query, [], $fpm['addr']);
    usleep(100000);
    $victim = (int) @file_get_contents($files['pidfile']);
}
echo "a failback callback sleeps in a worker: ", json_encode(in_array($victim, fpm_private_workers($fpm), true)), "\n";
if ($victim && in_array($victim, fpm_private_workers($fpm), true)) {
    exec('kill -9 ' . $victim);     // only a worker of our own pool (checked just above)
}
for ($i = 0; $i < 100 && in_array($victim, fpm_private_workers($fpm), true); $i++) {
    usleep(20000);
}
echo "worker killed: ", json_encode(!in_array($victim, fpm_private_workers($fpm), true)), "\n";
$row = $health();
echo "health table right after the kill: ", $row[1] ?? '?', "\n";

// Requests every 200 ms until the callback has run again and the server is up (bounded):
// meanwhile every request skips the server (the dead worker's lease holds until it runs out).
$killed = 0;
$skippedAll = true;
$deadline = microtime(true) + 14;
while (microtime(true) < $deadline) {
    foreach ($pending as $i => &$handle) {
        if (fpm_request_done($handle)) {
            $r = $decode(fpm_request_finish($handle));
            unset($pending[$i]);
            if (isset($r['unexpected'])) {
                $killed++;      // the request the killed worker was serving
            } else {
                $replies[] = $r;
            }
        }
    }
    unset($handle);
    if (count($runs()) >= 2 && !$pending) {
        break;
    }
    if (count($runs()) < 2) {
        $pending[] = fpm_request_start('failback.php', $query, [], $fpm['addr']);
    }
    usleep(200000);
}
$probe = null;
foreach ($replies as $r) {
    if ($r['failbacks'] > 0) {
        $probe = $r;
    } elseif ($r['used'] || $r['after'] !== 0 || $r['failures'] !== 0) {
        $skippedAll = false;
        echo "unexpected reply: ", json_encode($r), "\n";
    }
}
echo "requests until then skipped the server without a failure: ", json_encode($skippedAll), "\n";
echo "the killed worker's request got no reply: ", json_encode($killed === 1), "\n";
$runList = $runs();
echo "failback callback runs: ", count($runList), "\n";
echo "first run in the killed worker, second in another one, which brought the server back: ",
    json_encode(($runList[0][0] ?? 0) === $victim && isset($probe['pid']) && ($runList[1][0] ?? 0) === $probe['pid']
        && $probe['pid'] !== $victim && $probe['after'] === 1), "\n";
echo "the second run came after the lease of the first ran out: ",
    json_encode(isset($runList[1]) && $runList[1][4] - $runList[0][4] >= 6), "\n";

// Every worker (the respawned one included) uses the server (bounded: 5 rounds).
$workers = fpm_private_workers($fpm);
$seen = [];
$all = true;
for ($i = 0; $i < 5 && count($seen) < count($workers); $i++) {
    $bodies = fpm_requests(array_fill(0, 8, ['failback.php', $query + ['hold_ms' => 100]]), $fpm['addr']);
    foreach (array_map($decode, $bodies) as $r) {
        $ok = ($r['before'] ?? 0) === 1 && $r['used'] && $r['after'] === 1 && $r['failbacks'] === 0;
        $all = $all && $ok;
        if ($ok) {
            $seen[$r['pid']] = true;
        }
    }
}
ksort($seen);
echo "workers: ", count($workers), ", all use the server: ", json_encode($all && array_keys($seen) === $workers), "\n";
$row = $health();
echo "health table: state ", $row[1] ?? '?', ", recoveries ", $row[5] ?? '?', "\n";
echo "failback callback runs: ", count($runs()), "\n";
?>
--EXPECT--
server failed: true
a failback callback sleeps in a worker: true
worker killed: true
health table right after the kill: probing
requests until then skipped the server without a failure: true
the killed worker's request got no reply: true
failback callback runs: 2
first run in the killed worker, second in another one, which brought the server back: true
the second run came after the lease of the first ran out: true
workers: 4, all use the server: true
health table: state up, recoveries 1
failback callback runs: 2
