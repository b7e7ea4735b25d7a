--TEST--
memcached restarted under a pool that keeps an open connection (long-running worker): the next command reconnects once and succeeds instead of marking the server failed for retry_interval; a server that stays down is still reported and failed (Debian's C 4.0.5.2 keeps the quirk, so it fails this test)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();
foreach ([false, true] as $persistent) {
    echo "-- persistent=", var_export($persistent, true), " --\n";
    $m = new Memcache;
    $m->addServer('127.0.0.1', $p, $persistent, 1, 1.0, 15);
    var_dump($m->set('328_k', 'v1'), $m->get('328_k'));
    fm_kill($pid);
    [$pid, $p] = fm_start_memcached($p);
    var_dump($m->set('328_k', 'v2'));
    var_dump($m->get('328_k'));
    var_dump($m->getServerStatus('127.0.0.1', $p));
}

echo "-- killed and not restarted: reported once, failed --\n";
$m = new Memcache;
$m->addServer('127.0.0.1', $p, false, 1, 1.0, 15);
var_dump($m->set('328_k', 'v3'));
fm_kill($pid);
var_dump($m->get('328_k'));
var_dump($m->getServerStatus('127.0.0.1', $p));
var_dump($m->get('328_k'));
?>
--EXPECTF--
-- persistent=false --
bool(true)
string(2) "v1"
bool(true)
string(2) "v2"
int(1)
-- persistent=true --
bool(true)
string(2) "v1"
bool(true)
string(2) "v2"
int(1)
-- killed and not restarted: reported once, failed --
bool(true)

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: %s in %s on line %d
bool(false)
int(0)
bool(false)
