--TEST--
memcache.session_redundancy=2 with one of two servers hung (SIGSTOP), save path ?timeout=0.5: a session whose first server is the hung one is read from the other copy after one timeout (0.4 s to timeout + 0.3 s), and written there; a session whose second copy is on the hung server reads at once and its write succeeds on the first (one copy written is enough, as with the C extension)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=2
--FILE--
<?php
include __DIR__ . '/session.inc';

$live = test_memcached_start();
$hung = test_memcached_start();
$liveAddress = "tcp://127.0.0.1:{$live['port']}";
session_save_path("tcp://127.0.0.1:{$live['port']}?timeout=0.5, tcp://127.0.0.1:{$hung['port']}?timeout=0.5");
$pool = new MemcachePool;
$pool->addServer('127.0.0.1', $live['port']);
$pool->addServer('127.0.0.1', $hung['port']);
$ids = [];
for ($i = 0; count($ids) < 2 && $i < 1000; $i++) {
    $id = sess_new_id('s415');
    $first = $pool->findServer("$id-0") === "127.0.0.1:{$hung['port']}" ? 'first copy on the hung server' : 'second copy on the hung server';
    $ids[$first] ??= $id;
}
ksort($ids);
foreach ($ids as $id) {
    session_id($id);
    session_start();
    $_SESSION['n'] = 1;
    session_write_close();
}
proc_terminate($hung['proc'], 19);    // SIGSTOP; test_memcached_stop() SIGKILLs it
test_wait_stopped(proc_get_status($hung['proc'])['pid']);

foreach ($ids as $case => $id) {
    echo "-- $case --\n";
    session_id($id);
    $t = microtime(true);
    var_dump(session_start());
    $elapsed = microtime(true) - $t;
    echo 'read: ', json_encode($_SESSION), ', ';
    echo $case[0] === 'f'
        ? ($elapsed >= 0.4 && $elapsed < 0.5 + 0.3 ? 'after one timeout' : sprintf('after %.2f s', $elapsed))
        : ($elapsed < 0.4 ? 'at once' : sprintf('after %.2f s', $elapsed)), "\n";
    $_SESSION['n']++;
    var_dump(session_write_close());
    echo 'live copy: ', sess_show($liveAddress, $id), ', lock ', sess_show($liveAddress, "$id.lock"), "\n";
}
?>
--EXPECT--
-- first copy on the hung server --
bool(true)
read: {"n":1}, after one timeout
bool(true)
live copy: flags 0 value 'n|i:2;', lock flags 768 value '0'
-- second copy on the hung server --
bool(true)
read: {"n":1}, at once
bool(true)
live copy: flags 0 value 'n|i:2;', lock flags 768 value '0'
