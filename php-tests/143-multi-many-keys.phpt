--TEST--
Many keys in one call: 300-key array set, multi get, multi increment and multi delete on one server (upstream tests 041/042)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$data = [];
for ($i = 0; $i < 300; $i++) {
    $data["k143_$i"] = $i;
}
var_dump($m->set($data));

$keys = array_keys($data);
$r = $m->get($keys, $flags);
var_dump(count($r), $r === $data, array_keys($r) === $keys, count($flags), array_values(array_unique($flags)));

// reversed request order comes back reversed (one server)
$rev = array_reverse($keys);
var_dump(array_keys($m->get($rev)) === $rev);

$inc = $m->increment($keys, 10);
var_dump(count($inc), $inc['k143_0'], $inc['k143_299']);

var_dump($m->delete($keys));
var_dump($m->get($keys));
var_dump($m->delete($keys));

// long keys in a long list: the request line is far above 4096 bytes
$long = [];
for ($i = 0; $i < 100; $i++) {
    $long[sprintf('k143_long_%03d_', $i) . str_repeat('z', 200)] = "v$i";
}
var_dump($m->set($long));
$r = $m->get(array_keys($long));
var_dump(count($r), $r === $long);
var_dump($m->delete(array_keys($long)));
?>
--EXPECT--
bool(true)
int(300)
bool(true)
bool(true)
int(300)
array(1) {
  [0]=>
  int(768)
}
bool(true)
int(300)
int(10)
int(309)
bool(true)
array(0) {
}
bool(false)
bool(true)
int(100)
bool(true)
bool(true)
