--TEST--
invalidate($key): meta marks the value stale, so get() misses it and remember() returns it at once to every caller but the one that recomputes it; ascii and binary delete it, so the other callers wait for the recompute. A caller waits memcache.remember_wait at most, then computes for itself and stores nothing; the claim (placeholder or lock key) lives a second longer, then the next caller takes it over and computes too: meta keeps the first value stored (the late one's compare fails), ascii and binary the last. invalidate() of a missing key is false; memcache_invalidate() is the function form (this extension's own)
--DESCRIPTION--
The "other caller" is a second object calling remember() from inside the first one's $compute,
that is while the first one recomputes.
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.remember_wait=1
--FILE--
<?php
include __DIR__ . '/connect.inc';

$a = test_connect1();
$b = test_connect1();
$k = 'k502_' . getmypid();
$log = [];
/** A $compute that logs who ran it and returns $value. */
function compute502(string $who, string $value, ?callable $meanwhile = null): callable
{
    return function () use ($who, $value, $meanwhile) {
        $GLOBALS['log'][] = $who;
        if ($meanwhile) {
            $meanwhile();
        }
        return $value;
    };
}

echo "-- a stale value --\n";
$a->set($k, 'old');
var_dump($a->invalidate($k));
check_per_protocol('get() after invalidate()', $a->get($k), false, false, false);
$inner = null;
$outer = $a->remember($k, 60, compute502('a', 'new', function () use ($b, $k, &$inner) {
    $t = microtime(true);
    $inner = [$b->remember($k, 60, compute502('b', 'from b')), microtime(true) - $t];
}));
echo "a's remember(): $outer\n";
check_per_protocol("b's remember() meanwhile", $inner[0], 'from b', 'from b', 'old');
check_per_protocol('b waited memcache.remember_wait', $inner[1] >= 0.9, true, true, false);
check_per_protocol('computed by', implode(',', $log), 'a,b', 'a,b', 'a');
echo 'stored: ', $a->get($k), "\n";

echo "-- a missing value: a takes longer than the wait, then than its claim --\n";
$log = [];
$a->delete($k);
$c = test_connect1();
$outer = $a->remember($k, 60, compute502('a', 'by a', function () use ($b, $c, $k, &$inner) {
    $t = microtime(true);
    $inner = [$b->remember($k, 60, compute502('b', 'by b')), microtime(true) - $t];
    echo 'b waited memcache.remember_wait: ', var_export($inner[1] >= 0.9, true), "\n";
    echo 'stored by b: ', var_export($b->get($k), true), "\n";
    // The claim lives one second more than the wait (memcached counts whole seconds): once
    // it has expired, the next caller takes it over.
    usleep(1200000);
    echo 'c: ', $c->remember($k, 60, compute502('c', 'by c')), "\n";
    echo 'stored by c: ', var_export($c->get($k), true), "\n";
}));
echo "a: $outer, b: {$inner[0]}\n";
echo 'computed by: ', implode(',', $log), "\n";
check_per_protocol('stored in the end', $a->get($k), 'by a', 'by a', 'by c');

echo "-- misses and bad keys --\n";
var_dump(memcache_invalidate($a, "$k.missing"));
var_dump(memcache_invalidate($a, $k), $a->get($k));
[$r, $errors] = test_collect_errors(fn () => $a->invalidate(''));
var_dump($r, $errors);
[$r, $errors] = test_collect_errors(fn () => (new MemcachePool)->invalidate($k));
var_dump($r, $errors);
?>
--EXPECT--
-- a stale value --
bool(true)
get() after invalidate(): ok
a's remember(): new
b's remember() meanwhile: ok
b waited memcache.remember_wait: ok
computed by: ok
stored: new
-- a missing value: a takes longer than the wait, then than its claim --
b waited memcache.remember_wait: true
stored by b: false
c: by c
stored by c: 'by c'
a: by a, b: by b
computed by: a,b,c
stored in the end: ok
-- misses and bad keys --
bool(false)
bool(true)
bool(false)
bool(false)
array(1) {
  [0]=>
  string(48) "Warning: MemcachePool::invalidate(): Invalid key"
}
bool(false)
array(1) {
  [0]=>
  string(76) "Warning: MemcachePool::invalidate(): No servers added to memcache connection"
}
