--TEST--
Values above memcached's 1 MB item limit: false plus "object too large" notice (ASCII SERVER_ERROR line, binary "Too large."), server stays up, no hang
--FILE--
<?php
include __DIR__ . '/connect.inc';

/**
 * Runs $call, a store that is too large, and checks that it returns false with exactly one
 * notice from $function: memcached's reply is "SERVER_ERROR object too large for cache" in
 * ASCII and status 3 "Too large." in binary; both are error code 3.
 */
function too_large(string $function, callable $call): void
{
    [$result, $errors] = test_collect_errors($call);
    var_dump($result);
    check_per_protocol("$function() notice", $errors,
        [test_failure_notice($function, 'SERVER_ERROR object too large for cache', 3)],
        [test_failure_notice($function, 'Too large.', 3)]);
}

$m = test_connect1();
$m->delete('k110_big');
$m->delete('k110_big3');
$big = random_bytes(1500000);          // incompressible, so auto-compression cannot save it

$t = microtime(true);
too_large('MemcachePool::set', fn() => $m->set('k110_big', $big));
var_dump($m->get('k110_big'));
// the server is NOT marked failed, next commands work on the same pool
var_dump($m->getServerStatus($host, $port));
var_dump($m->set('k110_small', 'small'));
var_dump($m->get('k110_small'));

too_large('MemcachePool::add', fn() => $m->add('k110_big3', $big));
too_large('memcache_set', fn() => memcache_set($m, 'k110_big', $big));

// array form: the too-large entry fails the aggregate, the other entry is stored
too_large('MemcachePool::set', fn() => $m->set(['k110_big' => $big, 'k110_small2' => 'x']));
var_dump($m->get('k110_small2'));

// a compressible 1.5 MB value fits once auto-compressed (above the 20000 byte threshold)
$c = str_repeat('a', 1500000);
var_dump($m->set('k110_comp', $c));
var_dump($m->get('k110_comp') === $c);
// with automatic compression disabled it is too large again
var_dump($m->setCompressThreshold(0));
too_large('MemcachePool::set', fn() => $m->set('k110_comp2', $c));
var_dump($m->get('k110_comp2'));
var_dump($m->getServerStatus($host, $port));
var_dump(microtime(true) - $t < 5);
?>
--EXPECT--
bool(false)
MemcachePool::set() notice: ok
bool(false)
int(1)
bool(true)
string(5) "small"
bool(false)
MemcachePool::add() notice: ok
bool(false)
memcache_set() notice: ok
bool(false)
MemcachePool::set() notice: ok
string(1) "x"
bool(true)
bool(true)
bool(true)
bool(false)
MemcachePool::set() notice: ok
bool(false)
int(1)
bool(true)
