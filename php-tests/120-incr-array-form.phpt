--TEST--
increment()/decrement() with an array of keys: [key => value], failures keyed with a trailing NUL
--FILE--
<?php
include __DIR__ . '/connect.inc';

function show($r) {
    // make the NUL byte of failed keys visible
    foreach ($r as $k => $v) {
        echo json_encode($k), ' => ', var_export($v, true), "\n";
    }
    echo "--\n";
}

$m = test_connect1();
$m->delete('k120_miss');
var_dump($m->set('k120_a', 1));
var_dump($m->set('k120_b', '10'));
var_dump($m->set('k120_s', 'abc'));
var_dump($m->set('1200', 5));

show($m->increment(['k120_a', 'k120_miss', 'k120_b']));
show($m->increment(['k120_a', 'k120_b'], 5));
show($m->decrement(['k120_a', 'k120_miss'], 2));
show($m->increment(['1200']));                  // numeric key -> int array key
show($m->increment(['k120 x', 'k120_miss']));   // prepared key in the result, NUL appended on failure
// non-numeric: NUL key, plus a notice whose text is memcached's
[$r, $errors] = test_collect_errors(fn() => $m->increment(['k120_s', 'k120_a']));
show($r);
check_per_protocol('non-numeric notice', $errors,
    [test_failure_notice('MemcachePool::increment', 'CLIENT_ERROR cannot increment or decrement non-numeric value', 6)],
    [test_failure_notice('MemcachePool::increment', 'Non-numeric server-side value for incr or decr', 6)]);
show(memcache_decrement($m, ['k120_b']));

echo "-- empty input and invalid entries --\n";
var_dump($m->increment([]));
var_dump(memcache_increment($m, []));
show($m->increment(['', 'k120_a']));

echo "-- exact bytes of a failure key --\n";
$r = $m->increment(['k120_miss']);
var_dump(array_keys($r) === ["k120_miss\0"]);
var_dump($r["k120_miss\0"]);
var_dump(isset($r['k120_miss']));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
"k120_a" => 2
"k120_miss\u0000" => false
"k120_b" => 11
--
"k120_a" => 7
"k120_b" => 16
--
"k120_a" => 5
"k120_miss\u0000" => false
--
1200 => 6
--
"k120_x\u0000" => false
"k120_miss\u0000" => false
--
"k120_s\u0000" => false
"k120_a" => 6
--
non-numeric notice: ok
"k120_b" => 15
--
-- empty input and invalid entries --
array(0) {
}
array(0) {
}

Warning: MemcachePool::increment(): Invalid key in %s on line %d
"k120_a" => 7
--
-- exact bytes of a failure key --
bool(true)
bool(false)
bool(false)
