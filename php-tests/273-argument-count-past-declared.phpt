--TEST--
Calls with more arguments than declared get the C extension's ArgumentCountError, worded after what it parses (connect(): at most 3, memcache_add_server(): at most 9), not after the declared parameters
--DESCRIPTION--
Memcache::connect()/pconnect() and memcache_connect() declare eight parameters and
memcache_add_server() ten, but parse three and nine: any call past those, within the declared
count or beyond it, is refused with the same message. The same calls run with Debian's C
extension (run_with_c_extension) print the same lines.
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip C extension $cExtension not installed");
?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$code = <<<'PHP'
$m = new Memcache();
foreach ([4, 8, 9, 12] as $n) {
    $args = array_fill(0, $n, 'x');
    test_show(fn () => $m->connect(...$args));
    test_show(fn () => $m->pconnect(...$args));
    test_show(fn () => memcache_connect(...$args));
    test_show(fn () => memcache_pconnect(...$args));
}
foreach ([10, 11, 14] as $n) {
    test_show(fn () => memcache_add_server($m, ...array_fill(0, $n - 1, 'x')));
}
test_show(fn () => $m->addServer(...array_fill(0, 9, 'x')));
PHP;

ob_start();
eval($code);
$ours = ob_get_clean();
$c = run_with_c_extension($code);
echo $ours;
echo $ours === $c ? "same as the C extension\n" : "C extension:\n$c";
?>
--EXPECT--
ArgumentCountError: Memcache::connect() expects at most 3 arguments, 4 given
ArgumentCountError: Memcache::pconnect() expects at most 3 arguments, 4 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 4 given
ArgumentCountError: memcache_pconnect() expects at most 3 arguments, 4 given
ArgumentCountError: Memcache::connect() expects at most 3 arguments, 8 given
ArgumentCountError: Memcache::pconnect() expects at most 3 arguments, 8 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 8 given
ArgumentCountError: memcache_pconnect() expects at most 3 arguments, 8 given
ArgumentCountError: Memcache::connect() expects at most 3 arguments, 9 given
ArgumentCountError: Memcache::pconnect() expects at most 3 arguments, 9 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 9 given
ArgumentCountError: memcache_pconnect() expects at most 3 arguments, 9 given
ArgumentCountError: Memcache::connect() expects at most 3 arguments, 12 given
ArgumentCountError: Memcache::pconnect() expects at most 3 arguments, 12 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 12 given
ArgumentCountError: memcache_pconnect() expects at most 3 arguments, 12 given
ArgumentCountError: memcache_add_server() expects at most 9 arguments, 10 given
ArgumentCountError: memcache_add_server() expects at most 9 arguments, 11 given
ArgumentCountError: memcache_add_server() expects at most 9 arguments, 14 given
ArgumentCountError: Memcache::addserver() expects at most 8 arguments, 9 given
same as the C extension
