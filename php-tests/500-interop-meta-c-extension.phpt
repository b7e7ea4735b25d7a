--TEST--
Interop of memcache.protocol=meta with the C extension: every value type written by this extension over meta is read back identically (value, type, flags) by the C extension over ascii and over binary, and every value the C extension writes over ascii or binary is read identically by this extension over meta
--DESCRIPTION--
This process speaks meta whatever the suite's protocol (the INI section): the test is about the
bytes and flags meta stores, which must be the other protocols' items. The value table and
interop_read() (a single and a multi get of each value) are c-extension.inc's; both sides'
reads must print the same lines.
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
memcache.protocol=meta
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// shared by every process: the class of the value table's object (interop_values())
$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
class Interop500 { public $a = 1; protected $b = [2, 'two']; private $c = 'three'; public $d; }
PHP;
eval($common);
echo 'this process: ', test_protocol(), "\n";

echo "-- written over meta --\n";
$m = test_connect1();
foreach (interop_values('Interop500') as $name => [$v, $f]) {
    if (!$m->set("500_$name", $v, $f)) echo "set failed: $name\n";
}
$ours = interop_read('500_', 'Interop500');
echo $ours;
foreach (['ascii', 'binary'] as $protocol) {
    $theirs = run_with_c_extension($common . "\necho interop_read('500_', 'Interop500');\n", $protocol);
    echo "C extension over $protocol reads the same: ", var_export($theirs === $ours, true), "\n";
    if ($theirs !== $ours) echo $theirs;
}

foreach (['ascii', 'binary'] as $protocol) {
    echo "-- written by the C extension over $protocol --\n";
    foreach (array_keys(interop_values('Interop500')) as $name) $m->delete("500_$name");
    echo run_with_c_extension($common . <<<'PHP'

$c = new Memcache;
$c->addServer($host, $port);
foreach (interop_values('Interop500') as $name => [$v, $f]) {
    if (!$c->set("500_$name", $v, $f)) echo "C set failed: $name\n";
}
echo 'written over ', ini_get('memcache.protocol'), "\n";
PHP, $protocol);
    $read = interop_read('500_', 'Interop500');
    echo 'read over meta as the meta writes read: ', var_export($read === $ours, true), "\n";
    if ($read !== $ours) echo $read;
}
foreach (array_keys(interop_values('Interop500')) as $name) $m->delete("500_$name");
?>
--EXPECT--
this process: meta
-- written over meta --
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
userobj    same flags=1      single=object md5:e211ee75dfe9a3e51a296a46a100c330 multi=object md5:e211ee75dfe9a3e51a296a46a100c330
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
C extension over ascii reads the same: true
C extension over binary reads the same: true
-- written by the C extension over ascii --
written over ascii
read over meta as the meta writes read: true
-- written by the C extension over binary --
written over binary
read over meta as the meta writes read: true
