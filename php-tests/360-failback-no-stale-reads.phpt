--TEST--
No stale reads after a partition, with a server that hangs within its first second (issue 12's experiment): for each mode a fresh pair of memcached, 500 keys written as v1 at once, server A stopped (kill -STOP) at once, the keys rewritten as v2 (A's share fails over), A comes back with its memory, the retry interval passes, every key is read: failback_flush auto and always return no v1; never returns v1 for the keys of A, exactly as many as Debian's C extension does on the same timing (docs/failure-handling.md, "Failback: no stale reads"; tests/recovery.rs runs the grid of timings)
--FILE--
<?php
include __DIR__ . '/connect.inc';
require __DIR__ . '/stale-read.inc';

/**
 * Runs the scenario on two fresh memcached, with our extension or ($c) the C one. The ports are
 * the same in every run, so the keys map to A the same way.
 */
function fresh_run(string $flush, bool $c = false): int
{
    global $host, $ports;
    $a = test_memcached_start($ports[0]);
    $b = test_memcached_start($ports[1]);
    $pidA = proc_get_status($a['proc'])['pid'];
    if (!$c) {
        $stale = stale_read_count($host, $a['port'], $pidA, $b['port'], $flush);
    } else {
        $out = run_with_c_extension(
            'error_reporting(E_ALL & ~E_DEPRECATED); require ' . var_export(__DIR__ . '/stale-read.inc', true) . ';'
            . 'echo "stale=", stale_read_count(' . var_export($host, true) . ", {$a['port']}, $pidA, {$b['port']}, 'never');"
        );
        $stale = preg_match('/stale=(\d+)$/', trim($out), $m) ? (int) $m[1] : -1;
        if ($stale < 0) {
            echo "C extension output: $out\n";
        }
    }
    test_memcached_stop($a);
    test_memcached_stop($b);
    return $stale;
}

$first = [test_memcached_start(), test_memcached_start()];
$ports = array_column($first, 'port');
array_map('test_memcached_stop', $first);
$counts = [];
foreach (['auto', 'always', 'never'] as $flush) {
    $counts[$flush] = fresh_run($flush);
    echo "$flush: {$counts[$flush]} stale reads of 500\n";
}
echo 'never: stale reads happen: ', json_encode($counts['never'] > 100), "\n";
$c = fresh_run('never', true);
echo 'C extension: as many stale reads as never: ', json_encode($c === $counts['never']), " ($c)\n";
?>
--EXPECTF--
auto: 0 stale reads of 500
always: 0 stale reads of 500
never: %d stale reads of 500
never: stale reads happen: true
C extension: as many stale reads as never: true (%d)
