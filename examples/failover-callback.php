<?php
/*
 * Failover and the failure callback.
 *
 * A pool of two servers, one of which is down (nothing listens on its port: the connection is
 * refused). Keys that hash to the dead server move to the other one, the failure callback
 * hears about the failure once, and the server is skipped, without another connection
 * attempt, until its retry interval has passed.
 *
 *   make demo     runs every example against private memcached servers, or by hand:
 *   MEMCACHE_DEMO_PORT1=21211 MEMCACHE_DEMO_CLOSED_PORT=21299 \
 *       php -n -d extension=modules/php8.2/memcache.so examples/failover-callback.php
 */

$up = (int) (getenv('MEMCACHE_DEMO_PORT1') ?: 21211);
$down = (int) (getenv('MEMCACHE_DEMO_CLOSED_PORT') ?: 21299);

$memcache = new Memcache();
// addServer($host, $port, $persistent, $weight, $timeout, $retry_interval)
$memcache->addServer('127.0.0.1', $down, true, 1, 0.5, 15);
$memcache->addServer('127.0.0.1', $up, true, 1, 0.5, 15);
echo "pool: 127.0.0.1:$down (down: connections are refused) and 127.0.0.1:$up (up)\n\n";

// Called once when a server fails, instead of the notice "Server ... failed with: ...".
$failures = 0;
$memcache->setFailureCallback(function (string $host, int $tcp_port, int $udp_port, ?string $error, int $errnum) use (&$failures) {
    $failures++;
    echo "  failure callback: $host:$tcp_port failed: $error (errno $errnum)\n";
});

// Which server each key hashes to while both count as up.
$keys = [];
for ($i = 1; $i <= 10; $i++) {
    $keys["user:$i"] = $memcache->findServer("user:$i");
}
$onDown = array_keys($keys, "127.0.0.1:$down");
echo count($onDown), " of 10 keys hash to the server that is down: ", implode(', ', $onDown), "\n";

echo "set the 10 keys:\n";
$stored = 0;
foreach ($keys as $key => $server) {
    $stored += (int) $memcache->set($key, "value of $key");
}
echo "  $stored of 10 stored; the failure callback ran $failures time(s)\n";
echo "  getServerStatus(127.0.0.1, $down) = ", $memcache->getServerStatus('127.0.0.1', $down), " (0: failed)\n";
foreach ($onDown as $key) {
    echo "  $key now goes to ", $memcache->findServer($key), "\n";
}

$found = $memcache->get(array_keys($keys));
echo "get the 10 keys at once: ", count($found), " found, and no new failure (callback ran $failures time(s))\n\n";

// The health record every PHP process of this user on the machine shares.
foreach (memcache_server_health() as $row) {
    if ($row['port'] === $down) {
        printf("memcache_server_health(): %s:%d is %s, last errno %d, next probe in %d s\n",
            $row['host'], $row['port'], $row['state'], $row['last_errno'], $row['probe_in']);
    }
}

// (make demo fails if the example did not show what it says.)
exit($stored === 10 && $failures === 1 && count($found) === 10 ? 0 : 1);
