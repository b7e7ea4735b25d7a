--TEST--
MEMCACHE_USER1..4 flags on the wire and back; MEMCACHE_COMPRESSED is ignored for ints/floats/bools and dropped when it does not pay off
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    $item = test_raw_get($key);
    return $item === null ? 'MISS' : "$item[0] " . strlen($item[1]) . ' ' . json_encode($item[1]);
}

$m = test_connect1();
$cases = [
    ['abc', MEMCACHE_USER1],
    ['abc', MEMCACHE_USER2],
    ['abc', MEMCACHE_USER3],
    ['abc', MEMCACHE_USER4],
    ['abc', MEMCACHE_USER1 | MEMCACHE_USER2 | MEMCACHE_USER3 | MEMCACHE_USER4],
    [5, MEMCACHE_USER2],
    [true, MEMCACHE_USER4],
    [2.5, MEMCACHE_USER1],
    ['abc', MEMCACHE_USER1 | MEMCACHE_COMPRESSED],   // too small to pay off: stored raw, bit 2 removed
    [77, MEMCACHE_COMPRESSED],                       // never compressed
    [1.25, MEMCACHE_COMPRESSED],
    [false, MEMCACHE_COMPRESSED],
    [1, MEMCACHE_COMPRESSED | MEMCACHE_USER3],
];
foreach ($cases as $i => [$v, $f]) {
    $k = "k125_$i";
    $ok = $m->set($k, $v, $f);
    $flags = null;
    $back = $m->get($k, $flags);
    printf("%d set=%s wire=[%s] back=%s flags=%d\n", $i, json_encode($ok), raw_get($k), var_export($back, true), $flags);
}

// pecl bug #16442: int with MEMCACHE_COMPRESSED round-trips as int
var_dump(memcache_set($m, 'k125_pecl16442', 1, MEMCACHE_COMPRESSED));
var_dump(memcache_get($m, 'k125_pecl16442'));
?>
--EXPECT--
0 set=true wire=[65536 3 "abc"] back='abc' flags=65536
1 set=true wire=[131072 3 "abc"] back='abc' flags=131072
2 set=true wire=[262144 3 "abc"] back='abc' flags=262144
3 set=true wire=[524288 3 "abc"] back='abc' flags=524288
4 set=true wire=[983040 3 "abc"] back='abc' flags=983040
5 set=true wire=[131840 1 "5"] back=5 flags=131840
6 set=true wire=[524544 1 "1"] back=true flags=524544
7 set=true wire=[67328 3 "2.5"] back=2.5 flags=67328
8 set=true wire=[65536 3 "abc"] back='abc' flags=65536
9 set=true wire=[768 2 "77"] back=77 flags=768
10 set=true wire=[1792 4 "1.25"] back=1.25 flags=1792
11 set=true wire=[256 1 "0"] back=false flags=256
12 set=true wire=[262912 1 "1"] back=1 flags=262912
bool(true)
int(1)
