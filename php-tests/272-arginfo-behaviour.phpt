--TEST--
The C extension's arginfo at work: user subclasses with its signatures, skipped named arguments, argument errors named after the declared parameters, extra arguments (passes with Debian's C extension too)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// A subclass written against the C extension's declarations (narrower than ?int / mixed).
class Typed272 extends Memcache
{
    public function set(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool
    {
        return parent::set($key, $value, $flags, $exptime, $cas);
    }

    public function findServer(string $key): string|bool
    {
        return parent::findServer($key);
    }

    public function getStats(string $type = '', int $slabid = 0, int $limit = 100): array|bool
    {
        return parent::getStats($type, $slabid, $limit);
    }
}

$m = new Typed272();
var_dump($m->addServer($host, $port));
var_dump($m->set('272_k', 'v'), $m->get('272_k'), $m->findServer('272_k') === "$host:$port");

// No defaults are declared: a named argument after a skipped optional one is the engine's error.
$plain = test_connect1();
test_show(fn () => $plain->set('272_k', 1, exptime: 5));
test_show(fn () => $plain->get('272_k', cas: $cas));
test_show(fn () => memcache_set($plain, '272_k', 1, exptime: 5));
test_show(fn () => memcache_connect($host, unused4: 1));
test_show(fn () => memcache_add_server($m, $host, failure_callback: 'strlen'));

// Argument errors name the declared parameter, even where the C extension's names are off.
test_show(fn () => memcache_add_server($m, $host, $port, true, 'x'));
test_show(fn () => memcache_add_server($m, $host, $port, true, 1, 1.0, 15, true, null, 'x'));
test_show(fn () => memcache_connect($host, $port, 1.0, 'x'));
test_show(fn () => $m->setServerParams($host, 'x'));

// memcache_debug() declares $on_off but takes any number of arguments; methods without
// parameters ignore extra ones (but not unknown named ones).
var_dump(@memcache_debug(), @memcache_debug(1, 2, 3));
var_dump($m->delete('272_k'));
var_dump(is_string($plain->getVersion(1, 2)), $plain->close('extra'));
test_show(fn () => $plain->getVersion(x: 1));
?>
--EXPECT--
bool(true)
bool(true)
string(1) "v"
bool(true)
ArgumentCountError: MemcachePool::set(): Argument #3 ($flags) must be passed explicitly, because the default value is not known
ArgumentCountError: MemcachePool::get(): Argument #2 ($flags) must be passed explicitly, because the default value is not known
ArgumentCountError: memcache_set(): Argument #4 ($flags) must be passed explicitly, because the default value is not known
ArgumentCountError: memcache_connect(): Argument #2 ($port) must be passed explicitly, because the default value is not known
ArgumentCountError: memcache_add_server(): Argument #3 ($port) must be passed explicitly, because the default value is not known
TypeError: memcache_add_server(): Argument #5 ($persistent) must be of type int, string given
ArgumentCountError: memcache_add_server() expects at most 9 arguments, 10 given
ArgumentCountError: memcache_connect() expects at most 3 arguments, 4 given
TypeError: MemcachePool::setserverparams(): Argument #2 ($tcp_port) must be of type int, string given
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
Error: Unknown named parameter $x
