--TEST--
Interop: counters, append/prepend and cas tokens work across both extensions on the same items
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$c = fn(string $code) => run_with_c_extension("error_reporting(E_ALL & ~E_DEPRECATED);\n\$m = test_connect1();\n" . $code);

echo "-- counter written by C, incremented by us, read by C --\n";
echo $c('var_dump($m->set("265_cnt", 10));');
var_dump($m->increment('265_cnt', 5));
var_dump($m->get('265_cnt'));
echo $c('var_dump($m->get("265_cnt", $f), $f); var_dump($m->decrement("265_cnt", 3));');
var_dump($m->get('265_cnt', $f), $f);

echo "-- string counter (flags 0) stays a string --\n";
var_dump($m->set('265_scnt', '7'));
echo $c('var_dump($m->increment("265_scnt"), $m->get("265_scnt"));');

echo "-- append/prepend across extensions --\n";
echo $c('var_dump($m->set("265_str", "mid"));');
var_dump($m->append('265_str', '-end'), $m->prepend('265_str', 'start-'));
echo $c('var_dump($m->get("265_str")); var_dump($m->append("265_str", "!"));');
var_dump($m->get('265_str'));

echo "-- cas token from one extension accepted by the other --\n";
var_dump($m->set('265_cas', 'v1'));
$f = null; $cas = null;
var_dump($m->get('265_cas', $f, $cas));
echo $c('var_dump($m->cas("265_cas", "v2", 0, 0, ' . (int) $cas . '));'
      . 'var_dump($m->cas("265_cas", "v3", 0, 0, ' . (int) $cas . '));');
var_dump($m->get('265_cas'));
$out = $c('$f = null; $cas = null; $v = $m->get("265_cas", $f, $cas); echo $cas, "\n";');
var_dump($m->cas('265_cas', 'v4', 0, 0, (int) trim($out)));
var_dump($m->get('265_cas'));

foreach (['265_cnt', '265_scnt', '265_str', '265_cas'] as $k) $m->delete($k);
?>
--EXPECT--
-- counter written by C, incremented by us, read by C --
bool(true)
int(15)
int(15)
int(15)
int(768)
int(12)
int(12)
int(768)
-- string counter (flags 0) stays a string --
bool(true)
int(8)
string(1) "8"
-- append/prepend across extensions --
bool(true)
bool(true)
bool(true)
string(13) "start-mid-end"
bool(true)
string(14) "start-mid-end!"
-- cas token from one extension accepted by the other --
bool(true)
string(2) "v1"
bool(true)
bool(false)
string(2) "v2"
bool(true)
string(2) "v4"
