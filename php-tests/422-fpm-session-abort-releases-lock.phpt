--TEST--
FPM: session_abort() and session_start(['read_and_close' => true]) release the lock at once (lock back to 0, data untouched), so the next request on the session does not wait; the C extension leaves the lock held until it expires (memcache.lock_timeout), docs/sessions.md
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
ini_set('memcache.lock_timeout', 3);
$ini = ['memcache.lock_timeout' => 3];

echo "-- in this process: the lock after session_abort() and read_and_close --\n";
$id = sess_new_id('s422');
session_id($id);
session_start();
$_SESSION['stored'] = 1;
session_write_close();
session_id($id);
session_start();
echo 'held: ', sess_show($server, "$id.lock"), "\n";
$_SESSION['changed'] = 1;
session_abort();
echo 'after session_abort(): ', sess_show($server, "$id.lock"), "\n";
session_id($id);
session_start(['read_and_close' => true]);
var_dump($_SESSION);
echo 'after read_and_close: ', sess_show($server, "$id.lock"), "\n";
echo 'data: ', sess_show($server, $id), "\n";
session_id($id);
session_start();
session_destroy();

// The first request takes the session, closes it without writing and keeps running 1.5 s;
// the second asks for the same session 0.2 s after it started.
foreach (['abort' => ['end' => 'abort'], 'read_and_close' => ['read_and_close' => 1]] as $name => $how) {
    echo "-- FPM: $name, then a second request --\n";
    $id = sess_new_id('s422');
    session_id($id);
    session_start();
    $_SESSION['stored'] = 1;
    session_write_close();
    [$first, $second] = array_map(fn ($b) => json_decode($b, true) ?? $b, fpm_requests([
        ['session.php', $how + ['path' => $server, 'id' => $id, 'ini' => $ini, 'set' => ['lost' => 1], 'hold_ms' => 1500]],
        ['session.php', ['path' => $server, 'id' => $id, 'ini' => $ini, 'delay_ms' => 200]],
    ]));
    if (!is_array($first) || !is_array($second)) {
        var_dump($first, $second);
        continue;
    }
    echo 'both started: ', var_export($first['started'] && $second['started'], true), "\n";
    echo 'the first had the session before the second asked: ', var_export($first['started_at'] < $second['asked'], true), "\n";
    echo 'the second read: ', json_encode($second['session']), "\n";
    $waited = $second['started_at'] - $second['asked'];
    echo 'the second waited less than 0.5 s: ', var_export($waited < 0.5, true), "\n";
    echo 'the second started before the first ended: ', var_export($second['started_at'] < $first['ended'], true), "\n";
    session_id($id);
    session_start();
    session_destroy();
}
?>
--EXPECT--
-- in this process: the lock after session_abort() and read_and_close --
held: flags 768 value '1'
after session_abort(): flags 768 value '0'
array(1) {
  ["stored"]=>
  int(1)
}
after read_and_close: flags 768 value '0'
data: flags 0 value 'stored|i:1;'
-- FPM: abort, then a second request --
both started: true
the first had the session before the second asked: true
the second read: {"stored":1}
the second waited less than 0.5 s: true
the second started before the first ended: true
-- FPM: read_and_close, then a second request --
both started: true
the first had the session before the second asked: true
the second read: {"stored":1}
the second waited less than 0.5 s: true
the second started before the first ended: true
