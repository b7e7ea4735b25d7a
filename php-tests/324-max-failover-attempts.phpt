--TEST--
memcache.max_failover_attempts (read per call): a key whose server failed is re-routed along "key-0", "key-1", ... and only that many candidates are probed; beyond them the request fails [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$s = stream_socket_server('tcp://127.0.0.1:0');     // a second closed loopback port
$name = stream_socket_get_name($s, false);
fclose($s);
$dead2 = (int) substr($name, strrpos($name, ':') + 1);

// same ring, nothing failed: tells where "key-n" maps
$servers = [[$nonExistingHost, $nonExistingPort], [$host, $port], ['127.0.0.1', $dead2]];
$ring = new MemcachePool;
foreach ($servers as [$h, $p]) $ring->addServer($h, $p, 0, false);
$live = "$host:$port";

$m = new MemcachePool;
foreach ($servers as [$h, $p]) $m->addServer($h, $p, 0, false);
@$m->getExtendedStats();                             // both dead servers are failed now

$keys = [];
for ($i = 0; count($keys) < 150; $i++) {
    if ($ring->findServer("324_k$i") !== $live) $keys[] = "324_k$i";   // primary is dead
}
$single = new Memcache;
$single->connect($host, $port);
foreach ([1, 2, 3, 20] as $max) {
    ini_set('memcache.max_failover_attempts', $max);
    $wrong = $stored = 0;
    foreach ($keys as $k) {
        $reachable = false;
        for ($n = 0; $n < $max; $n++) {
            if ($ring->findServer("$k-$n") === $live) { $reachable = true; break; }
        }
        $r = $m->set($k, $max);
        $stored += $r;
        $ok = $r === $reachable && ($m->findServer($k) === $live) === $reachable
            && ($single->get($k) === $max) === $reachable && ($m->get($k) === $max) === $reachable;
        if (!$ok) $wrong++;
        $single->delete($k);
    }
    // (with 20 attempts a key is lost only if all 20 candidates are dead: rare, port-dependent)
    echo "max_failover_attempts=$max: ", $wrong ? "$wrong keys disagree" : 'all keys as expected',
        $max < 20 ? ', stored ' . ($stored === count($keys) ? 'all' : ($stored > 0 ? 'some' : 'none')) : '', "\n";
}
?>
--EXPECT--
max_failover_attempts=1: all keys as expected, stored some
max_failover_attempts=2: all keys as expected, stored some
max_failover_attempts=3: all keys as expected, stored some
max_failover_attempts=20: all keys as expected
