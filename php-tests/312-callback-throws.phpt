--TEST--
A throwing failure callback: the exception propagates out of the failed call (set/get/multi-get/increment/getExtendedStats), the assignment does not happen, the server is still marked failed and the pool stays usable; the callback is looked up in _failureCallback at failure time [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

class Failure312 extends RuntimeException {}
function thrower312($h, $p, $u, $e, $n) { throw new Failure312("failed: $e ($n)"); }

function pool312() {
    global $host, $port, $nonExistingHost, $nonExistingPort;
    $m = new Memcache;
    $m->addServer($host, $port, false);
    $m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 15, true, 'thrower312');
    return $m;
}
$probe = pool312();
$dk = fm312($probe, "$nonExistingHost:$nonExistingPort");
$lk = fm312($probe, "$host:$port");
function fm312($m, $s) { for ($i = 0; $i < 1000; $i++) if ($m->findServer("312_k$i") === $s) return "312_k$i"; }

$ops = [
    'set' => fn($m) => $m->set($GLOBALS['dk'], 'v'),
    'get' => fn($m) => $m->get($GLOBALS['dk']),
    'multi-get' => fn($m) => $m->get([$GLOBALS['lk'], $GLOBALS['dk']]),
    'increment' => fn($m) => $m->increment($GLOBALS['dk']),
    'delete' => fn($m) => $m->delete($GLOBALS['dk']),
    'getExtendedStats' => fn($m) => $m->getExtendedStats(),
];
foreach ($ops as $name => $op) {
    echo "-- $name --\n";
    $m = pool312();
    $r = 'untouched';
    try {
        $r = $op($m);
        echo "no exception\n";
    } catch (Failure312 $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    var_dump($r);
    var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
    // the server is failed now: the same call is silent and (with failover) succeeds
    var_dump($m->set($dk, 'after'), $m->get($dk));
    $m->delete($dk);
}

echo "-- no catch: uncaught at top level would abort; inside a function the stack unwinds --\n";
function wrapped312() {
    $m = pool312();
    $x = $m->set($GLOBALS['dk'], 'v');
    echo "not reached\n";
    return $x;
}
try {
    wrapped312();
} catch (Failure312 $e) {
    echo "caught: ", $e->getMessage(), "\n";
}

echo "-- _failureCallback is read at failure time --\n";
$m = pool312();
$m->_failureCallback = function ($h, $p, $u, $e, $n) { echo "replacement: $e\n"; };
var_dump($m->set($dk, 'v'));
$m = pool312();
$m->_failureCallback = 'no_such_function_312';
var_dump($m->set($dk, 'v'));
var_dump($m->_failureCallback);
$liveOnly = new Memcache;
$liveOnly->connect($host, $port);
$liveOnly->delete($dk);
?>
--EXPECTF--
-- set --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- get --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- multi-get --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- increment --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- delete --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- getExtendedStats --
Failure312: failed: Connection failed: Connection refused (111)
string(9) "untouched"
int(0)
bool(true)
string(5) "after"
-- no catch: uncaught at top level would abort; inside a function the stack unwinds --
caught: failed: Connection failed: Connection refused (111)
-- _failureCallback is read at failure time --
replacement: Connection failed: Connection refused
bool(true)

Warning: MemcachePool::set(): Invalid failure callback in %s on line %d
bool(true)
NULL
