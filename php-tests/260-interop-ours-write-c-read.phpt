--TEST--
Interop: every value type written by this extension is read back identically (value, type, flags) by the C extension
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// shared by both processes: the class of the value table's object (interop_values())
$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
class Interop260 { public $a = 1; protected $b = [2, 'two']; private $c = 'three'; public $d; }
PHP;
eval($common);

$m = test_connect1();
foreach (interop_values('Interop260') as $name => [$v, $f]) {
    if (!$m->set("260_$name", $v, $f)) echo "set failed: $name\n";
}
$ours = interop_read('260_', 'Interop260');
$theirs = run_with_c_extension($common . "\necho interop_read('260_', 'Interop260');\n");
echo $theirs;
var_dump($theirs === $ours);
if ($theirs !== $ours) echo "--- ours ---\n", $ours;
foreach (array_keys(interop_values('Interop260')) as $name) $m->delete("260_$name");
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