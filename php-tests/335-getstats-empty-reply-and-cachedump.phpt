--TEST--
getStats()/getExtendedStats() on an empty stats reply (`stats items` of an empty server, a cachedump with nothing to dump) give false, and getStats() then asks the next server; getStats('cachedump', slab, limit) returns at most limit items; every output equals Debian's C extension's on the same servers
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die("skip stats are not supported in binary (getStats() is false), covered by php-tests/150-binary-protocol-semantics.phpt");
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$empty = test_memcached_start();
// One flat LRU: `stats cachedump` lists only the items of the HOT segment, and with the
// segmented LRU the background thread moves items out of it at any time.
$full = test_memcached_start(0, ['-o', 'no_lru_maintainer']);
foreach (range(1, 5) as $i) {
    test_memcached_command($full['port'], "set 335_$i 0 0 3\r\nabc");
}

// Run here and in a process with the C extension, on the same servers.
$code = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
[$e, $f] = [EMPTY_PORT, FULL_PORT];
$m = new Memcache;
$m->addServer('127.0.0.1', $e);
echo 'empty items: ', json_encode($m->getStats('items')), "\n";
echo 'empty cachedump: ', json_encode($m->getStats('cachedump', 1, 2)), "\n";
echo 'empty extended: ', json_encode($m->getExtendedStats('items')), "\n";
echo 'empty server status: ', $m->getServerStatus('127.0.0.1', $e), "\n";

$pool = new Memcache;
$pool->addServer('127.0.0.1', $e);
$pool->addServer('127.0.0.1', $f);
$items = $pool->getStats('items');
echo 'pool items from the second server: ', json_encode(array_keys($items['items'] ?? [])), ' ',
    $items['items'][1]['number'] ?? 'none', "\n";

$one = new Memcache;
$one->addServer('127.0.0.1', $f);
$dump = $one->getStats('cachedump', 1, 2);
echo 'cachedump limit 2: ', is_array($dump) ? count($dump) : json_encode($dump), "\n";
$all = $one->getStats('cachedump', 1, 0);
ksort($all);
echo 'cachedump without limit: ', json_encode(array_keys($all)), "\n";
echo 'item shape: ', json_encode(array_map('gettype', reset($all))), "\n";
$ext = $pool->getExtendedStats('cachedump', 1, 2);
echo 'extended cachedump: ', json_encode(array_map(fn($s) => is_array($s) ? count($s) : $s, $ext)), "\n";
PHP;
$code = strtr($code, ['EMPTY_PORT' => $empty['port'], 'FULL_PORT' => $full['port']]);
eval($code);
$c = run_with_c_extension($code);
ob_start();
eval($code);
echo $c === ob_get_clean() ? "C extension: same output\n" : "C extension differs:\n$c";
?>
--EXPECTF--
empty items: false
empty cachedump: false
empty extended: {"127.0.0.1:%d":false}
empty server status: 1
pool items from the second server: [1] 5
cachedump limit 2: 2
cachedump without limit: ["335_1","335_2","335_3","335_4","335_5"]
item shape: ["string","string"]
extended cachedump: {"127.0.0.1:%d":false,"127.0.0.1:%d":2}
C extension: same output
