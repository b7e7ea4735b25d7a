--TEST--
getStats('items') / getStats('slabs') / getStats('reset'): nested array shapes with int slab ids and string leaves
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die("skip stats are not supported in binary (getStats('items') etc. are false), covered by php-tests/150-binary-protocol-semantics.phpt");
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('246_small', 'small value'));

$items = $m->getStats('items');
var_dump(array_keys($items));
var_dump(is_array($items['items']), isset($items['items'][1]));
$ids = array_keys($items['items']);
var_dump(count(array_filter($ids, 'is_int')) === count($ids));
$slab1 = $items['items'][1];
var_dump(is_string($slab1['number']), (int) $slab1['number'] >= 1, isset($slab1['age']), isset($slab1['evicted']));
$leaves = 0; $strings = 0;
array_walk_recursive($items, function ($v) use (&$leaves, &$strings) { $leaves++; if (is_string($v)) $strings++; });
var_dump($leaves > 10, $leaves === $strings);

$slabs = $m->getStats('slabs');
var_dump(isset($slabs[1]), isset($slabs['active_slabs']), isset($slabs['total_malloced']));
var_dump(is_string($slabs['active_slabs']), (int) $slabs['active_slabs'] >= 1);
var_dump($slabs[1]['chunk_size'], is_string($slabs[1]['used_chunks']));
$leaves = 0; $strings = 0;
array_walk_recursive($slabs, function ($v) use (&$leaves, &$strings) { $leaves++; if (is_string($v)) $strings++; });
var_dump($leaves === $strings);

// procedural and extended forms give the same shapes
var_dump(array_keys(memcache_get_stats($m, 'items')) === ['items']);
$ext = $m->getExtendedStats('slabs');
var_dump(array_keys($ext) === ["$host:$port"], isset($ext["$host:$port"]['active_slabs']));

// reset answers RESET -> true
$m->get('246_small');
var_dump($m->getStats('reset'));
var_dump($m->getStats()['get_hits']);
$m->delete('246_small');
?>
--EXPECT--
bool(true)
array(1) {
  [0]=>
  string(5) "items"
}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(2) "96"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(1) "0"
