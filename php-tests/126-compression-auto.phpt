--TEST--
Automatic compression: 30 KB compressible string stored with flags 2 as a zlib stream at the default level (the C extension's; header 789c, not byte-identical: docs/differences.md) that the C extension reads, random 30 KB stays raw, serialized+compressed is flags 3
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) ?? ['MISS', ''];
}

$m = test_connect1();

echo "-- compressible 30000 bytes --\n";
$v = str_repeat('a', 30000);
var_dump($m->set('k126_a', $v));
[$flags, $bytes] = raw_get('k126_a');
var_dump($flags, strlen($bytes) < 100, bin2hex(substr($bytes, 0, 2)));
var_dump(gzuncompress($bytes) === $v);
echo run_with_c_extension('error_reporting(E_ALL & ~E_DEPRECATED); $m = new Memcache; $m->addServer($host, $port);'
    . ' var_dump($m->get("k126_a", $f) === str_repeat("a", 30000), $f);');
var_dump($m->get('k126_a', $f) === $v, $f);

echo "-- random 30000 bytes: compression does not pay off --\n";
$r = random_bytes(30000);
var_dump($m->set('k126_r', $r));
[$flags, $bytes] = raw_get('k126_r');
var_dump($flags, $bytes === $r);
var_dump($m->get('k126_r', $f) === $r, $f);

echo "-- serialized array above the threshold: flags 3 --\n";
$arr = array_fill(0, 3000, 'same text');
var_dump($m->set('k126_arr', $arr));
[$flags, $bytes] = raw_get('k126_arr');
// a zlib stream of the serialized bytes (not necessarily byte-identical to gzcompress():
// the C extension uses zlib compress2(), i.e. memLevel 8, while gzcompress() uses memLevel 9)
var_dump($flags, bin2hex(substr($bytes, 0, 2)), gzuncompress($bytes) === serialize($arr), strlen($bytes) < 10000);
var_dump($m->get('k126_arr', $f) === $arr, $f);

echo "-- user flags survive next to the compression bit --\n";
var_dump($m->set('k126_u', $v, MEMCACHE_USER2));
[$flags, $bytes] = raw_get('k126_u');
var_dump($flags === (MEMCACHE_USER2 | 2), gzuncompress($bytes) === $v);

echo "-- explicit MEMCACHE_COMPRESSED on a small string: a zlib stream at the default level --\n";
$h = str_repeat('hello ', 100);
var_dump($m->set('k126_h', $h, MEMCACHE_COMPRESSED));
[$flags, $bytes] = raw_get('k126_h');
var_dump($flags, bin2hex(substr($bytes, 0, 2)), gzuncompress($bytes) === $h);
var_dump($m->get('k126_h') === $h);

echo "-- multi-get decompresses too --\n";
$res = $m->get(['k126_a', 'k126_h', 'k126_arr'], $fl);
var_dump($res['k126_a'] === $v, $res['k126_h'] === $h, $res['k126_arr'] === $arr, $fl);
?>
--EXPECT--
-- compressible 30000 bytes --
bool(true)
int(2)
bool(true)
string(4) "789c"
bool(true)
bool(true)
int(2)
bool(true)
int(2)
-- random 30000 bytes: compression does not pay off --
bool(true)
int(0)
bool(true)
bool(true)
int(0)
-- serialized array above the threshold: flags 3 --
bool(true)
int(3)
string(4) "789c"
bool(true)
bool(true)
bool(true)
int(3)
-- user flags survive next to the compression bit --
bool(true)
bool(true)
bool(true)
-- explicit MEMCACHE_COMPRESSED on a small string: a zlib stream at the default level --
bool(true)
int(2)
string(4) "789c"
bool(true)
bool(true)
-- multi-get decompresses too --
bool(true)
bool(true)
bool(true)
array(3) {
  ["k126_a"]=>
  int(2)
  ["k126_h"]=>
  int(2)
  ["k126_arr"]=>
  int(3)
}
