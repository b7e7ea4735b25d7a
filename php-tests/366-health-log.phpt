--TEST--
memcache.health_log: each step of a server's health is one line in PHP's error log: failed (timeout and refused, with errno and message), probe started, flushed or not and why (always, never, auto's figures), rejoined, kept down by the failback callback, and a timeout the cascade guard held back; nothing when the directive is off (docs/failure-handling.md, "Health log")
--INI--
memcache.health_log=1
--FILE--
<?php
include __DIR__ . '/connect.inc';

$log = tempnam(getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir(), '366-log-');
register_shutdown_function('unlink', $log);
ini_set('error_log', $log);
$a = test_memcached_start();
$names = [$a['port'] => 'A'];

/** The log lines written since the last call, with dates dropped and ports named. */
function new_lines(): void
{
    global $log, $names;
    static $seen = 0;
    $lines = file($log, FILE_IGNORE_NEW_LINES);
    foreach (array_slice($lines, $seen) as $line) {
        $line = preg_replace('/^\[[^]]*\] /', '', $line);
        $line = preg_replace_callback('/127\.0\.0\.1:(\d+)/', fn ($m) => $names[(int) $m[1]] ?? $m[0], $line);
        echo '  ', preg_replace('/\d+ s\b/', 'N s', $line), "\n";
    }
    $seen = count($lines);
}

$m = new Memcache;
$m->addServer($host, $a['port'], false, 1, 0.3, 2);
$verdict = null;
$m->setFailbackCallback(function () use (&$verdict) {
    return $verdict;
});

echo "-- a timeout fails it --\n";
$pid = proc_get_status($a['proc'])['pid'];
exec("kill -STOP $pid");
test_wait_stopped($pid);
@$m->get('k366');
exec("kill -CONT $pid");
new_lines();

echo "-- failback_flush=always, the callback agrees --\n";
ini_set('memcache.failback_flush', 'always');
$verdict = true;
sleep(3);
$m->get('k366');
new_lines();

echo "-- refused --\n";
test_memcached_stop($a);
@$m->get('k366');
new_lines();
$a = test_memcached_start($a['port']);

echo "-- failback_flush=never, the callback refuses --\n";
ini_set('memcache.failback_flush', 'never');
$verdict = false;
sleep(3);
$m->get('k366');
new_lines();

echo "-- failback_flush=auto: restarted too soon after the failure to prove it --\n";
ini_set('memcache.failback_flush', 'auto');
$verdict = true;
sleep(3);
$m->get('k366');
new_lines();

echo "-- the cascade guard holds the second timeout back --\n";
ini_set('memcache.max_failed_share', '50');
$b = test_memcached_start();
$c = test_memcached_start();
$names += [$b['port'] => 'B', $c['port'] => 'C'];
$pool = new Memcache;
$pool->addServer($host, $b['port'], false, 1, 0.3, 15);
$pool->addServer($host, $c['port'], false, 1, 0.3, 15);
$keys = [];
for ($i = 0; count($keys) < 2 && $i < 1000; $i++) {
    $keys[$pool->findServer("k366_$i")] ??= "k366_$i";
}
foreach ([$b, $c] as $server) {
    exec('kill -STOP ' . proc_get_status($server['proc'])['pid']);
    test_wait_stopped(proc_get_status($server['proc'])['pid']);
}
ini_set('memcache.allow_failover', '0');
@$pool->get($keys["$host:{$b['port']}"]);
@$pool->get($keys["$host:{$c['port']}"]);
new_lines();

echo "-- off: no lines --\n";
ini_set('memcache.health_log', '0');
@$pool->get($keys["$host:{$c['port']}"]);
new_lines();
foreach ([$b, $c] as $server) {
    exec('kill -CONT ' . proc_get_status($server['proc'])['pid']);
}
echo "done\n";
?>
--EXPECT--
-- a timeout fails it --
  memcache: server A failed: Network timeout (0)
-- failback_flush=always, the callback agrees --
  memcache: server A probe started
  memcache: server A flushed: failback_flush=always
  memcache: server A rejoined
-- refused --
  memcache: server A failed: Connection failed: Connection refused (111)
-- failback_flush=never, the callback refuses --
  memcache: server A probe started
  memcache: server A not flushed: failback_flush=never
  memcache: server A stays failed: the failback callback refused
-- failback_flush=auto: restarted too soon after the failure to prove it --
  memcache: server A probe started
  memcache: server A flushed: a restart after the outage began is not proven (uptime N s, outage N s)
  memcache: server A rejoined
-- the cascade guard holds the second timeout back --
  memcache: server B failed: Network timeout (0)
  memcache: server C timed out (Network timeout (0)) but not marked failed: 1 of 2 servers are failed by timeouts, memcache.max_failed_share allows 1
-- off: no lines --
done
