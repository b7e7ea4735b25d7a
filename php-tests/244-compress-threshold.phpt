--TEST--
setCompressThreshold(): validation texts (threshold applied before the min_savings check), effect on auto-compression, procedural form
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$v = str_repeat('a', 200);
function flags($m, $v) {
    $m->set('244_a', $v);
    $f = null;
    $got = $m->get('244_a', $f);
    return [$f, $got === $v];
}

echo "default threshold 20000: "; var_dump(flags($m, $v));
var_dump($m->setCompressThreshold(-1));
echo "after invalid threshold: "; var_dump(flags($m, $v));
var_dump($m->setCompressThreshold(100, 1.5));   // threshold applied, then warning
echo "threshold 100 applied: "; var_dump(flags($m, $v));
var_dump($m->setCompressThreshold(100, -0.1));
var_dump($m->setCompressThreshold(100, 1.0));   // min_savings 1: never compress
echo "min_savings 1.0: "; var_dump(flags($m, $v));
var_dump($m->setCompressThreshold(0));          // 0 disables auto-compression
echo "threshold 0: "; var_dump(flags($m, $v));
var_dump($m->set('244_b', $v, MEMCACHE_COMPRESSED));   // explicit flag still compresses
$f = null; var_dump($m->get('244_b', $f) === $v, $f);
var_dump($m->setCompressThreshold(200));
echo "length == threshold: "; var_dump(flags($m, $v));
echo "length < threshold: "; var_dump(flags($m, substr($v, 1)));

echo "-- procedural --\n";
var_dump(memcache_set_compress_threshold($m, 100, 0));
echo "min_savings 0: "; var_dump(flags($m, $v));
var_dump(memcache_set_compress_threshold($m, -5));
var_dump(memcache_set_compress_threshold($m, 100, 2));

foreach ([fn() => $m->setCompressThreshold(), fn() => $m->setCompressThreshold('x'),
          fn() => memcache_set_compress_threshold('x', 1)] as $f) {
    try { $f(); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
$m->delete('244_a'); $m->delete('244_b');
?>
--EXPECTF--
default threshold 20000: array(2) {
  [0]=>
  int(0)
  [1]=>
  bool(true)
}

Warning: MemcachePool::setcompressthreshold(): threshold must be a positive integer in %s on line %d
bool(false)
after invalid threshold: array(2) {
  [0]=>
  int(0)
  [1]=>
  bool(true)
}

Warning: MemcachePool::setcompressthreshold(): min_savings must be a float in the 0..1 range in %s on line %d
bool(false)
threshold 100 applied: array(2) {
  [0]=>
  int(2)
  [1]=>
  bool(true)
}

Warning: MemcachePool::setcompressthreshold(): min_savings must be a float in the 0..1 range in %s on line %d
bool(false)
bool(true)
min_savings 1.0: array(2) {
  [0]=>
  int(0)
  [1]=>
  bool(true)
}
bool(true)
threshold 0: array(2) {
  [0]=>
  int(0)
  [1]=>
  bool(true)
}
bool(true)
bool(true)
int(2)
bool(true)
length == threshold: array(2) {
  [0]=>
  int(2)
  [1]=>
  bool(true)
}
length < threshold: array(2) {
  [0]=>
  int(0)
  [1]=>
  bool(true)
}
-- procedural --
bool(true)
min_savings 0: array(2) {
  [0]=>
  int(2)
  [1]=>
  bool(true)
}

Warning: memcache_set_compress_threshold(): threshold must be a positive integer in %s on line %d
bool(false)

Warning: memcache_set_compress_threshold(): min_savings must be a float in the 0..1 range in %s on line %d
bool(false)
ArgumentCountError: MemcachePool::setcompressthreshold() expects at least 1 argument, 0 given
TypeError: MemcachePool::setcompressthreshold(): Argument #1 ($threshold) must be of type int, string given
TypeError: memcache_set_compress_threshold(): Argument #1 ($memcache) must be of type MemcachePool, string given
