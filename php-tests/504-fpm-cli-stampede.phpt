--TEST--
Stampede guard across processes: 50 concurrent remember() calls on one missing key, from an 8-worker php-fpm and 10 CLI processes together, whose $compute sleeps 200 ms and logs each call in a file: exactly one call, and all 50 return its value (meta: a lease; ascii and binary: the lock key). After invalidate() the same 50 calls: one call again; under meta no caller waits for it (every other caller that began before the new value was computed returns the stale one at once), under ascii and binary invalidate() deleted the value and the others wait for the new one
--DESCRIPTION--
fpm/remember.php is the caller, run by php-fpm (query string) and by `php -n` (the same query
string as an argument), both with this test's memcache.protocol. Every caller waits until a
common start time, so the 8 workers and the 10 CLI processes call remember() together; the
other 32 FPM requests queue for a worker and call it as soon as one is free. The figures lines
(durations in ms) vary and are not compared.
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)');
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$fpm = fpm_private_start(8);
$key = 'k504_' . getmypid();
$calls = tempnam(sys_get_temp_dir(), 'calls504');
$base = ['host' => $host, 'port' => $port, 'key' => $key, 'calls' => $calls, 'sleep_ms' => 200];

/** 40 FPM requests and 10 CLI processes of fpm/remember.php, all started at once: their replies. */
function stampede504(array $query): array
{
    global $fpm;
    $query['start_at'] = microtime(true) + 1.0;
    $handles = [];
    for ($i = 0; $i < 40; $i++) {
        $handles[] = fpm_request_start('remember.php', $query, [], $fpm['addr']);
    }
    $cli = $cliPipes = [];
    for ($i = 0; $i < 10; $i++) {
        $cli[] = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . test_extension_so(),
            '-d', 'memcache.protocol=' . test_protocol(), __DIR__ . '/fpm/remember.php', http_build_query($query)],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $cliPipes[] = $pipes;
    }
    $replies = [];
    foreach ($cliPipes as $i => $pipes) {
        $replies[] = trim(stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]));
        proc_close($cli[$i]);
    }
    foreach ($handles as $handle) {
        $replies[] = trim(fpm_request_finish($handle));
    }
    return array_map(fn ($r) => json_decode($r, true) ?? ['bad reply' => $r], $replies);
}

/** The number of $compute calls logged since the last look. */
function calls504(): int
{
    global $calls;
    $n = count(file($calls, FILE_SKIP_EMPTY_LINES));
    file_put_contents($calls, '');
    return $n;
}

/** Durations (ms) of the winner's and the others' remember() calls. */
function figures504(array $replies): string
{
    $ms = fn ($r) => round(1000 * ($r['ended'] - $r['began']));
    $winner = array_map($ms, array_filter($replies, fn ($r) => $r['computed']));
    $others = array_map($ms, array_filter($replies, fn ($r) => !$r['computed']));
    sort($others);
    return sprintf('winner %s ms; others min %d, median %d, max %d ms', implode(',', $winner),
        $others[0], $others[intdiv(count($others), 2)], end($others));
}

echo "-- a missing key --\n";
$replies = stampede504($base);
$bad = array_filter($replies, fn ($r) => !isset($r['value']));
echo 'replies: ', count($replies), ', broken: ', $bad ? json_encode(array_values($bad)) : 'none', "\n";
echo 'calls of $compute: ', calls504(), "\n";
$values = array_unique(array_column($replies, 'value'));
echo 'distinct values returned: ', count($values), "\n";
echo 'callers that computed: ', count(array_filter($replies, fn ($r) => $r['computed'] ?? false)), "\n";
echo 'figures: ', figures504($replies), "\n";
$first = reset($values);

echo "-- after invalidate() --\n";
echo fpm_request('remember.php', $base + ['invalidate' => 1], [], $fpm['addr']);
$replies = stampede504($base);
echo 'replies: ', count($replies), "\n";
echo 'calls of $compute: ', calls504(), "\n";
$winner = array_values(array_filter($replies, fn ($r) => $r['computed']));
echo 'callers that computed: ', count($winner), "\n";
$second = $winner[0]['value'] ?? null;
$others = array_filter($replies, fn ($r) => !$r['computed']);
$kinds = array_count_values(array_map(fn ($r) => $r['value'] === $first ? 'stale' : ($r['value'] === $second ? 'new' : 'OTHER'), $others));
ksort($kinds);
echo 'values of the others: only the stale and the new one: ', var_export(!isset($kinds['OTHER']), true), "\n";
// Waiting is told by cause, not by duration: a caller that began before the new value was
// computed and still returned it must have waited for it.
$computeEnded = $winner[0]['compute_ended'] ?? INF;
$waited = array_filter($others, fn ($r) => $r['value'] === $second && $r['began'] < $computeEnded);
check_per_protocol('some other caller waited for the computation', $waited !== [], true, true, false);
check_per_protocol('some other caller got the stale value', isset($kinds['stale']), false, false, true);
echo 'figures: ', figures504($replies), ' (', json_encode($kinds), ")\n";
unlink($calls);
?>
--EXPECTF--
-- a missing key --
replies: 50, broken: none
calls of $compute: 1
distinct values returned: 1
callers that computed: 1
figures: %s
-- after invalidate() --
{"invalidated":true}
replies: 50
calls of $compute: 1
callers that computed: 1
values of the others: only the stale and the new one: true
some other caller waited for the computation: ok
some other caller got the stale value: ok
figures: %s
