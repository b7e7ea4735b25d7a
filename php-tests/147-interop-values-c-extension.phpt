--TEST--
Interop: values of every PHP type written by this extension are read identically by the C extension, and vice versa (flags 0/1/2/3/256/768/1792 and user flags)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$values = [
    'str' => 'hello',
    'empty' => '',
    'numstr' => '123',
    'int' => -42,
    'intmax' => PHP_INT_MAX,
    'float' => 1/3,
    'float2' => 1e100,
    'negzero' => -0.0,
    'inf' => -INF,
    'true' => true,
    'false' => false,
    'null' => null,
    'arr' => [1, 'a' => ['b' => 2.5]],
    'obj' => (object) ['x' => 1],
    'bigstr' => str_repeat('compress me ', 3000),
    'bigarr' => array_fill(0, 2000, 'xyz'),
    'user' => 'flagged',
];
$userFlags = ['user' => MEMCACHE_USER3, 'str' => MEMCACHE_USER1, 'int' => MEMCACHE_USER2];

// describe values in a way that survives var_export differences (NAN-free, -0.0 visible)
$describe = <<<'PHP'
function describe($v) {
    if (is_float($v)) return 'float:' . sprintf('%.17g', $v) . (fdiv(1, $v) < 0 ? ':neg' : '');
    if (is_array($v) || is_object($v)) return get_debug_type($v) . ':' . md5(serialize($v));
    if (is_string($v) && strlen($v) > 40) return 'string(' . strlen($v) . '):' . md5($v);
    return get_debug_type($v) . ':' . var_export($v, true);
}
PHP;
eval($describe);

echo "-- written here, read by the C extension --\n";
$m = test_connect1();
foreach ($values as $k => $v) {
    $m->set("k147_w_$k", $v, $userFlags[$k] ?? 0);
}
$local = [];
foreach ($values as $k => $v) {
    $f = null;
    $local[$k] = describe($m->get("k147_w_$k", $f)) . " flags=$f";
}
$code = 'error_reporting(E_ALL & ~E_DEPRECATED);' . $describe . '
$m = test_connect1();
$out = [];
foreach (' . var_export(array_keys($values), true) . ' as $k) {
    $f = null;
    $out[$k] = describe($m->get("k147_w_$k", $f)) . " flags=$f";
}
echo json_encode($out);';
$remote = json_decode(run_with_c_extension($code), true);
var_dump(is_array($remote));
foreach ($values as $k => $v) {
    if (($remote[$k] ?? 'MISSING') !== $local[$k]) echo "$k: here {$local[$k]} / C {$remote[$k]}\n";
}
echo $local['float'], "\n", $local['bigstr'], "\n", $local['user'], "\n", $local['null'], "\n";

echo "-- written by the C extension, read here --\n";
$code = 'error_reporting(E_ALL & ~E_DEPRECATED);
$m = test_connect1();
$values = unserialize(' . var_export(serialize($values), true) . ');
$userFlags = ' . var_export($userFlags, true) . ';
foreach ($values as $k => $v) {
    $m->set("k147_c_$k", $v, $userFlags[$k] ?? 0);
}
echo "done";';
var_dump(run_with_c_extension($code));
foreach ($values as $k => $v) {
    $f = null;
    $got = describe($m->get("k147_c_$k", $f)) . " flags=$f";
    if ($got !== $local[$k]) echo "$k: C wrote {$got} / we wrote {$local[$k]}\n";
}
$r = $m->get(['k147_c_arr', 'k147_c_bigarr', 'k147_c_null']);
var_dump($r['k147_c_arr'], count($r['k147_c_bigarr']), $r['k147_c_null']);
?>
--EXPECT--
-- written here, read by the C extension --
bool(true)
float:0.33333333333332998 flags=1792
string(36000):b97474855b81a9eaaa29f2bb57d9516e flags=2
string:'flagged' flags=262144
bool:false flags=1
-- written by the C extension, read here --
string(4) "done"
array(2) {
  [0]=>
  int(1)
  ["a"]=>
  array(1) {
    ["b"]=>
    float(2.5)
  }
}
int(2000)
NULL
