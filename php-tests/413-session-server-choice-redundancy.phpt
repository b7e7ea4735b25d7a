--TEST--
Session server choice with three servers: the data goes to memcache.session_redundancy servers taken in the order of findServer("<id>-0"), findServer("<id>-1"), ... (skipping repeats, capped by the pool size); the lock of a stored session is taken on the first one only, the write releases it on every copy, destroy deletes every copy
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$addresses = [
    "$host:$port" => "tcp://$host:$port",
    "$host2:$port2" => "tcp://$host2:$port2",
    "unix://$unixSocket:0" => "unix://$unixSocket",
];
$pool = new MemcachePool;
$pool->addServer($host, $port);
$pool->addServer($host2, $port2);
$pool->addServer("unix://$unixSocket", 0);
session_save_path("tcp://$host:$port, tcp://$host2:$port2, unix://$unixSocket");

// The servers of the "<id>-n" sequence, first $count distinct ones.
function expected(MemcachePool $pool, string $id, int $count): array
{
    $servers = [];
    for ($n = 0; count($servers) < $count && $n < 20; $n++) {
        $server = $pool->findServer("$id-$n");
        if (!in_array($server, $servers, true)) {
            $servers[] = $server;
        }
    }
    return $servers;
}

foreach ([1, 2, 3, 5] as $redundancy) {
    ini_set('memcache.session_redundancy', $redundancy);
    $ok = ['data' => 0, 'lock released' => 0, 'lock held' => 0, 'read back' => 0, 'destroyed' => 0];
    for ($i = 0; $i < 15; $i++) {
        $id = sess_new_id('s413');
        $want = expected($pool, $id, min($redundancy, 3));
        $holding = fn ($key, $value = null) => array_keys(array_filter($addresses,
            fn ($a) => ($item = sess_item($a, $key)) !== null && ($value === null || $item['value'] === $value)));
        $sorted = fn (array $list) => (sort($list) ? $list : $list);
        session_id($id);
        session_start();
        $_SESSION['i'] = $i;
        session_write_close();
        $ok['data'] += $sorted($holding($id)) === $sorted($want);
        $ok['lock released'] += $sorted($holding("$id.lock", '0')) === $sorted($want);
        session_id($id);
        session_start();
        $ok['lock held'] += $holding("$id.lock", '1') === [$want[0]];
        $ok['read back'] += ($_SESSION['i'] ?? null) === $i;
        session_destroy();
        $ok['destroyed'] += $holding($id) === [] && $holding("$id.lock") === [];
    }
    echo "session_redundancy=$redundancy: ", json_encode($ok), "\n";
}
?>
--EXPECT--
session_redundancy=1: {"data":15,"lock released":15,"lock held":15,"read back":15,"destroyed":15}
session_redundancy=2: {"data":15,"lock released":15,"lock held":15,"read back":15,"destroyed":15}
session_redundancy=3: {"data":15,"lock released":15,"lock held":15,"read back":15,"destroyed":15}
session_redundancy=5: {"data":15,"lock released":15,"lock held":15,"read back":15,"destroyed":15}
