--TEST--
Non-string keys are converted on a copy (caller's variable unchanged): int, float, true, __toString objects; nested array -> "Array" with warning; object without __toString -> Error
--FILE--
<?php
include __DIR__ . '/connect.inc';

class KeyObj { function __toString(): string { return 'k138_obj'; } }

$m = test_connect1();

echo "-- int / float / bool --\n";
var_dump($m->set(13800, 'int-key'));
var_dump($m->get('13800'));
var_dump($m->get(13800));
var_dump($m->set(138.5, 'float-key'));
var_dump($m->get('138.5'));
var_dump($m->set(1.0E+25, 'exp-float-key'));
var_dump($m->get('1.0E+25'));
var_dump($m->set(true, 'true-key-k138'));
var_dump($m->get('1'));
var_dump(memcache_get($m, true));

echo "-- caller's variables are not modified --\n";
$i = 13800; $f = 138.5; $b = true;
$m->get($i); $m->set($f, 'float-key'); $m->delete($b); $m->add($i, "x"); memcache_get($m, $f);
var_dump($i, $f, $b);
$list = [13800, 138.5];
$m->get($list);
var_dump($list);
$assoc = [13801 => 'v'];
$m->set($assoc);
var_dump($assoc);
var_dump($m->get('13801'));

echo "-- objects with __toString --\n";
$o = new KeyObj;
var_dump($m->set($o, 'obj'));
var_dump($m->get('k138_obj'));
var_dump($m->get($o));
var_dump($m->get([$o]));
var_dump($o instanceof KeyObj);

echo "-- nested array inside a key list becomes \"Array\" --\n";
var_dump($m->set('Array', 'k138-array-value'));
var_dump($m->get([[1, 2]]));
var_dump($m->delete([['x']]));
var_dump($m->get('Array'));

echo "-- objects without __toString --\n";
foreach (['get', 'delete', 'increment', 'decrement'] as $op) {
    try {
        var_dump($m->$op(new stdClass));
    } catch (Error $e) {
        echo "$op: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    var_dump($m->set(new stdClass, 1));
} catch (Error $e) {
    echo "set: ", get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    var_dump(memcache_get($m, new stdClass));
} catch (Error $e) {
    echo "memcache_get: ", get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
-- int / float / bool --
bool(true)
string(7) "int-key"
string(7) "int-key"
bool(true)
string(9) "float-key"
bool(true)
string(13) "exp-float-key"
bool(true)
string(13) "true-key-k138"
string(13) "true-key-k138"
-- caller's variables are not modified --
int(13800)
float(138.5)
bool(true)
array(2) {
  [0]=>
  int(13800)
  [1]=>
  float(138.5)
}
array(1) {
  [13801]=>
  string(1) "v"
}
string(1) "v"
-- objects with __toString --
bool(true)
string(3) "obj"
string(3) "obj"
array(1) {
  ["k138_obj"]=>
  string(3) "obj"
}
bool(true)
-- nested array inside a key list becomes "Array" --
bool(true)

Warning: Array to string conversion in %s on line %d
array(1) {
  ["Array"]=>
  string(16) "k138-array-value"
}

Warning: Array to string conversion in %s on line %d
bool(true)
bool(false)
-- objects without __toString --
%Aget: Error: Object of class stdClass could not be converted to string
%Adelete: Error: Object of class stdClass could not be converted to string
%Aincrement: Error: Object of class stdClass could not be converted to string
%Adecrement: Error: Object of class stdClass could not be converted to string
%Aset: Error: Object of class stdClass could not be converted to string
%Amemcache_get: Error: Object of class stdClass could not be converted to string
