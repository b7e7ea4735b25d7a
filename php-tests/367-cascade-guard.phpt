--TEST--
memcache.max_failed_share (the cascade guard): timeouts fail at most that share of a pool at once (25 % of 4 servers: 1); a timeout beyond it fails its request (false without failover, moved to another server with it) and is counted, but the server stays up, no failure is reported, and the next request pays the timeout again; a refused connection still fails its server and does not count towards the share; at 100 (the default) the next timeout fails the server (docs/failure-handling.md, "Cascade guard")
--INI--
memcache.max_failed_share=25
memcache.allow_failover=0
--FILE--
<?php
include __DIR__ . '/connect.inc';

$a = test_memcached_start();
$b = test_memcached_start();
$names = [$a['port'] => 'A', $b['port'] => 'B', $nonExistingPort => 'R', $port => 'L'];
$m = new Memcache;
foreach ($names as $p => $name) {
    $m->addServer($host, $p, false, 1, 0.3, 15);
}
$keys = [];
for ($i = 0; count($keys) < 4 && $i < 5000; $i++) {
    $keys[$names[(int) explode(':', $m->findServer("k367_$i"))[1]]] ??= "k367_$i";
}
foreach ([$a, $b] as $server) {
    exec('kill -STOP ' . proc_get_status($server['proc'])['pid']);
    test_wait_stopped(proc_get_status($server['proc'])['pid']);
}

/** Runs $call on the key of server $name; prints its result, whether it waited for the timeout, notices and every status. */
function step(string $label, string $name, callable $call): void
{
    global $m, $keys, $names, $host;
    $began = microtime(true);
    [$result, $errors] = test_collect_errors(fn () => $call($keys[$name]));
    $waited = microtime(true) - $began >= 0.25;
    $status = [];
    foreach ($names as $p => $n) {
        $status[] = "$n=" . $m->getServerStatus($host, $p);
    }
    echo "$label: ", json_encode($result), ', waited for the timeout: ', json_encode($waited),
        ', notices: ', count($errors), ', status ', implode(' ', $status), "\n";
}

step('A times out', 'A', fn ($k) => $m->get($k));
step('B times out, held back', 'B', fn ($k) => $m->get($k));
step('B again: the timeout again', 'B', fn ($k) => $m->get($k));
step('R refuses: failed all the same', 'R', fn ($k) => $m->get($k));
$health = [];
foreach (memcache_server_health() as $e) {
    if (isset($names[$e['port']]) && $e['state'] !== 'up') {
        $health[$names[$e['port']]] = "  {$names[$e['port']]}: {$e['state']}, timeouts_only " . json_encode($e['timeouts_only']) . "\n";
    }
}
ksort($health);
echo implode('', $health);
ini_set('memcache.allow_failover', '1');
step('B with failover: the set moves on (to L)', 'B', fn ($k) => $m->set($k, 'v'));
echo '  L holds it: ', json_encode(str_starts_with((string) test_memcached_command($port, "get {$keys['B']}"), 'VALUE')), "\n";
ini_set('memcache.allow_failover', '0');
ini_set('memcache.max_failed_share', '100');
step('share 100: B fails', 'B', fn ($k) => $m->get($k));
foreach ([$a, $b] as $server) {
    exec('kill -CONT ' . proc_get_status($server['proc'])['pid']);
}
?>
--EXPECT--
A times out: false, waited for the timeout: true, notices: 1, status A=0 B=1 R=1 L=1
B times out, held back: false, waited for the timeout: true, notices: 0, status A=0 B=1 R=1 L=1
B again: the timeout again: false, waited for the timeout: true, notices: 0, status A=0 B=1 R=1 L=1
R refuses: failed all the same: false, waited for the timeout: false, notices: 1, status A=0 B=1 R=0 L=1
  A: failed, timeouts_only true
  R: failed, timeouts_only false
B with failover: the set moves on (to L): true, waited for the timeout: true, notices: 0, status A=0 B=1 R=0 L=1
  L holds it: true
share 100: B fails: false, waited for the timeout: true, notices: 1, status A=0 B=0 R=0 L=1
