--TEST--
CLI processes share server health: memcache_server_health() returns the live table (one entry per server: host, port, state, failures, last_errno, failed_at, down_since, timeouts_only, probe_in, recoveries, last_used); a second, independent CLI process skips the server this one failed without a notice and sees it failed; php --ri memcache run from a shell shows the table with its file (docs/failure-handling.md, "Shared health")
--FILE--
<?php
include __DIR__ . '/connect.inc';

$file = ini_get('memcache.shared_health_file');
var_dump(memcache_server_health());                 // nothing used yet
$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($host, $nonExistingPort, true, 1, 1, 30);
$key = null;
for ($i = 0; $key === null && $i < 1000; $i++) {
    if ($m->findServer("k365_$i") === "$host:$nonExistingPort") {
        $key = "k365_$i";
    }
}
var_dump($m->get($key));                            // the refused server fails
$now = time();

echo "-- memcache_server_health() --\n";
$roles = [$port => 'live', $nonExistingPort => 'refused'];
$entries = [];
foreach (memcache_server_health() as $entry) {
    $entries[$roles[$entry['port']] ?? 'other'] = $entry;
}
ksort($entries);
foreach ($entries as $role => $entry) {
    echo "$role: ", implode(', ', array_keys($entry)), "\n";
    $times = ['failed_at', 'down_since', 'last_used'];
    $shown = array_diff_key($entry, array_flip(array_merge($times, ['port'])));
    if ($shown['probe_in'] !== null) {
        $shown['probe_in'] = in_array($shown['probe_in'], [29, 30], true) ? 'the retry interval, 30 s' : $shown['probe_in'];
    }
    echo '  ', json_encode($shown), "\n";
    foreach ($times as $name) {
        $t = $entry[$name];
        echo "  $name: ", $t === null ? 'null' : (abs($t - $now) <= 2 ? 'now' : "off by " . ($t - $now)), "\n";
    }
}

echo "-- another CLI process with the same table --\n";
echo run_with_extension('$m = new Memcache;'
    . '$m->addServer($host, $port);'
    . '$m->addServer($host, $nonExistingPort, true, 1, 1, 30);'
    . 'var_dump($m->getServerStatus($host, $nonExistingPort), $m->get(' . var_export($key, true) . '));'
    . 'foreach (memcache_server_health() as $e) { if ($e["port"] === $nonExistingPort) echo $e["state"], "\n"; }');

echo "-- php --ri memcache --\n";
$ri = (string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg(test_extension_so())
    . ' -d ' . escapeshellarg("memcache.shared_health_file=$file") . ' --ri memcache');
$lines = explode("\n", $ri);
echo 'file: ', json_encode(in_array("Server health (shared) => $file", $lines, true)), "\n";
$rows = [];
foreach (preg_grep('/^(Server =>|' . preg_quote($host, '/') . ':)/', $lines) as $line) {
    $rows[] = strtr($line, ["$host:$port " => 'LIVE ', "$host:$nonExistingPort " => 'REFUSED ']);
}
sort($rows);
echo implode("\n", $rows), "\n";
?>
--EXPECTF--
array(0) {
}

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
-- memcache_server_health() --
live: host, port, state, failures, last_errno, failed_at, down_since, timeouts_only, probe_in, recoveries, last_used
  {"host":"127.0.0.1","state":"up","failures":0,"last_errno":0,"timeouts_only":false,"probe_in":null,"recoveries":0}
  failed_at: null
  down_since: null
  last_used: now
refused: host, port, state, failures, last_errno, failed_at, down_since, timeouts_only, probe_in, recoveries, last_used
  {"host":"127.0.0.1","state":"failed","failures":1,"last_errno":111,"timeouts_only":false,"probe_in":"the retry interval, 30 s","recoveries":0}
  failed_at: now
  down_since: now
  last_used: now
-- another CLI process with the same table --
int(0)
bool(false)
failed
-- php --ri memcache --
file: true
LIVE => up => 0 => 0 => - => 0
REFUSED => failed => 1 => 111 => %r(29|30)%r => 0
Server => State => Failures => Last errno => Probe in (s) => Recoveries
