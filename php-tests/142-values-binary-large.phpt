--TEST--
Values containing protocol-like bytes (CRLF, "END", "VALUE", NUL) and large values (64 KB .. ~1 MB) round-trip exactly, single and multi get
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$m->setCompressThreshold(0);    // keep the bytes raw on the wire

$tricky = [
    'k142_crlf' => "line1\r\nline2\r\n",
    'k142_end' => "x\r\nEND\r\n",
    'k142_value' => "VALUE k142_crlf 0 5\r\nhello\r\nEND\r\n",
    'k142_nul' => "\0\0\0",
    'k142_only_crlf' => "\r\n",
    'k142_stored' => "STORED\r\n",
];
foreach ($tricky as $k => $v) {
    $ok = $m->set($k, $v);
    echo $k, ' ', json_encode($ok), ' ', json_encode($m->get($k) === $v), "\n";
}
$r = $m->get(array_keys($tricky));
var_dump($r === $tricky);
// the connection is still in sync afterwards
var_dump($m->set('k142_after', 'after'));
var_dump($m->get('k142_after'));

echo "-- large values --\n";
$sizes = [65536, 100000, 500000, 1000000];
$vals = [];
foreach ($sizes as $size) {
    $v = random_bytes($size);
    $vals["k142_big$size"] = $v;
    $ok = $m->set("k142_big$size", $v);
    echo $size, ' ', json_encode($ok), ' ', json_encode($m->get("k142_big$size") === $v), "\n";
}
$r = $m->get(array_merge(array_keys($vals), ['k142_after']));
var_dump(count($r));
foreach ($vals as $k => $v) {
    if ($r[$k] !== $v) echo "mismatch $k\n";
}
var_dump($r['k142_after']);

echo "-- large serialized and compressed values --\n";
$m->setCompressThreshold(20000);
$arr = [];
for ($i = 0; $i < 20000; $i++) $arr["key$i"] = str_repeat(chr(65 + $i % 26), $i % 50);
var_dump($m->set('k142_bigarr', $arr));
var_dump($m->get('k142_bigarr') === $arr);
?>
--EXPECT--
k142_crlf true true
k142_end true true
k142_value true true
k142_nul true true
k142_only_crlf true true
k142_stored true true
bool(true)
bool(true)
string(5) "after"
-- large values --
65536 true true
100000 true true
500000 true true
1000000 true true
int(5)
string(5) "after"
-- large serialized and compressed values --
bool(true)
bool(true)
