--TEST--
setFailbackCallback()/memcache_set_failback_callback(): validated like the failure callback; after a failure and the retry interval the probing request runs it with (host, tcp_port, udp_port) before the server rejoins; false keeps the server down for another interval; an exception propagates and keeps it down; null clears it (docs/failure-handling.md)
--INI--
memcache.failback_flush=never
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$a = test_memcached_start();
$pidA = proc_get_status($a['proc'])['pid'];
$m = new Memcache();
var_dump($m->setFailbackCallback('strlen'));             // no pool yet

$m->addServer($host, $a['port'], false, 1, 0.3, 2);
$m->addServer($host, $port, false, 1, 0.3, 2);
var_dump($m->setFailbackCallback('no_such_function'));
var_dump(memcache_set_failback_callback($m, [new stdClass, 'nope']));

$answers = [false, true];
$calls = [];
var_dump($m->setFailbackCallback(function (...$args) use (&$calls, &$answers) {
    $calls[] = $args;
    return array_shift($answers);
}));
$k = null;
for ($i = 0; $k === null && $i < 10000; $i++) {
    if ($m->findServer("361_$i") === "$host:{$a['port']}") $k = "361_$i";
}

/** Stops memcached $pid, lets a get of $k time out (the server fails), resumes it. */
function stop_and_fail(Memcache $m, int $pid, string $k): void
{
    exec("kill -STOP $pid");
    test_wait_stopped($pid);
    var_dump(@$m->get($k));
    exec("kill -CONT $pid");
}

echo "-- the callback refuses, then agrees --\n";
$m->set($k, 'kept');
stop_and_fail($m, $pidA, $k);
var_dump($m->getServerStatus($host, $a['port']));
sleep(3);
var_dump($m->get($k));                             // probed; the callback refuses: still failed over
var_dump(count($calls), $calls[0] === [$host, $a['port'], 0]);
var_dump($m->getServerStatus($host, $a['port']));
var_dump($m->get($k));                             // not due again yet: no second call
var_dump(count($calls));
sleep(3);
var_dump($m->get($k));                             // probed again; the callback agrees after the call
var_dump(count($calls), $m->getServerStatus($host, $a['port']));
var_dump($m->get($k));                             // back on its own server (never flushed)

echo "-- an exception propagates and keeps the server down --\n";
$m->setFailbackCallback(function () { throw new RuntimeException('not yet'); });
stop_and_fail($m, $pidA, $k);
sleep(3);
try {
    $m->get($k);
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($m->getServerStatus($host, $a['port']));

echo "-- null clears it: the next recovery needs no agreement --\n";
var_dump(memcache_set_failback_callback($m, null));
sleep(3);
var_dump($m->get($k), $m->getServerStatus($host, $a['port']));
?>
--EXPECTF--
Warning: MemcachePool::setfailbackcallback(): No servers added to memcache connection in %s on line %d
bool(false)

Warning: MemcachePool::setfailbackcallback(): Invalid failback callback in %s on line %d
bool(false)

Warning: memcache_set_failback_callback(): Invalid failback callback in %s on line %d
bool(false)
bool(true)
-- the callback refuses, then agrees --
bool(false)
int(0)
bool(false)
int(1)
bool(true)
int(0)
bool(false)
int(1)
bool(false)
int(2)
int(1)
string(4) "kept"
-- an exception propagates and keeps the server down --
bool(false)
RuntimeException: not yet
int(0)
-- null clears it: the next recovery needs no agreement --
bool(true)
string(4) "kept"
int(1)
