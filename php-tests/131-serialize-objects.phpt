--TEST--
Objects and nested structures round-trip through serialize(): __sleep/__wakeup, __serialize/__unserialize, references, self-reference, unknown classes
--FILE--
<?php
include __DIR__ . '/connect.inc';

class WithSleep {
    public $keep = 'k';
    public $drop = 'd';
    public $woke = false;
    function __sleep() { echo "__sleep\n"; return ['keep']; }
    function __wakeup() { echo "__wakeup\n"; $this->woke = true; }
}
class WithSerialize {
    public $data;
    function __construct($d) { $this->data = $d; }
    function __serialize(): array { echo "__serialize\n"; return ['d' => $this->data]; }
    function __unserialize(array $a): void { echo "__unserialize\n"; $this->data = strtoupper($a['d']); }
}
class SelfRef { public $self; public $n = 5; }
class Warn { public $a = 1; function __sleep() { return ['a', 'missing']; } }

$m = test_connect1();

echo "-- __sleep / __wakeup --\n";
var_dump($m->set('k131_sleep', new WithSleep));
var_dump($m->get('k131_sleep'));

echo "-- __serialize / __unserialize --\n";
var_dump($m->set('k131_ser', new WithSerialize('abc')));
var_dump($m->get('k131_ser')->data);
var_dump($m->get(['k131_ser'])['k131_ser']->data);

echo "-- nested arrays with references and objects --\n";
$inner = ['x' => 1];
$nested = ['a' => &$inner, 'b' => &$inner, 'list' => [[[[1]]]], 'obj' => new ArrayObject([1, 2])];
var_dump($m->set('k131_nested', $nested));
$back = $m->get('k131_nested');
$back['a']['x'] = 99;
var_dump($back['b']['x']);            // reference preserved
var_dump($back['list'][0][0][0][0], get_class($back['obj']), count($back['obj']));

echo "-- self-referencing object, read repeatedly (pecl #63142) --\n";
$o = new SelfRef; $o->self = $o;
var_dump($m->set('k131_selfref', $o));
for ($i = 0; $i < 3; $i++) {
    $b = $m->get('k131_selfref');
    var_dump($b->self === $b && $b->self->n === 5);
}

echo "-- a class unknown to the reader becomes __PHP_Incomplete_Class --\n";
var_dump($m->set('k131_unknown', 'dummy'));
global $host, $port;
$s = stream_socket_client("tcp://$host:$port");
$payload = 'O:12:"NoSuchClass1":1:{s:1:"p";i:7;}';
fwrite($s, "set k131_unknown 1 0 " . strlen($payload) . "\r\n$payload\r\n");
var_dump(trim(fgets($s)));
$u = $m->get('k131_unknown');
var_dump(get_class($u));

echo "-- warnings raised by the serializer carry the method prefix --\n";
var_dump($m->set('k131_warn', new Warn));
var_dump($m->get('k131_warn'));
?>
--EXPECTF--
-- __sleep / __wakeup --
__sleep
bool(true)
__wakeup
object(WithSleep)#%d (3) {
  ["keep"]=>
  string(1) "k"
  ["drop"]=>
  string(1) "d"
  ["woke"]=>
  bool(true)
}
-- __serialize / __unserialize --
__serialize
bool(true)
__unserialize
string(3) "ABC"
__unserialize
string(3) "ABC"
-- nested arrays with references and objects --
bool(true)
int(99)
int(1)
string(11) "ArrayObject"
int(2)
-- self-referencing object, read repeatedly (pecl #63142) --
bool(true)
bool(true)
bool(true)
bool(true)
-- a class unknown to the reader becomes __PHP_Incomplete_Class --
bool(true)
string(6) "STORED"
string(22) "__PHP_Incomplete_Class"
-- warnings raised by the serializer carry the method prefix --

Warning: MemcachePool::set(): "missing" returned as member variable from __sleep() but does not exist in %s on line %d
bool(true)
object(Warn)#%d (1) {
  ["a"]=>
  int(1)
}
