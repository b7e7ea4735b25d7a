--TEST--
Session save path with several servers, separated by commas and/or whitespace, as host:port, tcp://, udp:// and unix:// (empty items ignored): the session lands on the server of "<id>-0"
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$addresses = [
    "$host:$port" => "tcp://$host:$port",
    "$host2:$port2" => "tcp://$host2:$port2",
    "unix://$unixSocket:0" => "unix://$unixSocket",
];
$paths = [
    'comma' => "tcp://$host:$port,tcp://$host2:$port2",
    'space' => "$host:$port $host2:$port2",
    'comma+space' => "tcp://$host:$port, udp://$host2:$port2",
    'tab/newline' => "\t$host:$port\n\ttcp://$host2:$port2\r\n",
    'empty items' => ", ,tcp://$host:$port,,  ,$host2:$port2,",
    'with unix' => "tcp://$host:$port, $host2:$port2 unix://$unixSocket",
];
foreach ($paths as $name => $path) {
    $pool = new MemcachePool;
    $pool->addServer($host, $port);
    $pool->addServer($host2, $port2);
    if (str_contains($path, 'unix://')) {
        $pool->addServer("unix://$unixSocket", 0);
    }
    session_save_path($path);
    $ids = $where = [];
    $placed = $read = $byPlainId = 0;
    for ($i = 0; $i < 20; $i++) {
        $id = sess_new_id("s402");
        session_id($id);
        session_start();
        $_SESSION['i'] = $i;
        session_write_close();
        $holders = array_keys(array_filter($addresses, fn ($a) => sess_item($a, $id) !== null));
        $placed += $holders === [$pool->findServer("$id-0")];
        $byPlainId += $pool->findServer($id) !== $pool->findServer("$id-0");
        session_id($id);
        session_start();
        $read += ($_SESSION['i'] ?? null) === $i;
        session_destroy();
    }
    printf("%-12s %d/20 on the server of <id>-0, %d/20 read back, hashing <id> alone would differ: %s\n",
        "$name:", $placed, $read, $byPlainId > 0 ? 'yes' : 'no');
}
?>
--EXPECT--
comma:       20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
space:       20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
comma+space: 20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
tab/newline: 20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
empty items: 20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
with unix:   20/20 on the server of <id>-0, 20/20 read back, hashing <id> alone would differ: yes
