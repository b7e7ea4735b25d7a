--TEST--
Decoding bytes written by other clients: lenient int/float/bool parsing, unknown type nibbles as string, zlib at any level, trailing data after serialized value
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_set($key, $flags, $data) {
    return test_raw_set($key, $flags, $data) === 'STORED';
}

$m = test_connect1();
$cases = [
    // ints (flags 768): strtol semantics
    ['int_ws_junk', 768, ' 12abc'],
    ['int_junk', 768, 'abc'],
    ['int_plus', 768, '+5'],
    ['int_over', 768, '99999999999999999999'],
    ['int_under', 768, '-99999999999999999999'],
    ['int_empty', 768, ''],
    // floats (flags 1792): strtod semantics
    ['fl_junk', 1792, 'abc'],
    ['fl_prefix', 1792, ' 1.5xyz'],
    ['fl_exp', 1792, '2E3'],
    ['fl_inf', 1792, 'inf'],
    ['fl_infinity', 1792, '-Infinity'],
    ['fl_nan', 1792, 'nan'],
    ['fl_overflow', 1792, '1e400'],
    // bools (flags 256): true iff exactly "1"
    ['b_1', 256, '1'],
    ['b_0', 256, '0'],
    ['b_2', 256, '2'],
    ['b_true', 256, 'true'],
    ['b_11', 256, '11'],
    ['b_empty', 256, ''],
    // reserved/unknown type nibbles decode as strings
    ['t_200', 0x200, '12'],
    ['t_500', 0x500, 'typ5'],
    ['t_F00', 0xF00, 'x'],
    // user bits do not disturb decoding
    ['user_int', 0x10300, '7'],
    ['user_str', 0x80000, 'u'],
    // zlib data from other writers, any level
    ['gz9', 2, gzcompress('hello', 9)],
    ['gz1', 2, gzcompress(str_repeat('xy', 1000), 1)],
    ['gz_ser', 3, gzcompress(serialize(['a' => 1]), 9)],
    // serialized data: trailing garbage is ignored
    ['ser_trail', 1, serialize([1, 'x']) . 'zz'],
];
foreach ($cases as [$name, $flags, $data]) {
    raw_set("k130_$name", $flags, $data);
    $v = $m->get("k130_$name");
    if (is_array($v)) {
        $shown = json_encode($v);
    } elseif (is_string($v) && strlen($v) > 40) {
        $shown = 'string(' . strlen($v) . ') ' . md5($v);
    } else {
        $shown = var_export($v, true);
    }
    echo str_pad($name, 12), ' ', $shown, ' ', get_debug_type($v), "\n";
}
var_dump($m->get('k130_gz1') === str_repeat('xy', 1000));
?>
--EXPECT--
int_ws_junk  12 int
int_junk     0 int
int_plus     5 int
int_over     9223372036854775807 int
int_under    -9223372036854775807-1 int
int_empty    0 int
fl_junk      0.0 float
fl_prefix    1.5 float
fl_exp       2000.0 float
fl_inf       INF float
fl_infinity  -INF float
fl_nan       NAN float
fl_overflow  INF float
b_1          true bool
b_0          false bool
b_2          false bool
b_true       false bool
b_11         false bool
b_empty      false bool
t_200        '12' string
t_500        'typ5' string
t_F00        'x' string
user_int     7 int
user_str     'u' string
gz9          'hello' string
gz1          string(2000) 27fe3bba37cdf22abee4e472819eadbc string
gz_ser       {"a":1} array
ser_trail    [1,"x"] array
bool(true)
