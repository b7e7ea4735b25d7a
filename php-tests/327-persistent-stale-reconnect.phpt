--TEST--
memcached restarted between two pools that share a persistent server: the reused socket is stale, the next pool reconnects silently (no notice, no callback, status 1) and the call succeeds, for a read or a write as first command (as in the C extension: an error on a persistent socket reused for the first time in a request is not a failure, the request reconnects and is sent again)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
$events = 0;
$cb = function ($h, $tp, $up, $e, $n) use (&$events) { $events++; echo "callback: $e\n"; };

$a = new Memcache;
$a->addServer('127.0.0.1', $p, true, 1, 1.0, 15, true, $cb);
var_dump($a->set('327_k', 'before'), $a->get('327_k'));
unset($a);

fm_kill($pid);                                        // restart in place: the kept socket is dead
[$pid, $p] = fm_start_memcached($p);

echo "-- a new pool reuses the persistent server --\n";
$b = new Memcache;
$b->addServer('127.0.0.1', $p, true, 1, 1.0, 15, true, $cb);
var_dump($b->get('327_k'));                           // the restarted memcached is empty: a miss
var_dump($b->set('327_k', 'after'), $b->get('327_k'));
var_dump($b->getServerStatus('127.0.0.1', $p), $events);

echo "-- same for a write as the first command --\n";
unset($b);
fm_kill($pid);
[$pid, $p] = fm_start_memcached($p);
$c = new MemcachePool;
$c->addServer('127.0.0.1', $p, 0, true);
$c->setFailureCallback($cb);
var_dump($c->set('327_k', 'third'), $c->get('327_k'));
var_dump($c->getServerStatus('127.0.0.1', $p), $events);
fm_kill($pid);
?>
--EXPECT--
bool(true)
string(6) "before"
-- a new pool reuses the persistent server --
bool(false)
bool(true)
string(5) "after"
int(1)
int(0)
-- same for a write as the first command --
bool(true)
string(5) "third"
int(1)
int(0)
