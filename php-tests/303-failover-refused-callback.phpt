--TEST--
Failover on/off with a failure callback instead of the notice: exactly one call with (host, tcp_port, udp_port, error, errnum) for the dead server, no notice, however many requests hit its keys [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL
--FILE--
<?php
include __DIR__ . '/connect.inc';

$calls = [];
function on_failure_303($h, $p, $u, $e, $n) {
    global $calls;
    $calls[] = func_get_args();
}
set_error_handler(function ($no, $str) {
    if ($no !== E_DEPRECATED) echo "error handler: $str\n";     // no notice expected at all
    return true;
});

foreach ([1, 0] as $failover) {
    ini_set('memcache.allow_failover', $failover);
    $calls = [];
    $m = new MemcachePool;
    $m->addServer($host, $port, 0, false);
    $m->addServer($nonExistingHost, $nonExistingPort, 0, false);
    var_dump($m->setFailureCallback('on_failure_303'));
    $ok = $false = 0;
    for ($i = 0; $i < 30; $i++) {
        $k = "303_{$failover}_$i";
        $r = $m->set($k, $i);
        $g = $m->get($k);
        $g2 = $m->get([$k, "303_{$failover}_" . ($i + 1)]);
        ($r && $g === $i) ? $ok++ : $false++;
    }
    echo "failover=$failover: ", count($calls), " call(s)\n";
    var_dump($calls[0][0] === $nonExistingHost, $calls[0][1] === $nonExistingPort);
    var_dump(array_slice($calls[0], 2));
    var_dump($failover ? $ok === 30 : ($ok > 0 && $false > 0));
    var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
    for ($i = 0; $i < 30; $i++) {
        $m->delete("303_{$failover}_$i");
    }
}
?>
--EXPECT--
bool(true)
failover=1: 1 call(s)
bool(true)
bool(true)
array(3) {
  [0]=>
  int(0)
  [1]=>
  string(37) "Connection failed: Connection refused"
  [2]=>
  int(111)
}
bool(true)
int(0)
bool(true)
failover=0: 1 call(s)
bool(true)
bool(true)
array(3) {
  [0]=>
  int(0)
  [1]=>
  string(37) "Connection failed: Connection refused"
  [2]=>
  int(111)
}
bool(true)
int(0)
