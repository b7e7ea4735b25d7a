--TEST--
increment()/decrement() on a non-numeric value: false plus a notice (ASCII CLIENT_ERROR line, binary "Non-numeric server-side value"), server stays up
--FILE--
<?php
include __DIR__ . '/connect.inc';

/**
 * Runs $call, an incr/decr of a non-numeric value, and checks that it returns false with
 * exactly one notice from $function: memcached's reply is a CLIENT_ERROR line in ASCII and
 * status 6 in binary; both are error code 6.
 */
function non_numeric(string $function, callable $call): void
{
    [$result, $errors] = test_collect_errors($call);
    var_dump($result);
    check_per_protocol("$function() notice", $errors,
        [test_failure_notice($function, 'CLIENT_ERROR cannot increment or decrement non-numeric value', 6)],
        [test_failure_notice($function, 'Non-numeric server-side value for incr or decr', 6)]);
}

$m = test_connect1();
var_dump($m->set('k119_s', 'abc'));
var_dump($m->set('k119_neg', -5));        // "-5" is not an unsigned counter for memcached
var_dump($m->set('k119_f', 7.5));
var_dump($m->set('k119_ok', 1));

non_numeric('MemcachePool::increment', fn() => $m->increment('k119_s'));
var_dump($m->getServerStatus($host, $port));
non_numeric('MemcachePool::decrement', fn() => $m->decrement('k119_s', 2));
non_numeric('memcache_increment', fn() => memcache_increment($m, 'k119_s'));
non_numeric('MemcachePool::increment', fn() => $m->increment('k119_neg'));
non_numeric('MemcachePool::decrement', fn() => $m->decrement('k119_f'));

// the value is unchanged, the connection still works
var_dump($m->get('k119_s'));
var_dump($m->increment('k119_ok'));
var_dump($m->getServerStatus($host, $port));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
MemcachePool::increment() notice: ok
int(1)
bool(false)
MemcachePool::decrement() notice: ok
bool(false)
memcache_increment() notice: ok
bool(false)
MemcachePool::increment() notice: ok
bool(false)
MemcachePool::decrement() notice: ok
string(3) "abc"
int(2)
int(1)
