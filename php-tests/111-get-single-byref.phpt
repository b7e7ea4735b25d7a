--TEST--
get() single key: by-ref $flags/$cas written only on a hit with raw server flags; miss leaves them untouched
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->delete('k111_miss');

$values = [
    'k111_str' => ['hello', 0],
    'k111_int' => [123, 0],
    'k111_float' => [1.5, 0],
    'k111_bool' => [true, 0],
    'k111_arr' => [[1, 2], 0],
    'k111_user1' => ['abc', MEMCACHE_USER1],
    'k111_user2int' => [5, MEMCACHE_USER2],
    'k111_comp' => [str_repeat('x', 1000), MEMCACHE_COMPRESSED],
];
foreach ($values as $k => [$v, $f]) {
    $m->set($k, $v, $f);
    $flags = 'unset';
    $got = $m->get($k, $flags);
    echo "$k: ", json_encode($got === $v), " flags=", var_export($flags, true), "\n";
}

echo "-- miss: variables untouched --\n";
$flags = 'untouched-f'; $cas = 'untouched-c';
var_dump($m->get('k111_miss', $flags, $cas));
var_dump($flags, $cas);
$flags = ['pre' => 1];
var_dump(memcache_get($m, 'k111_miss', $flags));
var_dump($flags);

echo "-- hit with cas --\n";
$flags = null; $cas = null;
var_dump($m->get('k111_str', $flags, $cas));
var_dump($flags, is_int($cas) && $cas > 0);
// the previous contents of the variables are replaced on a hit
$flags = 'old'; $cas = [1, 2];
var_dump(memcache_get($m, 'k111_int', $flags, $cas));
var_dump($flags, is_int($cas) && $cas > 0);

echo "-- undefined variables are created --\n";
var_dump($m->get('k111_user1', $newFlags, $newCas));
var_dump($newFlags, is_int($newCas));
var_dump(isset($missFlags));
var_dump($m->get('k111_miss', $missFlags, $missCas));
var_dump($missFlags, $missCas);
?>
--EXPECT--
k111_str: true flags=0
k111_int: true flags=768
k111_float: true flags=1792
k111_bool: true flags=256
k111_arr: true flags=1
k111_user1: true flags=65536
k111_user2int: true flags=131840
k111_comp: true flags=2
-- miss: variables untouched --
bool(false)
string(11) "untouched-f"
string(11) "untouched-c"
bool(false)
array(1) {
  ["pre"]=>
  int(1)
}
-- hit with cas --
string(5) "hello"
int(0)
bool(true)
int(123)
int(768)
bool(true)
-- undefined variables are created --
string(3) "abc"
int(65536)
bool(true)
bool(false)
bool(false)
NULL
NULL
