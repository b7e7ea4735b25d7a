--TEST--
Failure callback forms: function name, [object, method], "Class::staticMethod", [Class, static], closure, first-class callable, invokable object, a (host, port) callback; each called with exactly five arguments (host, tcp_port, udp_port, error, errnum) on Memcache and MemcachePool [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function show310(string $who, array $args) {
    global $nonExistingHost, $nonExistingPort;
    [$h, $p, $u, $e, $n] = $args + [null, null, null, null, null];
    echo "$who: argc=", count($args), ' ', $h === $nonExistingHost ? 'HOST' : $h, ' ',
        $p === $nonExistingPort ? 'PORT' : var_export($p, true), ' ', var_export($u, true), ' ',
        var_export($e, true), ' ', var_export($n, true), "\n";
}
function cb_function_310($h, $p, $u, $e, $n) { show310('function', func_get_args()); }
class Handler310 {
    public function onFailure($h, $p, $u, $e, $n) { show310('method', func_get_args()); }
    public static function onStatic($h, $p, $u, $e, $n) { show310('static', func_get_args()); }
}
class Invokable310 {
    public function __invoke($h, $p, $u, $e, $n) { show310('invokable', func_get_args()); }
}
function two_args_310($host, $port) {
    global $nonExistingHost, $nonExistingPort;
    echo "two-arg: ", $host === $nonExistingHost && $port === $nonExistingPort ? 'ok' : 'WRONG', ' argc=', func_num_args(), "\n";
}
function typed_310(string $host, int $tcp, int $udp, ?string $error, int $errnum): void {
    show310('typed', func_get_args());
}

$forms = [
    'function name' => 'cb_function_310',
    'function name, other case' => 'CB_FUNCTION_310',
    '[object, method]' => [new Handler310, 'onFailure'],
    '"Class::static"' => 'Handler310::onStatic',
    '[class, static]' => ['Handler310', 'onStatic'],
    'closure' => function ($h, $p, $u, $e, $n) { show310('closure', func_get_args()); },
    'variadic closure' => function (...$a) { show310('variadic', $a); },
    'first-class callable' => cb_function_310(...),
    'invokable object' => new Invokable310,
    '(host, port) callback' => 'two_args_310',
    'typed parameters' => 'typed_310',
];
foreach ([Memcache::class, MemcachePool::class] as $class) {
    echo "== $class\n";
    foreach ($forms as $name => $cb) {
        echo "-- $name\n";
        $m = new $class;
        // not persistent: a persistent server's failed state would be shared by the next pool
        $class === Memcache::class ? $m->addServer($nonExistingHost, $nonExistingPort, false)
            : $m->addServer($nonExistingHost, $nonExistingPort, 0, false);
        var_dump($m->setFailureCallback($cb));
        var_dump($m->get('310_k'));
    }
}
?>
--EXPECT--
== Memcache
-- function name
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- function name, other case
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- [object, method]
bool(true)
method: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- "Class::static"
bool(true)
static: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- [class, static]
bool(true)
static: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- closure
bool(true)
closure: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- variadic closure
bool(true)
variadic: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- first-class callable
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- invokable object
bool(true)
invokable: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- (host, port) callback
bool(true)
two-arg: ok argc=5
bool(false)
-- typed parameters
bool(true)
typed: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
== MemcachePool
-- function name
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- function name, other case
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- [object, method]
bool(true)
method: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- "Class::static"
bool(true)
static: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- [class, static]
bool(true)
static: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- closure
bool(true)
closure: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- variadic closure
bool(true)
variadic: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- first-class callable
bool(true)
function: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- invokable object
bool(true)
invokable: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
-- (host, port) callback
bool(true)
two-arg: ok argc=5
bool(false)
-- typed parameters
bool(true)
typed: argc=5 HOST PORT 0 'Connection failed: Connection refused' 111
bool(false)
