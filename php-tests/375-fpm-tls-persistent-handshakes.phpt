--TEST--
FPM over TLS: 100 requests that each add a persistent tls:// server and get a key open (and so handshake) at most one TLS connection per worker, not one per request; 20 non-persistent requests open 20
--SKIPIF--
<?php
include __DIR__ . '/tls.inc';
if ($r = tls_skip_reason()) die($r);
if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)');
?>
--FILE--
<?php
include __DIR__ . '/tls.inc';

$server = tls_memcached_start();        // private: no other test's connections count
echo test_memcached_command($server['port'], "set k374 0 0 9\r\nencrypted");
$fpm = fpm_private_start(2, ['memcache.tls_ca_file' => "$tlsCerts/ca.pem"]);

/** Runs $n FPM requests of get.php; returns [distinct bodies with counts, worker pids, new connections]. */
function tls_requests(array $fpm, array $server, int $n, int $persistent): array
{
    $stats = null;      // both stats over one raw connection, counted in "before" already
    $before = test_memcached_stats($server['port'], $stats)['total_connections'];
    $responses = $pids = [];
    for ($i = 0; $i < $n; $i++) {
        $body = fpm_request('get.php', ['host' => 'tls://127.0.0.1', 'port' => $server['tls_port'],
            'key' => 'k374', 'persistent' => $persistent], [], $fpm['addr']);
        preg_match('/^pid=(\d+)$/m', $body, $m);
        $pids[$m[1] ?? 'none'] = true;
        $body = preg_replace('/^pid=\d+$/m', 'pid=N', $body);
        $responses[$body] = ($responses[$body] ?? 0) + 1;
    }
    $opened = test_memcached_stats($server['port'], $stats)['total_connections'] - $before;
    return [$responses, $pids, $opened];
}

[$responses, $pids, $opened] = tls_requests($fpm, $server, 100, 1);
foreach ($responses as $body => $n) {
    echo "$n responses:\n$body";
}
printf("persistent: %d workers, new TLS connections: %s\n", count($pids),
    $opened >= 1 && $opened <= count($pids) && $opened <= 2 ? 'at most one per worker' : $opened);

[$responses, $pids, $opened] = tls_requests($fpm, $server, 20, 0);
foreach ($responses as $body => $n) {
    echo "$n responses:\n$body";
}
printf("non-persistent: new TLS connections: %d\n", $opened);
?>
--EXPECTF--
STORED
100 responses:
connect: true
get: 'encrypted'
pid=N
persistent: %d workers, new TLS connections: at most one per worker
20 responses:
connect: true
get: 'encrypted'
pid=N
non-persistent: new TLS connections: 20
