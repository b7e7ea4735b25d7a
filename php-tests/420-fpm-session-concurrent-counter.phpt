--TEST--
FPM: 50 concurrent requests on one session id that each increment $_SESSION['n'] (and keep the session 5 ms) end with exactly 50, every request seeing a distinct value (the lock serialises them; upstream test 057)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

foreach (['one server' => "tcp://$host:$port", 'two servers, redundancy 2' => "tcp://$host:$port, tcp://$host2:$port2"] as $name => $path) {
    echo "-- $name --\n";
    $id = sess_new_id('s420');
    $request = ['session.php', ['path' => $path, 'id' => $id, 'incr' => 1, 'hold_ms' => 5]];
    $seen = $pids = $other = [];
    foreach (fpm_requests(array_fill(0, 50, $request)) as $body) {
        $r = json_decode($body, true);
        if (!is_array($r) || $r['started'] !== true) {
            $other[] = $body;
            continue;
        }
        $seen[] = $r['n'];
        $pids[$r['pid']] = true;
    }
    sort($seen);
    echo 'responses: ', count($seen), ', workers: ', count($pids), "\n";
    echo 'values seen: ', $seen === range(1, 50) ? '1..50, each once' : json_encode($seen), "\n";
    echo implode("\n", array_unique($other));
    session_save_path($path);
    session_id($id);
    session_start();
    var_dump($_SESSION['n']);
    session_destroy();
}
?>
--EXPECT--
-- one server --
responses: 50, workers: 2
values seen: 1..50, each once
int(50)
-- two servers, redundancy 2 --
responses: 50, workers: 2
values seen: 1..50, each once
int(50)
