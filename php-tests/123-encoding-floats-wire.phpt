--TEST--
Float encoding: flags 1792 and PHP "%.14g" text on the wire (1/3, 1e100, -0.0, INF, NAN, ...), lossy read back
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) ?? ['MISS', ''];
}

$m = test_connect1();
$floats = [1.5, 0.1, 1/3, 1e100, 3.0, -0.0, 0.0, INF, -INF, NAN, 12345678901234.5, 0.1 + 0.2, 1e15, 1e14, 1e13,
    5e-5, 0.0001, 0.00001, 1.5e-7, -1.25, 99999999999999.99, 123456789012345678.0, PHP_FLOAT_MAX, PHP_FLOAT_EPSILON,
    5e-324, -2.5e-300, 2.0 ** 53, 100.0];
foreach ($floats as $i => $v) {
    $k = "k123_$i";
    $m->set($k, $v);
    [$flags, $bytes] = raw_get($k);
    $back = $m->get($k);
    $finite = is_finite($v);
    printf("%-2d flags=%s wire=%-22s sprintf-match=%s back=%s\n", $i, $flags, $bytes,
        $finite ? json_encode($bytes === sprintf('%.14g', $v)) : '-', var_export($back, true));
}
// precision loss is visible through get
var_dump($m->get('k123_2') === 1/3);
var_dump($m->get('k123_2') === 0.33333333333333);
// -0.0 keeps its sign
var_dump(fdiv(1, $m->get('k123_5')));
var_dump(is_nan($m->get('k123_9')));
?>
--EXPECT--
0  flags=1792 wire=1.5                    sprintf-match=true back=1.5
1  flags=1792 wire=0.1                    sprintf-match=true back=0.1
2  flags=1792 wire=0.33333333333333       sprintf-match=true back=0.33333333333333
3  flags=1792 wire=1.0e+100               sprintf-match=true back=1.0E+100
4  flags=1792 wire=3                      sprintf-match=true back=3.0
5  flags=1792 wire=-0                     sprintf-match=true back=-0.0
6  flags=1792 wire=0                      sprintf-match=true back=0.0
7  flags=1792 wire=INF                    sprintf-match=- back=INF
8  flags=1792 wire=-INF                   sprintf-match=- back=-INF
9  flags=1792 wire=NAN                    sprintf-match=- back=NAN
10 flags=1792 wire=12345678901234         sprintf-match=true back=12345678901234.0
11 flags=1792 wire=0.3                    sprintf-match=true back=0.3
12 flags=1792 wire=1.0e+15                sprintf-match=true back=1000000000000000.0
13 flags=1792 wire=1.0e+14                sprintf-match=true back=100000000000000.0
14 flags=1792 wire=10000000000000         sprintf-match=true back=10000000000000.0
15 flags=1792 wire=5.0e-5                 sprintf-match=true back=5.0E-5
16 flags=1792 wire=0.0001                 sprintf-match=true back=0.0001
17 flags=1792 wire=1.0e-5                 sprintf-match=true back=1.0E-5
18 flags=1792 wire=1.5e-7                 sprintf-match=true back=1.5E-7
19 flags=1792 wire=-1.25                  sprintf-match=true back=-1.25
20 flags=1792 wire=1.0e+14                sprintf-match=true back=100000000000000.0
21 flags=1792 wire=1.2345678901235e+17    sprintf-match=true back=1.2345678901235E+17
22 flags=1792 wire=1.7976931348623e+308   sprintf-match=true back=1.7976931348623E+308
23 flags=1792 wire=2.2204460492503e-16    sprintf-match=true back=2.2204460492503E-16
24 flags=1792 wire=4.9406564584125e-324   sprintf-match=true back=5.0E-324
25 flags=1792 wire=-2.5e-300              sprintf-match=true back=-2.5E-300
26 flags=1792 wire=9.007199254741e+15     sprintf-match=true back=9007199254741000.0
27 flags=1792 wire=100                    sprintf-match=true back=100.0
bool(false)
bool(true)
float(-INF)
bool(true)
