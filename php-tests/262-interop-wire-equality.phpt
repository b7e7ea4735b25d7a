--TEST--
Interop: raw flags and bytes on the wire (read with a raw socket "get") are identical for this extension and the C extension, all value types
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
class Wire262 { public $a = 1; protected $b = 'p'; private $c = [3]; }
function values262() {
    $o = new stdClass; $o->x = 1;
    $all = ''; for ($i = 0; $i < 256; $i++) $all .= chr($i);
    $noise = ''; for ($i = 0; $i < 1900; $i++) $noise .= md5("262-$i", true);   // 30400 incompressible bytes
    return [
        'str' => ['hello', 0], 'binary' => [$all, 0], 'empty' => ['', 0], 'numstr' => ['123', 0],
        'crlf' => ["line1\r\nEND\r\n", 0],
        'int' => [123, 0], 'negint' => [-42, 0], 'zero' => [0, 0], 'intmax' => [PHP_INT_MAX, 0], 'intmin' => [PHP_INT_MIN, 0],
        'float' => [1.5, 0], 'point1' => [0.1, 0], 'sum' => [0.1 + 0.2, 0], 'third' => [1/3, 0], 'big' => [1e100, 0],
        'e15' => [1e15, 0], 'small' => [0.00001, 0], 'tie' => [12345678901234.5, 0], 'three' => [3.0, 0],
        'negzero' => [-0.0, 0], 'inf' => [INF, 0], 'neginf' => [-INF, 0], 'nan' => [NAN, 0],
        'true' => [true, 0], 'false' => [false, 0], 'null' => [null, 0],
        'array' => [[1, 2, 'a' => 'b'], 0], 'nested' => [['x' => [null, false, 1.5, ['y']]], 0],
        'object' => [$o, 0], 'userobj' => [new Wire262, 0],
        'noise30k' => [$noise, 0],
        'user1' => ['abc', MEMCACHE_USER1], 'user2int' => [5, MEMCACHE_USER2],
        'user3float' => [2.75, MEMCACHE_USER3], 'user4bool' => [false, MEMCACHE_USER4],
        'user12arr' => [[1], MEMCACHE_USER1 | MEMCACHE_USER2], 'user1comp' => ['abc', MEMCACHE_USER1 | MEMCACHE_COMPRESSED],
        'compint' => [77, MEMCACHE_COMPRESSED], 'compbool' => [true, MEMCACHE_COMPRESSED],
        'compfloat' => [1.5, MEMCACHE_COMPRESSED], 'compnoise' => [substr($noise, 0, 500), MEMCACHE_COMPRESSED],
    ];
}
function write262($prefix) {
    global $host, $port;
    $m = new Memcache;
    $m->addServer($host, $port);
    foreach (values262() as $name => [$v, $f]) {
        if (!$m->set($prefix . $name, $v, $f)) echo "set failed: $name\n";
    }
}
PHP;
eval($common);

write262('262_o_');                                         // ours
echo run_with_c_extension($common . "\nwrite262('262_c_');\necho \"C wrote\\n\";\n");

foreach (array_keys(values262()) as $name) {
    $o = test_raw_get("262_o_$name");
    $c = test_raw_get("262_c_$name");
    if ($o === null || $c === null) { echo "$name: MISSING\n"; continue; }
    $shown = strlen($o[1]) <= 60 && preg_match('/^[\x20-\x7e]*$/', $o[1]) ? "'{$o[1]}'" : 'md5:' . md5($o[1]);
    printf("%-11s %s flags=%-6d len=%-5d %s\n", $name, $o === $c ? 'equal' : 'DIFFERENT c_flags=' . $c[0] . ' c_len=' . strlen($c[1]),
           $o[0], strlen($o[1]), $shown);
}
$m = test_connect1();
foreach (array_keys(values262()) as $name) { $m->delete("262_o_$name"); $m->delete("262_c_$name"); }
?>
--EXPECT--
C wrote
str         equal flags=0      len=5     'hello'
binary      equal flags=0      len=256   md5:e2c865db4162bed963bfaa9ef6ac18f0
empty       equal flags=0      len=0     ''
numstr      equal flags=0      len=3     '123'
crlf        equal flags=0      len=12    md5:f82cceb0d485165df6027f41f3a2de47
int         equal flags=768    len=3     '123'
negint      equal flags=768    len=3     '-42'
zero        equal flags=768    len=1     '0'
intmax      equal flags=768    len=19    '9223372036854775807'
intmin      equal flags=768    len=20    '-9223372036854775808'
float       equal flags=1792   len=3     '1.5'
point1      equal flags=1792   len=3     '0.1'
sum         equal flags=1792   len=3     '0.3'
third       equal flags=1792   len=16    '0.33333333333333'
big         equal flags=1792   len=8     '1.0e+100'
e15         equal flags=1792   len=7     '1.0e+15'
small       equal flags=1792   len=6     '1.0e-5'
tie         equal flags=1792   len=14    '12345678901234'
three       equal flags=1792   len=1     '3'
negzero     equal flags=1792   len=2     '-0'
inf         equal flags=1792   len=3     'INF'
neginf      equal flags=1792   len=4     '-INF'
nan         equal flags=1792   len=3     'NAN'
true        equal flags=256    len=1     '1'
false       equal flags=256    len=1     '0'
null        equal flags=1      len=2     'N;'
array       equal flags=1      len=38    'a:3:{i:0;i:1;i:1;i:2;s:1:"a";s:1:"b";}'
nested      equal flags=1      len=66    md5:0cd0c1e64cf8632cadcafe02416c1009
object      equal flags=1      len=31    'O:8:"stdClass":1:{s:1:"x";i:1;}'
userobj     equal flags=1      len=81    md5:c502cf6501c533ec1ebe300cdf47bcb4
noise30k    equal flags=0      len=30400 md5:dd7bb78527cc4a6cbf342eea2c3e0933
user1       equal flags=65536  len=3     'abc'
user2int    equal flags=131840 len=1     '5'
user3float  equal flags=263936 len=4     '2.75'
user4bool   equal flags=524544 len=1     '0'
user12arr   equal flags=196609 len=14    'a:1:{i:0;i:1;}'
user1comp   equal flags=65536  len=3     'abc'
compint     equal flags=768    len=2     '77'
compbool    equal flags=256    len=1     '1'
compfloat   equal flags=1792   len=3     '1.5'
compnoise   equal flags=0      len=500   md5:8168d71f27065ae251724348894a6623