--TEST--
Value encoding on the wire for strings, ints, bools and null: exact flags and bytes via a raw socket, and read back via get
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    $item = test_raw_get($key);
    return $item === null ? 'MISS'
        : "flags=$item[0] len=" . strlen($item[1]) . ' data=' . json_encode($item[1]);
}

$m = test_connect1();
$cases = [
    'str'     => 'hello',
    'empty'   => '',
    'numstr'  => '123',
    'binary'  => "a\0b\r\nc",
    'utf8'    => "h\u{e9}llo",
    'int'     => 123,
    'negint'  => -42,
    'zero'    => 0,
    'intmax'  => PHP_INT_MAX,
    'intmin'  => PHP_INT_MIN,
    'true'    => true,
    'false'   => false,
    'null'    => null,
];
foreach ($cases as $name => $v) {
    $k = "k122_$name";
    $ok = $m->set($k, $v);
    $flags = null;
    $back = $m->get([$k], $flags);
    printf("%-7s set=%s %s | get %s flags=%s\n", $name, json_encode($ok), raw_get($k),
        array_key_exists($k, $back) && $back[$k] === $v ? 'identical' : 'DIFFERENT: ' . var_export($back, true),
        json_encode($flags[$k] ?? null));
}
// single-key get of each type
var_dump($m->get('k122_int'), $m->get('k122_negint'), $m->get('k122_intmin'), $m->get('k122_true'), $m->get('k122_numstr'), $m->get('k122_empty'));
?>
--EXPECT--
str     set=true flags=0 len=5 data="hello" | get identical flags=0
empty   set=true flags=0 len=0 data="" | get identical flags=0
numstr  set=true flags=0 len=3 data="123" | get identical flags=0
binary  set=true flags=0 len=6 data="a\u0000b\r\nc" | get identical flags=0
utf8    set=true flags=0 len=6 data="h\u00e9llo" | get identical flags=0
int     set=true flags=768 len=3 data="123" | get identical flags=768
negint  set=true flags=768 len=3 data="-42" | get identical flags=768
zero    set=true flags=768 len=1 data="0" | get identical flags=768
intmax  set=true flags=768 len=19 data="9223372036854775807" | get identical flags=768
intmin  set=true flags=768 len=20 data="-9223372036854775808" | get identical flags=768
true    set=true flags=256 len=1 data="1" | get identical flags=256
false   set=true flags=256 len=1 data="0" | get identical flags=256
null    set=true flags=1 len=2 data="N;" | get identical flags=1
int(123)
int(-42)
int(-9223372036854775808)
bool(true)
string(3) "123"
string(0) ""
