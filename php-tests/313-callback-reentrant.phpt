--TEST--
Re-entrant failure callback: it may call setServerParams/getServerStatus/set/get/findServer on the same pool while the failed request is in progress (single and multi-key), e.g. to disable the server for good or to re-enable it (upstream test 033)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($nonExistingHost, $nonExistingPort, false);
$dead = "$nonExistingHost:$nonExistingPort";
$dkeys = $lkeys = [];
for ($i = 0; count($dkeys) < 2 || count($lkeys) < 1; $i++) {
    if ($m->findServer("313_k$i") === $dead) $dkeys[] = "313_k$i"; else $lkeys[] = "313_k$i";
}
[$dk, $dk2, $lk] = [$dkeys[0], $dkeys[1], $lkeys[0]];
$liveOnly = new Memcache;
$liveOnly->connect($host, $port);
$liveOnly->delete($dk);
$liveOnly->delete($dk2);

echo "-- callback disables the server for good (retry_interval -1, status false) --\n";
$calls = 0;
$m->setFailureCallback(function ($h, $p, $u, $e, $n) use ($m, $lk, &$calls) {
    $calls++;
    echo "callback $calls: status ", $m->getServerStatus($h, $p), "\n";
    var_dump($m->setServerParams($h, $p, 1.0, -1, false));
    echo "nested set: ", var_export($m->set($lk, "nested$calls"), true), ", nested get: ", var_export($m->get($lk), true), "\n";
});
var_dump($m->set($dk, 'a'));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->get($dk), $m->get($lk));
var_dump($m->set($dk2, 'b'), $m->get([$dk, $dk2, $lk]) == [$dk => 'a', $dk2 => 'b', $lk => 'nested1']);
var_dump($calls);

echo "-- callback re-enables the server: it is tried again by the next request --\n";
$calls = 0;
$m->setFailureCallback(function ($h, $p, $u, $e, $n) use ($m, &$calls) {
    $calls++;
    var_dump($m->setServerParams($h, $p, 1.0, 15, true));
    echo "callback $calls: status now ", $m->getServerStatus($h, $p), "\n";
});
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1.0, 15, true));
var_dump($m->get($dk));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
var_dump($m->get($dk));
var_dump($calls);

echo "-- callback during a multi-key get reads other keys of the same pool --\n";
$calls = 0;
$m->setFailureCallback(function ($h, $p, $u, $e, $n) use ($m, $lk, &$calls) {
    $calls++;
    echo "callback: nested get ", json_encode($m->get($lk)), ", findServer moved: ",
        var_export($m->findServer($GLOBALS['dk']) !== "$h:$p", true), "\n";
});
$r = $m->get([$lk, $dk, $dk2]);
ksort($r);
var_dump($r == [$dk => 'a', $dk2 => 'b', $lk => 'nested1']);
var_dump($calls);
foreach ([$dk, $dk2, $lk] as $k) $liveOnly->delete($k);
?>
--EXPECT--
-- callback disables the server for good (retry_interval -1, status false) --
callback 1: status 0
bool(true)
nested set: true, nested get: 'nested1'
bool(true)
int(0)
string(1) "a"
string(7) "nested1"
bool(true)
bool(true)
int(1)
-- callback re-enables the server: it is tried again by the next request --
bool(true)
bool(true)
callback 1: status now 1
string(1) "a"
int(1)
bool(true)
callback 2: status now 1
string(1) "a"
int(2)
-- callback during a multi-key get reads other keys of the same pool --
callback: nested get "nested1", findServer moved: true
bool(true)
int(1)
