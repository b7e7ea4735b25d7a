--TEST--
Session save path parameters: tcp://host:port?persistent=1&weight=2&timeout=0.5&retry_interval=5 (weight moves sessions as in a MemcachePool, persistent keeps one connection across sessions of the process), udp_port accepted, timeout bounds the wait for a hung server [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

echo "-- weight=2: placement as in a pool where that server has weight 2 --\n";
session_save_path("tcp://$host:$port?persistent=1&weight=2&timeout=0.5&retry_interval=5, tcp://$host2:$port2?udp_port=0");
$weighted = new MemcachePool;
$weighted->addServer($host, $port, 0, true, 2);
$weighted->addServer($host2, $port2);
$flat = new MemcachePool;
$flat->addServer($host, $port);
$flat->addServer($host2, $port2);
$addresses = ["$host:$port" => "tcp://$host:$port", "$host2:$port2" => "tcp://$host2:$port2"];
$placed = $moved = $read = 0;
for ($i = 0; $i < 30; $i++) {
    $id = sess_new_id('s403');
    session_id($id);
    session_start();
    $_SESSION['i'] = $i;
    session_write_close();
    $holders = array_keys(array_filter($addresses, fn ($a) => sess_item($a, $id) !== null));
    $placed += $holders === [$weighted->findServer("$id-0")];
    $moved += $weighted->findServer("$id-0") !== $flat->findServer("$id-0");
    session_id($id);
    session_start();
    $read += ($_SESSION['i'] ?? null) === $i;
    session_destroy();
}
printf("%d/30 on the weighted server of <id>-0, %d/30 read back, weight 1 would move some: %s\n",
    $placed, $read, $moved > 0 ? 'yes' : 'no');

echo "-- persistent=1: one connection for 3 sessions; persistent=0 (the default): one each --\n";
$server = test_memcached_start();
$stats = null;
foreach (['?persistent=1&weight=2&timeout=0.5&retry_interval=5', '?persistent=0', ''] as $query) {
    $before = test_memcached_stats($server['port'], $stats)['total_connections'];
    for ($i = 0; $i < 3; $i++) {
        session_save_path("tcp://127.0.0.1:{$server['port']}$query");
        session_id("s403persistent$i");
        session_start();
        $_SESSION['i'] = $i;
        session_write_close();
    }
    $opened = test_memcached_stats($server['port'], $stats)['total_connections'] - $before;
    echo var_export($query, true), ": $opened new connection(s)\n";
}

echo "-- timeout: a hung (SIGSTOP) server costs timeout seconds, then the session starts empty --\n";
$hung = test_memcached_start();
proc_terminate($hung['proc'], 19);    // SIGSTOP; test_memcached_stop() SIGKILLs it
test_wait_stopped(proc_get_status($hung['proc'])['pid']);
foreach (['0.2' => [0.15, 1.5], '2' => [1.9, 10]] as $timeout => [$min, $max]) {
    session_save_path("tcp://127.0.0.1:{$hung['port']}?timeout=$timeout");
    session_id('s403hung');
    $t = microtime(true);
    $started = session_start();
    $elapsed = microtime(true) - $t;
    var_dump($started, $_SESSION);
    echo "timeout=$timeout: ", $elapsed >= $min && $elapsed < $max ? 'ok' : sprintf('took %.2f s', $elapsed), "\n";
    session_abort();
}
?>
--EXPECT--
-- weight=2: placement as in a pool where that server has weight 2 --
30/30 on the weighted server of <id>-0, 30/30 read back, weight 1 would move some: yes
-- persistent=1: one connection for 3 sessions; persistent=0 (the default): one each --
'?persistent=1&weight=2&timeout=0.5&retry_interval=5': 1 new connection(s)
'?persistent=0': 3 new connection(s)
'': 3 new connection(s)
-- timeout: a hung (SIGSTOP) server costs timeout seconds, then the session starts empty --
bool(true)
array(0) {
}
timeout=0.2: ok
bool(true)
array(0) {
}
timeout=2: ok
