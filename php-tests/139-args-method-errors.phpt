--TEST--
Argument errors on data methods: TypeError and ArgumentCountError texts, "Wrong parameter count" for a missing value
--FILE--
<?php
include __DIR__ . '/connect.inc';

function t(callable $f) {
    try {
        $r = $f();
        echo "returned ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$m = test_connect1();
$m->set('k139', 'orig');

echo "-- missing value with a scalar key --\n";
t(fn() => $m->set('k139'));
t(fn() => $m->add('k139'));
t(fn() => $m->replace('k139'));
t(fn() => $m->cas('k139'));
t(fn() => $m->append('k139'));
t(fn() => $m->prepend('k139'));
var_dump($m->get('k139'));

echo "-- argument counts --\n";
t(fn() => $m->set());
t(fn() => $m->add());
t(fn() => $m->set('k139', 1, 0, 0, 0, 0));
t(fn() => $m->cas('k139', 1, 0, 0, 0, 0));
t(fn() => $m->get());
t(fn() => $m->get('k139', $a, $b, 4));
t(fn() => $m->delete());
t(fn() => $m->delete('k139', 0, 0));
t(fn() => $m->increment());
t(fn() => $m->decrement('k139', 1, 0, 0, 0));
t(fn() => $m->setCompressThreshold());
t(fn() => $m->setCompressThreshold(1, 0.2, 3));

echo "-- type errors --\n";
t(fn() => $m->set('k139', 1, 'abc'));
t(fn() => $m->set('k139', 1, 0, 'abc'));
t(fn() => $m->set('k139', 1, 0, 0, 'abc'));
t(fn() => $m->add('k139', 1, []));
t(fn() => $m->replace('k139', 1, new stdClass));
t(fn() => $m->cas('k139', 1, 0, 0, [1]));
t(fn() => $m->append('k139', 1, '1abc'));
t(fn() => $m->prepend('k139', 1, 1e20));
t(fn() => $m->set('k139', 1, NAN));
t(fn() => $m->delete('k139', 'x'));
t(fn() => $m->increment('k139', 'x'));
t(fn() => $m->increment('k139', 1, 'x'));
t(fn() => $m->increment('k139', 1, 0, 'x'));
t(fn() => $m->decrement('k139', []));
t(fn() => $m->setCompressThreshold('x'));
t(fn() => $m->setCompressThreshold(1, 'x'));

echo "-- a Memcache object reports the declaring class MemcachePool --\n";
var_dump(get_class($m));
$p = new MemcachePool();
$p->addServer($host, $port);
t(fn() => $p->set('k139'));
t(fn() => $p->get());
var_dump($p->get('k139'));
?>
--EXPECT--
-- missing value with a scalar key --
ArgumentCountError: Wrong parameter count for MemcachePool::set()
ArgumentCountError: Wrong parameter count for MemcachePool::add()
ArgumentCountError: Wrong parameter count for MemcachePool::replace()
ArgumentCountError: Wrong parameter count for MemcachePool::cas()
ArgumentCountError: Wrong parameter count for MemcachePool::append()
ArgumentCountError: Wrong parameter count for MemcachePool::prepend()
string(4) "orig"
-- argument counts --
ArgumentCountError: MemcachePool::set() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::add() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::set() expects at most 5 arguments, 6 given
ArgumentCountError: MemcachePool::cas() expects at most 5 arguments, 6 given
ArgumentCountError: MemcachePool::get() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::get() expects at most 3 arguments, 4 given
ArgumentCountError: MemcachePool::delete() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::delete() expects at most 2 arguments, 3 given
ArgumentCountError: MemcachePool::increment() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::decrement() expects at most 4 arguments, 5 given
ArgumentCountError: MemcachePool::setcompressthreshold() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::setcompressthreshold() expects at most 2 arguments, 3 given
-- type errors --
TypeError: MemcachePool::set(): Argument #3 ($flags) must be of type int, string given
TypeError: MemcachePool::set(): Argument #4 ($exptime) must be of type int, string given
TypeError: MemcachePool::set(): Argument #5 ($cas) must be of type int, string given
TypeError: MemcachePool::add(): Argument #3 ($flags) must be of type int, array given
TypeError: MemcachePool::replace(): Argument #3 ($flags) must be of type int, stdClass given
TypeError: MemcachePool::cas(): Argument #5 ($cas) must be of type int, array given
TypeError: MemcachePool::append(): Argument #3 ($flags) must be of type int, string given
TypeError: MemcachePool::prepend(): Argument #3 ($flags) must be of type int, float given
TypeError: MemcachePool::set(): Argument #3 ($flags) must be of type int, float given
TypeError: MemcachePool::delete(): Argument #2 ($exptime) must be of type int, string given
TypeError: MemcachePool::increment(): Argument #2 ($value) must be of type int, string given
TypeError: MemcachePool::increment(): Argument #3 ($defval) must be of type int, string given
TypeError: MemcachePool::increment(): Argument #4 ($exptime) must be of type int, string given
TypeError: MemcachePool::decrement(): Argument #2 ($value) must be of type int, array given
TypeError: MemcachePool::setcompressthreshold(): Argument #1 ($threshold) must be of type int, string given
TypeError: MemcachePool::setcompressthreshold(): Argument #2 ($min_savings) must be of type float, string given
-- a Memcache object reports the declaring class MemcachePool --
string(8) "Memcache"
ArgumentCountError: Wrong parameter count for MemcachePool::set()
ArgumentCountError: MemcachePool::get() expects at least 1 argument, 0 given
string(4) "orig"
