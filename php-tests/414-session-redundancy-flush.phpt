--TEST--
memcache.session_redundancy=2 on two servers: a session counter survives flushing either server, alternately, request after request (the read falls over to the other copy and the write restores both; upstream redundancy_test)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=2
--FILE--
<?php
include __DIR__ . '/session.inc';

$a = test_memcached_start();
$b = test_memcached_start();
$servers = ['a' => "tcp://127.0.0.1:{$a['port']}", 'b' => "tcp://127.0.0.1:{$b['port']}"];
session_save_path(implode(', ', $servers));
$pool = new MemcachePool;
$pool->addServer('127.0.0.1', $a['port']);
$pool->addServer('127.0.0.1', $b['port']);
$id = sess_new_id('s414');
$primary = $pool->findServer("$id-0") === "127.0.0.1:{$a['port']}" ? 'a' : 'b';

session_id($id);
session_start();
$_SESSION['n'] = 1;
session_write_close();
foreach (['primary', 'other', 'primary', 'other', 'primary'] as $which) {
    $flushed = $which === 'primary' ? $primary : ($primary === 'a' ? 'b' : 'a');
    echo "flush the $which: ", trim(sess_raw($servers[$flushed], 'flush_all')), ', ';
    session_id($id);
    session_start();
    echo 'read n=', json_encode($_SESSION['n'] ?? null), ', ';
    $_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
    session_write_close();
    echo 'copies: ', implode(' ', array_map(fn ($s) => sess_item($s, $id)['value'] ?? 'missing', $servers)), "\n";
}
?>
--EXPECT--
flush the primary: OK, read n=1, copies: n|i:2; n|i:2;
flush the other: OK, read n=2, copies: n|i:3; n|i:3;
flush the primary: OK, read n=3, copies: n|i:4; n|i:4;
flush the other: OK, read n=4, copies: n|i:5; n|i:5;
flush the primary: OK, read n=5, copies: n|i:6; n|i:6;
