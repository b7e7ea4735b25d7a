--TEST--
Item-size boundary of memcached's default 1 MB limit: the largest value that fits stores and reads back intact, one byte more returns false with the "object too large" notice (ASCII "SERVER_ERROR object too large for cache (3)", binary "Too large. (3)") and the server stays up; a 20 MB value fails the same way within the timeout; the C extension finds the same boundary with the same notices
--DESCRIPTION--
The boundary is memcached's, not the extension's: the 1 MB limit (-I 1m) covers the item
header, the key and the data, so the largest value shrinks by one byte per byte of key (and
by 4 more with non-zero flags). With the fixed 4-byte key "154k", flags 0 and memcached
1.6.18 it is 1,048,513 bytes under both protocols, for this extension and the C extension
alike. The test finds it by bisection within the last KB below 1 MB (so it does not pin
memcached's header size), then checks both sides of it exactly. Values are random bytes
with automatic compression off (setCompressThreshold(0)), so what is sent is what is
stored. The whole scenario then runs again with Debian's C extension against the same
server, and its output (boundary included) must be identical.
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memory_limit=256M
--FILE--
<?php
include __DIR__ . '/connect.inc';

$scenario = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
function scenario154(string $protocol): void
{
    global $host, $port;
    ini_set('memcache.protocol', $protocol);
    $key = '154k';                                      // the boundary depends on its length
    $m = new Memcache;
    $m->addServer($host, $port, true, 1, 2.0);          // timeout 2 s
    $m->setCompressThreshold(0);
    $store = fn(int $len) => test_collect_errors(fn() => $m->set($key, random_bytes($len)));

    // Largest length that stores, by bisection: $lo stores, $hi does not.
    [$lo, $hi] = [1048576 - 1024, 1048576];
    $window = $store($lo)[0] === true && $store($hi)[0] === false;
    for ($i = 0; $i < 20 && $hi - $lo > 1; $i++) {
        $mid = intdiv($lo + $hi, 2);
        if ($store($mid)[0] === true) { $lo = $mid; } else { $hi = $mid; }
    }
    echo 'boundary within the last KB below 1 MB: ', $window ? 'yes' : 'NO', "\n";
    echo "largest value: $lo bytes (1 MB - ", 1048576 - $lo, ")\n";

    $v = random_bytes($lo);
    [$ok, $errors] = test_collect_errors(fn() => $m->set($key, $v));
    echo "$lo bytes: set ", test_export($ok), ', notices ', count($errors),
        ', reads back ', $m->get($key) === $v ? 'intact' : 'WRONG', "\n";

    $expected = [$protocol === 'binary'
        ? "Notice: MemcachePool::set(): Server $host (tcp $port, udp 0) failed with: Too large. (3)"
        : "Notice: MemcachePool::set(): Server $host (tcp $port, udp 0) failed with: SERVER_ERROR object too large for cache (3)"];
    [$ok, $errors] = $store($lo + 1);
    echo $lo + 1, ' bytes: set ', test_export($ok), ', notice ', $errors === $expected ? 'as expected' : test_export($errors),
        ', status ', $m->getServerStatus($host, $port), "\n";

    $t = microtime(true);
    [$ok, $errors] = $store(20 * 1024 * 1024);
    $elapsed = microtime(true) - $t;
    echo '20 MB: set ', test_export($ok), ', notice ', $errors === $expected ? 'as expected' : test_export($errors),
        ', within the timeout ', $elapsed < 2.0 ? 'yes' : sprintf('NO (%.2f s)', $elapsed),
        ', status ', $m->getServerStatus($host, $port), "\n";
    echo 'then: set ', test_export($m->set('154_small', 'x')), ', get ', test_export($m->get('154_small')), "\n";
    $m->delete($key);
    $m->delete('154_small');
}
PHP;
eval($scenario);

echo "-- this extension --\n";
ob_start();
scenario154(test_protocol());
$ours = ob_get_clean();
echo $ours;
echo "-- C extension --\n";
$c = run_with_c_extension("ini_set('memory_limit', '256M');\n" . $scenario
    . "\nscenario154(" . var_export(c_extension_protocol(), true) . ");\n");
echo $c === $ours ? "same output\n" : "DIFFERENT:\n$c";
?>
--EXPECTF--
-- this extension --
boundary within the last KB below 1 MB: yes
largest value: %d bytes (1 MB - %d)
%d bytes: set true, notices 0, reads back intact
%d bytes: set false, notice as expected, status 1
20 MB: set false, notice as expected, within the timeout yes, status 1
then: set true, get 'x'
-- C extension --
same output
