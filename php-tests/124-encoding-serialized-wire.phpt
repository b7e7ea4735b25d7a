--TEST--
Arrays, objects and resources are PHP-serialize()d with flags 1; exact bytes on the wire; read back intact
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) ?? ['MISS', ''];
}

class Point { public $x = 1; protected $y = 2; private $z = 3; }

$m = test_connect1();
$o = new stdClass; $o->x = 1;

$m->set('k124_arr', [1, 2, 'a' => 'b']);
var_dump(raw_get('k124_arr'));
$m->set('k124_obj', $o);
var_dump(raw_get('k124_obj'));
$m->set('k124_emptyarr', []);
var_dump(raw_get('k124_emptyarr'));

$nested = ['list' => [1, [2, [3, ['deep' => true]]]], 'f' => 1.5, 'n' => null, 'o' => $o, 's' => "x\0y"];
$m->set('k124_nested', $nested);
[$flags, $bytes] = raw_get('k124_nested');
var_dump($flags, $bytes === serialize($nested));
var_dump($m->get('k124_nested') == $nested);

$p = new Point;
$m->set('k124_point', $p);
[$flags, $bytes] = raw_get('k124_point');
var_dump($flags, $bytes === serialize($p));
var_dump($m->get('k124_point'));

// a resource serializes as i:0;
$fh = fopen('php://memory', 'r');
var_dump($m->set('k124_res', $fh));
var_dump(raw_get('k124_res'));
var_dump($m->get('k124_res'));

// user flags combine with the serialized bit
$m->set('k124_user', ['u' => 1], MEMCACHE_USER3);
var_dump(raw_get('k124_user'));
var_dump($m->get('k124_user', $f), $f);
?>
--EXPECTF--
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(38) "a:3:{i:0;i:1;i:1;i:2;s:1:"a";s:1:"b";}"
}
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(31) "O:8:"stdClass":1:{s:1:"x";i:1;}"
}
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(6) "a:0:{}"
}
int(1)
bool(true)
bool(true)
int(1)
bool(true)
object(Point)#%d (3) {
  ["x"]=>
  int(1)
  ["y":protected]=>
  int(2)
  ["z":"Point":private]=>
  int(3)
}
bool(true)
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(4) "i:0;"
}
int(0)
array(2) {
  [0]=>
  int(262145)
  [1]=>
  string(18) "a:1:{s:1:"u";i:1;}"
}
array(1) {
  ["u"]=>
  int(1)
}
int(262145)
