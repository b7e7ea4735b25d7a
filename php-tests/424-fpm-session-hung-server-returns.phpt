--TEST--
FPM (private pool of 2 workers): a session server that hangs (SIGSTOP) and comes back does not revert the session. memcache.session_redundancy=2, two private memcached A and B, save path ?timeout=0.5&retry_interval=2, the session's first copy on B: a counter incremented by 3 requests, 3 more while B is stopped (read from and written to A), then SIGCONT, a wait past the retry interval, and 4 more: the counter never goes back, and no request after the return waits for a stale lock (lock_timeout=5; each session_start() < 1 s). With failback_flush=auto B is flushed on its return because its uptime exceeds the outage by more than 3 s: B is started at least 6 s before the hang (docs/failure-handling.md); with failback_flush=always it is flushed anyway
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

foreach (['auto', 'always'] as $mode) {
    echo "-- failback_flush=$mode --\n";
    $a = test_memcached_start();
    $b = test_memcached_start();
    $bStarted = microtime(true);
    $bPid = proc_get_status($b['proc'])['pid'];
    $fpm = fpm_private_start(2, [
        'memcache.session_redundancy' => 2,
        'memcache.lock_timeout' => 5,
        'memcache.failback_flush' => $mode,
    ]);
    $path = "tcp://127.0.0.1:{$a['port']}?timeout=0.5&retry_interval=2, tcp://127.0.0.1:{$b['port']}?timeout=0.5&retry_interval=2";
    $pool = new MemcachePool;
    $pool->addServer('127.0.0.1', $a['port']);
    $pool->addServer('127.0.0.1', $b['port']);
    for ($i = 0; $i < 1000 && $pool->findServer(($id = sess_new_id('s424')) . '-0') !== "127.0.0.1:{$b['port']}"; $i++);
    echo 'first copy on B: ', var_export($pool->findServer("$id-0") === "127.0.0.1:{$b['port']}", true), "\n";

    // One request: increments the counter; returns [n, seconds session_start() took] or the body.
    $request = function () use ($path, $id, $fpm) {
        $body = fpm_request('session.php', ['path' => $path, 'id' => $id, 'incr' => 1], [], $fpm['addr']);
        $r = json_decode($body, true);
        return is_array($r) && $r['started'] ? [$r['n'], $r['started_at'] - $r['asked']] : [null, $body];
    };
    $phases = ['before' => 3, 'B stopped' => 3, 'B back' => 4];
    $counts = [];
    $slowAfter = [];
    foreach ($phases as $phase => $requests) {
        if ($phase === 'B stopped') {
            usleep((int) (max(0, 6.5 - (microtime(true) - $bStarted)) * 1e6));   // B up >= 6.5 s
            proc_terminate($b['proc'], 19);                                      // SIGSTOP
            test_wait_stopped($bPid);
        }
        if ($phase === 'B back') {
            proc_terminate($b['proc'], 18);                                      // SIGCONT
            test_wait_stopped($bPid, false);
            usleep(2500000);                                                     // past retry_interval
        }
        $seen = [];
        for ($i = 0; $i < $requests; $i++) {
            [$n, $took] = $request();
            if ($n === null) {
                echo "request failed: $took\n";
                continue;
            }
            $seen[] = $n;
            if ($phase === 'B back' && $took >= 1.0) {
                $slowAfter[] = sprintf('%.2f s', $took);
            }
        }
        $counts[] = implode(' ', $seen);
    }
    echo 'counter: ', implode(' | ', $counts), "\n";
    echo 'session_start() of 1 s or more after the return: ', $slowAfter ? implode(', ', $slowAfter) : 'none', "\n";
    echo 'B flushed on its return: ', (test_memcached_stats($b['port'])['cmd_flush'] ?? '?') === '1' ? 'yes' : 'no', "\n";
    $copies = [];
    foreach (['A' => $a, 'B' => $b] as $name => $server) {
        $item = sess_item("tcp://127.0.0.1:{$server['port']}", $id);
        $copies[] = "$name " . ($item === null ? 'missing' : var_export($item['value'], true));
    }
    echo 'copies: ', implode(', ', $copies), "\n";
    fpm_private_stop($fpm);
    test_memcached_stop($a);
    test_memcached_stop($b);
}
?>
--EXPECT--
-- failback_flush=auto --
first copy on B: true
counter: 1 2 3 | 4 5 6 | 7 8 9 10
session_start() of 1 s or more after the return: none
B flushed on its return: yes
copies: A 'n|i:10;', B 'n|i:10;'
-- failback_flush=always --
first copy on B: true
counter: 1 2 3 | 4 5 6 | 7 8 9 10
session_start() of 1 s or more after the return: none
B flushed on its return: yes
copies: A 'n|i:10;', B 'n|i:10;'
