--TEST--
Argument errors on memcache_* data functions: object type check, counts, "Wrong parameter count for memcache_set()", TypeErrors
--FILE--
<?php
include __DIR__ . '/connect.inc';

function t(callable $f) {
    try {
        $r = $f();
        echo "returned ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

/**
 * Like t(), for an error whose text PHP changed between versions: prints $line if $f gives
 * exactly $expected (this PHP's text), else what it gave.
 */
function t_by_version(callable $f, string $expected, string $line) {
    ob_start();
    t($f);
    $out = rtrim(ob_get_clean(), "\n");
    echo $out === $expected ? $line : $out, "\n";
}

$m = test_connect1();
$m->set('k140', 'orig');

echo "-- missing value --\n";
t(fn() => memcache_set($m, 'k140'));
t(fn() => memcache_add($m, 'k140'));
t(fn() => memcache_replace($m, 'k140'));
t(fn() => memcache_cas($m, 'k140'));
t(fn() => memcache_append($m, 'k140'));
t(fn() => memcache_prepend($m, 'k140'));

echo "-- first argument must be a MemcachePool --\n";
t(fn() => memcache_set('x', 'k140', 1));
t(fn() => memcache_set(new stdClass, 'k140', 1));
t(fn() => memcache_set(null, 'k140', 1));
t(fn() => memcache_get(1, 'k140'));
t(fn() => memcache_get('x', 'y'));
t(fn() => memcache_delete('x', 'k140'));
t(fn() => memcache_increment(1.5, 'k140'));
t(fn() => memcache_decrement([], 'k140'));
// PHP 8.3 names true and false by value in type errors ("false given"; zend_zval_value_name()),
// PHP 8.2 by type ("bool given"). The engine writes this message, so each gets its own text.
$false = PHP_VERSION_ID >= 80300 ? 'false' : 'bool';
t_by_version(fn() => memcache_cas(false, 'k140', 1, 0, 0, 1),
    "TypeError: memcache_cas(): Argument #1 (\$memcache) must be of type MemcachePool, $false given",
    'TypeError: memcache_cas(): Argument #1 ($memcache) must be of type MemcachePool, bool given (PHP 8.2) / false given (8.3+)');
t(fn() => memcache_set_compress_threshold('x', 1));

echo "-- counts --\n";
t(fn() => memcache_set());
t(fn() => memcache_set($m));
t(fn() => memcache_get($m));
t(fn() => memcache_get());
t(fn() => memcache_delete($m));
t(fn() => memcache_increment($m));
t(fn() => memcache_decrement($m, 'k140', 1, 0, 0, 0));
t(fn() => memcache_set($m, 'k140', 1, 0, 0, 0, 0));
t(fn() => memcache_get($m, 'k140', $a, $b, 5));
t(fn() => memcache_set_compress_threshold($m));

echo "-- scalar type errors --\n";
t(fn() => memcache_set($m, 'k140', 1, 'abc'));
t(fn() => memcache_add($m, 'k140', 1, 0, 'abc'));
t(fn() => memcache_cas($m, 'k140', 1, 0, 0, 'abc'));
t(fn() => memcache_delete($m, 'k140', 'abc'));
t(fn() => memcache_increment($m, 'k140', 'x'));
t(fn() => memcache_decrement($m, 'k140', 1, 'x'));
t(fn() => memcache_set_compress_threshold($m, 'x'));

echo "-- a plain MemcachePool object is accepted --\n";
$p = new MemcachePool();
$p->addServer($host, $port);
t(fn() => memcache_set($p, 'k140_pool', 'pool'));
t(fn() => memcache_get($p, 'k140_pool'));
var_dump($m->get('k140'));
?>
--EXPECT--
-- missing value --
ArgumentCountError: Wrong parameter count for memcache_set()
ArgumentCountError: Wrong parameter count for memcache_add()
ArgumentCountError: Wrong parameter count for memcache_replace()
ArgumentCountError: Wrong parameter count for memcache_cas()
ArgumentCountError: Wrong parameter count for memcache_append()
ArgumentCountError: Wrong parameter count for memcache_prepend()
-- first argument must be a MemcachePool --
TypeError: memcache_set(): Argument #1 ($memcache) must be of type MemcachePool, string given
TypeError: memcache_set(): Argument #1 ($memcache) must be of type MemcachePool, stdClass given
TypeError: memcache_set(): Argument #1 ($memcache) must be of type MemcachePool, null given
TypeError: memcache_get(): Argument #1 ($memcache) must be of type MemcachePool, int given
TypeError: memcache_get(): Argument #1 ($memcache) must be of type MemcachePool, string given
TypeError: memcache_delete(): Argument #1 ($memcache) must be of type MemcachePool, string given
TypeError: memcache_increment(): Argument #1 ($memcache) must be of type MemcachePool, float given
TypeError: memcache_decrement(): Argument #1 ($memcache) must be of type MemcachePool, array given
TypeError: memcache_cas(): Argument #1 ($memcache) must be of type MemcachePool, bool given (PHP 8.2) / false given (8.3+)
TypeError: memcache_set_compress_threshold(): Argument #1 ($memcache) must be of type MemcachePool, string given
-- counts --
ArgumentCountError: memcache_set() expects at least 2 arguments, 0 given
ArgumentCountError: memcache_set() expects at least 2 arguments, 1 given
ArgumentCountError: memcache_get() expects at least 2 arguments, 1 given
ArgumentCountError: memcache_get() expects at least 2 arguments, 0 given
ArgumentCountError: memcache_delete() expects at least 2 arguments, 1 given
ArgumentCountError: memcache_increment() expects at least 2 arguments, 1 given
ArgumentCountError: memcache_decrement() expects at most 5 arguments, 6 given
ArgumentCountError: memcache_set() expects at most 6 arguments, 7 given
ArgumentCountError: memcache_get() expects at most 4 arguments, 5 given
ArgumentCountError: memcache_set_compress_threshold() expects at least 2 arguments, 1 given
-- scalar type errors --
TypeError: memcache_set(): Argument #4 ($flags) must be of type int, string given
TypeError: memcache_add(): Argument #5 ($exptime) must be of type int, string given
TypeError: memcache_cas(): Argument #6 ($cas) must be of type int, string given
TypeError: memcache_delete(): Argument #3 ($exptime) must be of type int, string given
TypeError: memcache_increment(): Argument #3 ($value) must be of type int, string given
TypeError: memcache_decrement(): Argument #4 ($defval) must be of type int, string given
TypeError: memcache_set_compress_threshold(): Argument #2 ($threshold) must be of type int, string given
-- a plain MemcachePool object is accepted --
returned true
returned 'pool'
string(4) "orig"
