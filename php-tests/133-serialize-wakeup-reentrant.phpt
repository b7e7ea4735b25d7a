--TEST--
__wakeup()/__unserialize() calling get()/set() on the same single-server pool during single and multi get (re-entrancy, upstream test 045)
--FILE--
<?php
include __DIR__ . '/connect.inc';

$log = [];
class Nested {
    public $name;
    function __construct($n) { $this->name = $n; }
    function __wakeup() {
        global $memcache, $log;
        $log[] = "wakeup {$this->name} saw " . var_export($memcache->get('k133_plain'), true);
    }
}
class NestedMulti {
    function __serialize(): array { return []; }
    function __unserialize(array $a): void {
        global $memcache, $log;
        $r = $memcache->get(['k133_plain', 'k133_arr']);
        ksort($r);
        $log[] = 'unserialize saw ' . json_encode($r);
        // a write from inside the callback
        $log[] = 'set in callback: ' . var_export($memcache->set('k133_written', 'from-callback'), true);
    }
}
class DeepNested {
    function __wakeup() {
        global $memcache, $log;
        // get() of another object whose __wakeup calls get() again
        $inner = $memcache->get('k133_obj1');
        $log[] = 'deep got ' . get_class($inner);
    }
}
function show_log() {
    global $log;
    sort($log);
    echo implode("\n", $log), "\n";
    $log = [];
}

$memcache = test_connect1();
$memcache->delete('k133_written');
var_dump($memcache->set('k133_obj1', new Nested('one')));
var_dump($memcache->set('k133_obj2', new Nested('two')));
var_dump($memcache->set('k133_arr', [123]));
var_dump($memcache->set('k133_plain', 'plain'));
var_dump($memcache->set('k133_multi', new NestedMulti));
var_dump($memcache->set('k133_deep', new DeepNested));

echo "-- single get --\n";
var_dump($memcache->get('k133_obj1')->name);
show_log();

echo "-- multi get --\n";
$r = $memcache->get(['k133_obj1', 'k133_arr', 'k133_obj2', 'k133_plain'], $flags);
show_log();
ksort($r); ksort($flags);
var_dump(array_keys($r), $r['k133_obj1']->name, $r['k133_obj2']->name, $r['k133_arr'], $r['k133_plain'], $flags);

echo "-- multi get inside __unserialize, set inside __unserialize --\n";
$r = $memcache->get(['k133_multi', 'k133_plain']);
show_log();
ksort($r);
var_dump(array_keys($r));
var_dump($memcache->get('k133_written'));

echo "-- two levels deep --\n";
var_dump(get_class($memcache->get('k133_deep')));
show_log();
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- single get --
string(3) "one"
wakeup one saw 'plain'
-- multi get --
wakeup one saw 'plain'
wakeup two saw 'plain'
array(4) {
  [0]=>
  string(8) "k133_arr"
  [1]=>
  string(9) "k133_obj1"
  [2]=>
  string(9) "k133_obj2"
  [3]=>
  string(10) "k133_plain"
}
string(3) "one"
string(3) "two"
array(1) {
  [0]=>
  int(123)
}
string(5) "plain"
array(4) {
  ["k133_arr"]=>
  int(1)
  ["k133_obj1"]=>
  int(1)
  ["k133_obj2"]=>
  int(1)
  ["k133_plain"]=>
  int(0)
}
-- multi get inside __unserialize, set inside __unserialize --
set in callback: true
unserialize saw {"k133_arr":[123],"k133_plain":"plain"}
array(2) {
  [0]=>
  string(10) "k133_multi"
  [1]=>
  string(10) "k133_plain"
}
string(13) "from-callback"
-- two levels deep --
string(10) "DeepNested"
deep got Nested
wakeup one saw 'plain'
