<?php
/*
 * Failback with the shared health table: no stale reads.
 *
 * A server hangs (SIGSTOP): the first request pays its timeout and fails it; every other PHP
 * process of the machine then skips it at once, because health is shared. A key written during
 * the outage goes to the other server. When the hung server comes back it still holds the old
 * value of that key; before it rejoins, one process probes it and, since it did not restart,
 * flushes it (memcache.failback_flush = auto), so nobody reads the old value. The C extension
 * puts it back as it is and serves the stale value.
 *
 * The example starts the server that hangs itself (memcached on MEMCACHE_DEMO_SPARE_PORT) and
 * stops it at the end.
 *
 *   make demo     runs every example against private memcached servers, or by hand:
 *   MEMCACHE_DEMO_PORT1=21211 MEMCACHE_DEMO_SPARE_PORT=21298 MEMCACHE_DEMO_EXT=$PWD/modules/php8.2/memcache.so \
 *       php -n -d extension=$PWD/modules/php8.2/memcache.so -d memcache.shared_health_file=/tmp/demo-health \
 *       examples/failback-shared-health.php
 */

$other = (int) (getenv('MEMCACHE_DEMO_PORT1') ?: 21211);
$spare = (int) (getenv('MEMCACHE_DEMO_SPARE_PORT') ?: 21298);
$extension = getenv('MEMCACHE_DEMO_EXT') ?: '';
const HANG = 19;     // SIGSTOP on Linux
const RESUME = 18;   // SIGCONT

// The server that will hang: a memcached of our own (as root it needs -u).
$args = ['memcached', '-l', '127.0.0.1', '-p', (string) $spare, '-U', '0', '-m', '16'];
if (trim((string) shell_exec('id -u')) === '0') {
    array_push($args, '-u', 'root');
}
$server = proc_open($args, [], $pipes);
register_shutdown_function(function () use ($server) {
    proc_terminate($server, RESUME);
    proc_terminate($server);
    proc_close($server);
});
for ($i = 0; $i < 50 && !@fsockopen('127.0.0.1', $spare, $errno, $errstr, 0.1); $i++) {
    usleep(100000);
}

ini_set('memcache.health_log', '1');   // each health step as a line in PHP's error log (stderr)
$memcache = new Memcache();
$memcache->addServer('127.0.0.1', $spare, true, 1, 0.3, 1);   // timeout 0.3 s, retry after 1 s
$memcache->addServer('127.0.0.1', $other, true, 1, 0.3, 1);
$memcache->setFailureCallback(function (string $host, int $port, int $udp, ?string $error) {
    echo "  failure callback: $host:$port: $error\n";
});
$memcache->setFailbackCallback(function (string $host, int $port) {
    echo "  failback callback: $host:$port answered the probe and rejoins\n";
    return true;   // false would keep it out for another retry interval
});
echo "pool: 127.0.0.1:$spare (will hang) and 127.0.0.1:$other\n";

// A key that hashes to the server that will hang.
for ($i = 0; $memcache->findServer($key = "profile:$i") !== "127.0.0.1:$spare"; $i++);
$memcache->set($key, 'old value');
echo "set $key = 'old value' on 127.0.0.1:$spare\n\n";

echo "the server hangs (SIGSTOP)\n";
proc_terminate($server, HANG);
// The signal is delivered asynchronously: wait until the process is stopped (state T).
$pid = proc_get_status($server)['pid'];
for ($i = 0; $i < 100 && !preg_match('/\) T /', (string) @file_get_contents("/proc/$pid/stat")); $i++) {
    usleep(10000);
}
$start = microtime(true);
$value = $memcache->get($key);
printf("get %s -> %s after %.1f s (the timeout, paid once)\n", $key, var_export($value, true), microtime(true) - $start);
$memcache->set($key, 'new value');
echo "set $key = 'new value': goes to ", $memcache->findServer($key), " while the other is failed\n";

// Another PHP process of the machine (an FPM worker, a cron job) sharing the health table.
if ($extension !== '') {
    $code = '$m = new Memcache(); $m->addServer("127.0.0.1", ' . $spare . ', true, 1, 0.3, 1); '
        . '$m->addServer("127.0.0.1", ' . $other . ', true, 1, 0.3, 1); $t = microtime(true); '
        . '$v = $m->get(' . var_export($key, true) . '); printf("%s after %.2f s", var_export($v, true), microtime(true) - $t);';
    $out = shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg($extension)
        . ' -d memcache.shared_health_file=' . escapeshellarg(ini_get('memcache.shared_health_file'))
        . ' -r ' . escapeshellarg($code));
    echo "another PHP process reads $key -> $out: it skips the hung server without waiting\n";
}

echo "\nthe server comes back (SIGCONT), still holding 'old value'; after the retry interval:\n";
proc_terminate($server, RESUME);
usleep(1200000);
$reads = [];
// This call finds the server due, probes it (a version request), flushes it and runs the
// failback callback; the server rejoins when the call ends, so the key is still read from the
// failover server this once.
$reads[] = $value = $memcache->get($key);
echo "get $key -> ", var_export($value, true), " (this call probed the server; it rejoins when the call ends)\n";
$reads[] = $value = $memcache->get($key);
echo "get $key -> ", var_export($value, true), " from ", $memcache->findServer($key), $value === 'old value'
    ? ": STALE, the server rejoined without a flush (memcache.failback_flush = never)\n"
    : ", which was flushed: a miss, where the C extension returns 'old value'\n";
echo "('new value' stays behind on the failover server; memcache.failover_ttl bounds its life)\n";

// (make demo fails if the example did not show what it says.)
exit(in_array('old value', $reads, true) ? 1 : 0);
