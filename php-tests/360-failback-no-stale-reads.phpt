--TEST--
No stale reads after a partition: 500 keys written as v1, one server stopped (kill -STOP), rewritten as v2 (its share fails over), the server comes back with its memory, the retry interval passes, every key is read: failback_flush auto and always return no v1; never returns v1 for the keys of that server, exactly as many as Debian's C extension does (spec §10; README "Failure handling")
--FILE--
<?php
include __DIR__ . '/connect.inc';
require __DIR__ . '/stale-read.inc';

$a = test_memcached_start();
$b = test_memcached_start();
$pidA = proc_get_status($a['proc'])['pid'];
// auto tells a server that kept its memory from a restarted one by its uptime: let A be up for
// a few seconds before the outage, as a real server is.
sleep(4);

$counts = [];
foreach (['auto', 'always', 'never'] as $flush) {
    $counts[$flush] = stale_read_count($host, $a['port'], $pidA, $b['port'], $flush);
    echo "$flush: {$counts[$flush]} stale reads of 500\n";
}
echo 'never: stale reads happen: ', json_encode($counts['never'] > 100), "\n";

$out = run_with_c_extension(
    'error_reporting(E_ALL & ~E_DEPRECATED); require ' . var_export(__DIR__ . '/stale-read.inc', true) . ';'
    . 'echo "stale=", stale_read_count(' . var_export($host, true) . ", {$a['port']}, $pidA, {$b['port']}, 'never');"
);
$c = preg_match('/stale=(\d+)$/', trim($out), $m) ? (int) $m[1] : -1;
if ($c < 0) {
    echo "C extension output: $out\n";
}
echo 'C extension: as many stale reads as never: ', json_encode($c === $counts['never']), " ($c)\n";
?>
--EXPECTF--
auto: 0 stale reads of 500
always: 0 stale reads of 500
never: %d stale reads of 500
never: stale reads happen: true
C extension: as many stale reads as never: true (%d)
