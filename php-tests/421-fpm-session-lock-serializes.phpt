--TEST--
FPM: two requests on one session serialise: the second's session_start() waits until the first request ends (and sees its write); when the first calls session_write_close() while the second is waiting, the second gets the session right after that close (within the backoff step it is in, < 0.5 s), long before the first ends, and sees its write
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

// The first request takes the session and keeps running 1.5 s (written when it ends), or
// closes it after 0.3 s and then keeps running 1.5 s; the second asks for the same session
// 0.2 s after the first started, so it is waiting on the lock when the first closes it.
// Times are the scripts' own microtime() stamps (one clock: the same machine).
$path = "tcp://$host:$port";
$cases = [
    'written when the first request ends' => ['hold_ms' => 1500],
    'first request calls session_write_close() after 0.3 s' => ['close_after_ms' => 300, 'hold_ms' => 1500],
];
foreach ($cases as $name => $how) {
    echo "-- $name --\n";
    $id = sess_new_id('s421');
    [$first, $second] = array_map(fn ($b) => json_decode($b, true) ?? $b, fpm_requests([
        ['session.php', ['path' => $path, 'id' => $id, 'set' => ['first' => 1]] + $how],
        ['session.php', ['path' => $path, 'id' => $id, 'set' => ['second' => 1], 'delay_ms' => 200]],
    ]));
    if (!is_array($first) || !is_array($second)) {
        var_dump($first, $second);
        continue;
    }
    echo 'both started: ', var_export($first['started'] && $second['started'], true), "\n";
    echo 'the first had the session before the second asked: ', var_export($first['started_at'] < $second['asked'], true), "\n";
    echo 'the second saw the first one\'s data: ', json_encode($second['session']), "\n";
    $waited = $second['started_at'] - $second['asked'];
    if ($first['closed'] === null) {
        echo 'the second started after the first ended: ', var_export($second['started_at'] >= $first['ended'], true), "\n";
        echo 'the second waited more than 1 s: ', var_export($waited > 1.0, true), "\n";
    } else {
        $afterClose = $second['started_at'] - $first['closed'];
        echo 'the second was waiting when the first closed: ', var_export($second['asked'] < $first['closed'], true), "\n";
        echo 'the second got the session after the close, within 0.5 s: ',
            $afterClose >= 0 && $afterClose < 0.5 ? 'true' : sprintf('false (%.3f s)', $afterClose), "\n";
        echo 'the second ended before the first: ', var_export($second['ended'] < $first['ended'], true), "\n";
    }
    session_save_path($path);
    session_id($id);
    session_start();
    echo 'final: ', json_encode($_SESSION), "\n";
    session_destroy();
}
?>
--EXPECT--
-- written when the first request ends --
both started: true
the first had the session before the second asked: true
the second saw the first one's data: {"first":"1"}
the second started after the first ended: true
the second waited more than 1 s: true
final: {"first":"1","second":"1"}
-- first request calls session_write_close() after 0.3 s --
both started: true
the first had the session before the second asked: true
the second saw the first one's data: {"first":"1"}
the second was waiting when the first closed: true
the second got the session after the close, within 0.5 s: true
the second ended before the first: true
final: {"first":"1","second":"1"}
