--TEST--
Key sanitising: bytes <= 0x20 (space, tab, CR, LF, NUL, other controls) become "_", DEL and UTF-8 are kept; prepared keys in results
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    $item = test_raw_get($key);
    return $item === null ? 'MISS' : "$key=$item[1]";
}

$m = test_connect1();
$m->delete('k135_a_b');

echo "-- all of these are the same key k135_a_b --\n";
var_dump($m->set("k135_a b", 'space'));
var_dump(raw_get('k135_a_b'));
foreach (["k135_a\tb", "k135_a\nb", "k135_a\rb", "k135_a\0b", "k135_a\x01b", "k135_a\x1fb", "k135_a b", "k135_a_b"] as $k) {
    var_dump($m->get($k));
}
var_dump($m->set("k135_a\0b", 'nul'));
var_dump($m->get('k135_a_b'));

echo "-- the upstream strange key --\n";
var_dump($m->set("test\r\n\0 - really strange key k135", 'strange'));
var_dump(raw_get('test____-_really_strange_key_k135'));
var_dump($m->get("test\r\n\0 - really strange key k135"));
var_dump(memcache_get($m, "test\r\n\0 - really strange key k135"));

echo "-- DEL (0x7f) and bytes >= 0x80 are kept --\n";
var_dump($m->set("k135_del\x7f", 'del'));
var_dump($m->get("k135_del_"));
var_dump($m->get("k135_del\x7f"));
var_dump($m->set("k135_\u{e9}t\u{e9}", 'utf8'));
var_dump(raw_get("k135_\u{e9}t\u{e9}"));
var_dump($m->get("k135_\u{e9}t\u{e9}"));

echo "-- result arrays use the prepared keys --\n";
$r = $m->get(["k135_a b", "k135_a\nb", "k135_del\x7f"], $flags);
var_dump(array_map('bin2hex', array_keys($r)), array_values($r), array_map('bin2hex', array_keys($flags)));
var_dump($m->set('k135_n', 1));
$r = $m->increment(["k135 n", "k135\tn"]);
var_dump($r);

echo "-- array-form set and delete use the same rules --\n";
var_dump($m->set(["k135_x y" => 'xy', "k135_x\tz" => 'xz']));
var_dump($m->get(['k135_x_y', 'k135_x_z']));
var_dump($m->delete("k135_x\ny"));
var_dump($m->get('k135_x_y'));
?>
--EXPECT--
-- all of these are the same key k135_a_b --
bool(true)
string(14) "k135_a_b=space"
string(5) "space"
string(5) "space"
string(5) "space"
string(5) "space"
string(5) "space"
string(5) "space"
string(5) "space"
string(5) "space"
bool(true)
string(3) "nul"
-- the upstream strange key --
bool(true)
string(41) "test____-_really_strange_key_k135=strange"
string(7) "strange"
string(7) "strange"
-- DEL (0x7f) and bytes >= 0x80 are kept --
bool(true)
bool(false)
string(3) "del"
bool(true)
string(15) "k135_été=utf8"
string(4) "utf8"
-- result arrays use the prepared keys --
array(2) {
  [0]=>
  string(16) "6b3133355f615f62"
  [1]=>
  string(18) "6b3133355f64656c7f"
}
array(2) {
  [0]=>
  string(3) "nul"
  [1]=>
  string(3) "del"
}
array(2) {
  [0]=>
  string(16) "6b3133355f615f62"
  [1]=>
  string(18) "6b3133355f64656c7f"
}
bool(true)
array(1) {
  ["k135_n"]=>
  int(3)
}
-- array-form set and delete use the same rules --
bool(true)
array(2) {
  ["k135_x_y"]=>
  string(2) "xy"
  ["k135_x_z"]=>
  string(2) "xz"
}
bool(true)
bool(false)
