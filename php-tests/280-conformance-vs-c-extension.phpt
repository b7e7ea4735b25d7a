--TEST--
Conformance: the same ~470 calls (every method and function; good and bad arguments; hits, misses, a closed port) give the same results, by-ref outputs, warnings and exceptions as Debian's C extension [memcache.shared_health=0: failure state per process, as in the C extension]
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip C extension $cExtension not installed");
?>
--INI--
memcache.shared_health=0
--FILE--
<?php
include __DIR__ . '/connect.inc';
require __DIR__ . '/conformance.inc';

/*
 * Expected differences: each entry is [call, line pattern (regex), row of docs/differences.md]. A differing
 * output line of that call that matches the pattern (in either run) is not reported.
 * Every entry corresponds to a row of docs/differences.md.
 */
$allowed = [
    // docs/differences.md: "ASCII cas() on a missing key": C marks the server failed.
    ['$q->cas("280_casmissing", "x", 0, 0, 12345)', '/^  E_NOTICE: MemcachePool::cas\(\): Server .* failed with: NOT_FOUND \(0\)$/'],
    ['$q->getServerStatus($host, $port)', '/^  = [01]$/'],
    // docs/differences.md: "getStats('malloc'), getStats('cachedump') without slab".
    ['$q2->getStats("malloc")', '/^  (= false|E_NOTICE: MemcachePool::getstats\(\): .*)$/'],
    ['$q2->getServerStatus($host, $port2)', '/^  = [01]$/'],
    // docs/differences.md: "null port in Memcache::connect()": Debian's 4.0.5.2 declares int and deprecates.
    ['(new Memcache())->connect($host, null)', '/^  E_DEPRECATED: Memcache::connect\(\): Passing null to parameter #2 \(\$port\) of type int is deprecated$/'],
    // Same row: the C extension 8.2 (Debian 13's, with PHP 8.4) parses the port as ?int, so its
    // TypeError says "?int"; ours keeps 4.0.5.2's "int" (207 pins ours exactly).
    ['(new Memcache())->connect($host, "abc")', '/^  ! TypeError: Memcache::connect\(\): Argument #2 \(\$port\) must be of type \??int, string given$/'],
    // docs/differences.md: "retry_interval = 0 on a single-server pool": C reports the failure twice.
    ['$d2->get("280_a")', '/^  callback\(.*\)$/'],
    ['$d2->set("280_a", 1)', '/^  callback\(.*\)$/'],
];

$ours = conformance_run();
$code = 'error_reporting(E_ALL & ~E_DEPRECATED);
ini_set("memcache.protocol", "ascii");
require ' . var_export(__DIR__ . '/conformance.inc', true) . ';
echo json_encode(conformance_run());';
$raw = run_with_c_extension($code);
$theirs = json_decode($raw, true);
if (!is_array($theirs)) {
    echo "C run failed:\n$raw\n";
    exit;
}
echo count($ours) > 500 ? "log long enough\n" : "log too short: " . count($ours) . "\n";

/** Splits a log into [call => [occurrence => lines]] blocks, in order. */
function blocks(array $log): array
{
    $out = [];
    $cur = null;
    foreach ($log as $line) {
        if (str_starts_with($line, 'CALL ') || str_starts_with($line, '#')) {
            $cur = count($out);
            $out[$cur] = [$line, []];
        } elseif ($cur !== null) {
            $out[$cur][1][] = $line;
        }
    }
    return $out;
}

$a = blocks($ours);
$b = blocks($theirs);
if (array_column($a, 0) !== array_column($b, 0)) {
    echo "call sequences differ\n";
}
$unexpected = 0;
foreach ($a as $i => [$call, $lines]) {
    $other = $b[$i][1] ?? [];
    if ($lines === $other) {
        continue;
    }
    $text = substr($call, 5);
    $ok = static function (array $ls) use ($text, $allowed) {
        return array_values(array_filter($ls, function ($l) use ($text, $allowed) {
            foreach ($allowed as [$c, $re]) {
                if ($c === $text && preg_match($re, $l)) {
                    return false;
                }
            }
            return true;
        }));
    };
    $la = $ok($lines);
    $lb = $ok($other);
    if ($la === $lb) {
        continue;
    }
    $unexpected++;
    echo "$call\n";
    foreach ($la as $l) echo "  ours:$l\n";
    foreach ($lb as $l) echo "  C:   $l\n";
}
echo $unexpected ? "$unexpected unexpected differences\n" : "no unexpected differences\n";
?>
--EXPECT--
log long enough
no unexpected differences
