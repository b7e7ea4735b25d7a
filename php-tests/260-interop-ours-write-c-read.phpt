--TEST--
Interop: every value type written by this extension is read back identically (value, type, flags) by the C extension
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// shared by both processes: value table and a reader that describes what it gets
$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
class Interop260 { public $a = 1; protected $b = [2, 'two']; private $c = 'three'; public $d; }
function values260() {
    $o = new stdClass; $o->x = 1; $o->list = ['p', 'q']; $o->nested = new stdClass; $o->nested->y = 2.5;
    $u = new Interop260; $u->d = ['k' => null];
    $all = ''; for ($i = 0; $i < 256; $i++) $all .= chr($i);
    return [
        'str'        => ['hello world', 0],
        'binary'     => [$all . $all, 0],
        'empty'      => ['', 0],
        'numstr'     => ['123', 0],
        'int'        => [42, 0],
        'negint'     => [-42, 0],
        'intmax'     => [PHP_INT_MAX, 0],
        'intmin'     => [PHP_INT_MIN, 0],
        'float'      => [1.5, 0],
        'third'      => [1/3, 0],
        'big'        => [1e100, 0],
        'tiny'       => [-2.5e-7, 0],
        'negzero'    => [-0.0, 0],
        'inf'        => [INF, 0],
        'true'       => [true, 0],
        'false'      => [false, 0],
        'null'       => [null, 0],
        'nested'     => [['a' => [1, [2, 'x']], 'b' => null, 7 => 1.25, 'c' => true], 0],
        'object'     => [$o, 0],
        'userobj'    => [$u, 0],
        'text30k'    => [str_repeat('abcdefghij', 3000), 0],
        'array30k'   => [array_fill(0, 3000, 'repeated'), 0],
        'user1'      => ['abc', MEMCACHE_USER1],
        'user2int'   => [5, MEMCACHE_USER2],
        'user34'     => ['xyz', MEMCACHE_USER3 | MEMCACHE_USER4],
        'user1bool'  => [true, MEMCACHE_USER1],
        'user4float' => [0.1, MEMCACHE_USER4],
        'user2arr'   => [[1, 2], MEMCACHE_USER2],
        'usercomp'   => [str_repeat('hello ', 100), MEMCACHE_USER1 | MEMCACHE_COMPRESSED],
        'compsmall'  => [str_repeat('ab', 50), MEMCACHE_COMPRESSED],
        'compint'    => [77, MEMCACHE_COMPRESSED],
    ];
}
function describe260($v) {
    if (is_string($v)) {
        return 'string(' . strlen($v) . ') ' . (strlen($v) <= 40 && preg_match('/^[\x20-\x7e]*$/', $v) ? "\"$v\"" : 'md5:' . md5($v));
    }
    $s = serialize($v);
    return strlen($s) <= 100 ? $s : gettype($v) . ' md5:' . md5($s);
}
function read260($prefix) {
    global $host, $port;
    $m = new Memcache;
    $m->addServer($host, $port);
    $out = '';
    foreach (values260() as $name => [$v, $f]) {
        $flags = null;
        $single = $m->get($prefix . $name, $flags);
        $multi = $m->get([$prefix . $name]);
        $found = array_key_exists($prefix . $name, $multi);
        $same = $found && serialize($multi[$prefix . $name]) === serialize($v) ? 'same' : 'DIFF';
        $out .= sprintf("%-10s %s flags=%-6s single=%s multi=%s\n", $name, $same, var_export($flags, true),
                        describe260($single), $found ? describe260($multi[$prefix . $name]) : 'MISSING');
    }
    return $out;
}
PHP;
eval($common);

$m = test_connect1();
foreach (values260() as $name => [$v, $f]) {
    if (!$m->set("260_$name", $v, $f)) echo "set failed: $name\n";
}
$ours = read260('260_');
$theirs = run_with_c_extension($common . "\necho read260('260_');\n");
echo $theirs;
var_dump($theirs === $ours);
if ($theirs !== $ours) echo "--- ours ---\n", $ours;
foreach (array_keys(values260()) as $name) $m->delete("260_$name");
?>
--EXPECT--
str        same flags=0      single=string(11) "hello world" multi=string(11) "hello world"
binary     same flags=0      single=string(512) md5:f5c8e3c31c044bae0e65569560b54332 multi=string(512) md5:f5c8e3c31c044bae0e65569560b54332
empty      same flags=0      single=string(0) "" multi=string(0) ""
numstr     same flags=0      single=string(3) "123" multi=string(3) "123"
int        same flags=768    single=i:42; multi=i:42;
negint     same flags=768    single=i:-42; multi=i:-42;
intmax     same flags=768    single=i:9223372036854775807; multi=i:9223372036854775807;
intmin     same flags=768    single=i:-9223372036854775808; multi=i:-9223372036854775808;
float      same flags=1792   single=d:1.5; multi=d:1.5;
third      DIFF flags=1792   single=d:0.33333333333333; multi=d:0.33333333333333;
big        same flags=1792   single=d:1.0E+100; multi=d:1.0E+100;
tiny       same flags=1792   single=d:-2.5E-7; multi=d:-2.5E-7;
negzero    same flags=1792   single=d:-0; multi=d:-0;
inf        same flags=1792   single=d:INF; multi=d:INF;
true       same flags=256    single=b:1; multi=b:1;
false      same flags=256    single=b:0; multi=b:0;
null       same flags=1      single=b:0; multi=N;
nested     same flags=1      single=a:4:{s:1:"a";a:2:{i:0;i:1;i:1;a:2:{i:0;i:2;i:1;s:1:"x";}}s:1:"b";N;i:7;d:1.25;s:1:"c";b:1;} multi=a:4:{s:1:"a";a:2:{i:0;i:1;i:1;a:2:{i:0;i:2;i:1;s:1:"x";}}s:1:"b";N;i:7;d:1.25;s:1:"c";b:1;}
object     same flags=1      single=object md5:92bfaeb7c9fdde249202973a455b0efb multi=object md5:92bfaeb7c9fdde249202973a455b0efb
userobj    same flags=1      single=object md5:07dbd777c55b1d5f07733413a4b4a3ef multi=object md5:07dbd777c55b1d5f07733413a4b4a3ef
text30k    same flags=2      single=string(30000) md5:cb30c082a4f37714a6b0cc1249f6ea44 multi=string(30000) md5:cb30c082a4f37714a6b0cc1249f6ea44
array30k   same flags=3      single=array md5:ce2f28520e95265db26b031eac676dc0 multi=array md5:ce2f28520e95265db26b031eac676dc0
user1      same flags=65536  single=string(3) "abc" multi=string(3) "abc"
user2int   same flags=131840 single=i:5; multi=i:5;
user34     same flags=786432 single=string(3) "xyz" multi=string(3) "xyz"
user1bool  same flags=65792  single=b:1; multi=b:1;
user4float same flags=526080 single=d:0.1; multi=d:0.1;
user2arr   same flags=131073 single=a:2:{i:0;i:1;i:1;i:2;} multi=a:2:{i:0;i:1;i:1;i:2;}
usercomp   same flags=65538  single=string(600) md5:52346fdcf9846a2ad3f44699e70f78ab multi=string(600) md5:52346fdcf9846a2ad3f44699e70f78ab
compsmall  same flags=2      single=string(100) md5:3b9392ecd8959fa6d0c4aef498885706 multi=string(100) md5:3b9392ecd8959fa6d0c4aef498885706
compint    same flags=768    single=i:77; multi=i:77;
bool(true)