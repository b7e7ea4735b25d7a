--TEST--
FPM: a request whose session lock cannot be obtained (lock set by hand, no expiry, memcache.lock_timeout=1) fails session_start() and the end of the request does not overwrite the stored session; with memcache.session_fail_on_lock_timeout=0 it starts empty and its end replaces the stored session (docs/sessions.md)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
$modes = ['fail (default)' => [], 'fail_on_lock_timeout=0' => ['memcache.session_fail_on_lock_timeout' => 0]];
$requests = $ids = [];
foreach ($modes as $name => $ini) {
    $id = $ids[$name] = sess_new_id('s432');
    sess_raw($server, "set $id 0 0 9\r\nkept|i:1;");
    sess_raw($server, "set $id.lock 768 0 1\r\n1");
    $requests[] = ['session.php', ['path' => $server, 'id' => $id, 'ini' => $ini + ['memcache.lock_timeout' => 1], 'set' => ['lost' => 1]]];
}
$t = microtime(true);
$bodies = fpm_requests($requests);             // both at the same time, one per worker
$elapsed = microtime(true) - $t;
foreach (array_keys($modes) as $i => $name) {
    echo "-- $name --\n";
    $lines = explode("\n", trim($bodies[$i]));
    $result = json_decode(array_pop($lines), true);
    foreach ($lines as $line) {
        if ($line !== '') {
            echo preg_replace('/ in \S+ on line \d+$/', '', str_replace($server, 'SERVER', $line)), "\n";
        }
    }
    echo 'started: ', json_encode($result['started'] ?? $bodies[$i]), ', read: ', json_encode($result['session'] ?? null), "\n";
    echo 'data after the request: ', sess_show($server, $ids[$name]), "\n";
    sess_raw($server, "delete {$ids[$name]}");
    sess_raw($server, "delete {$ids[$name]}.lock");
}
echo $elapsed >= 1.9 && $elapsed < 10 ? "both gave up after about 2 s\n" : sprintf("took %.2f s\n", $elapsed);
?>
--EXPECT--
-- fail (default) --
Warning: session_start(): Unable to obtain the session lock within 2 seconds
Warning: session_start(): Failed to read session data: memcache (path: SERVER)
started: false, read: []
data after the request: flags 0 value 'kept|i:1;'
-- fail_on_lock_timeout=0 --
started: true, read: []
data after the request: flags 0 value 'lost|s:1:"1";'
both gave up after about 2 s
