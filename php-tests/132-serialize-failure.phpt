--TEST--
Serialization failures: __sleep/__serialize throwing and Closure give "Failed to serialize value" and the exception propagates; nothing is stored (githubbug53)
--FILE--
<?php
include __DIR__ . '/connect.inc';

class BadSleep { public $a = 1; function __sleep() { throw new Exception('sleep failed'); } }
class BadSerialize { function __serialize(): array { throw new RuntimeException('serialize failed'); } }

$m = test_connect1();
var_dump($m->set('k132', 'orig'));

$r = 'not assigned';
try {
    $r = $m->set('k132', new BadSleep);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($r);
var_dump($m->get('k132'));

try {
    $m->add('k132_new', new BadSerialize);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($m->get('k132_new'));

try {
    memcache_replace($m, 'k132', new BadSleep);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($m->get('k132'));

echo "-- Closure --\n";
try {
    $m->set('k132', function () { return 1; });
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($m->get('k132'));
try {
    memcache_set($m, 'k132', fn() => 2);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($m->get('k132'));

echo "-- the pool keeps working --\n";
var_dump($m->set('k132', 'after'));
var_dump($m->get('k132'));

echo "-- uncaught: the exception escapes the script (githubbug53) --\n";
$m->set('k132', new BadSleep);
echo "not reached\n";
?>
--EXPECTF--
bool(true)

Warning: MemcachePool::set(): Failed to serialize value in %s on line %d
Exception: sleep failed
string(12) "not assigned"
string(4) "orig"

Warning: MemcachePool::add(): Failed to serialize value in %s on line %d
RuntimeException: serialize failed
bool(false)

Warning: memcache_replace(): Failed to serialize value in %s on line %d
Exception: sleep failed
string(4) "orig"
-- Closure --

Warning: MemcachePool::set(): Failed to serialize value in %s on line %d
Exception: Serialization of 'Closure' is not allowed
string(4) "orig"

Warning: memcache_set(): Failed to serialize value in %s on line %d
Exception: Serialization of 'Closure' is not allowed
string(4) "orig"
-- the pool keeps working --
bool(true)
string(5) "after"
-- uncaught: the exception escapes the script (githubbug53) --

Warning: MemcachePool::set(): Failed to serialize value in %s on line %d

Fatal error: Uncaught Exception: sleep failed in %s:%d
Stack trace:
#0 [internal function]: BadSleep->__sleep()
#1 %s(%d): MemcachePool->set('k132', Object(BadSleep))
#2 {main}
  thrown in %s on line %d
