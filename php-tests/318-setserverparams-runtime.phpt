--TEST--
setServerParams at runtime: retry_interval and status take effect on the next request, omitted arguments reset to the defaults (retry_interval 15, status true), a lowered timeout applies to the next wait on a hung server
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

$events = 0;
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 0, true,
    function () use (&$events) { $events++; });
$dk = null;
for ($i = 0; $dk === null && $i < 10000; $i++) {
    if ($m->findServer("318_k$i") === "$nonExistingHost:$nonExistingPort") $dk = "318_k$i";
}
$hit = function () use ($m, $dk, &$events) {
    $before = $events;
    $r = $m->set($dk, 'v');
    return ($r ? 'stored' : 'FAILED') . ', ' . ($events > $before ? 'tried and reported' : 'skipped');
};

echo "-- retry_interval 0 --\n";
echo $hit(), "\n", $hit(), "\n";
echo "-- setServerParams(host, port): retry 15, status true --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
echo $hit(), "\n", $hit(), "\n", $hit(), "\n";
echo "-- retry_interval 0 again --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1.0, 0));
echo $hit(), "\n", $hit(), "\n";
echo "-- status false, retry -1: out of service without a try --\n";
var_dump($m->setServerParams($nonExistingHost, $nonExistingPort, 1.0, -1, false));
echo $hit(), "\n", $hit(), "\n";
echo "-- numeric strings and ints are accepted (coercion) --\n";
var_dump(memcache_set_server_params($m, $nonExistingHost, (string) $nonExistingPort, '1', '0', 1));
echo $hit(), "\n";
$m->delete($dk);

echo "-- timeout lowered at runtime on a hung server --\n";
[$pid, $p] = fm_start_memcached();
$h = new Memcache;
$h->addServer('127.0.0.1', $p, false, 1, 3.0, 15);
fm_stop($pid);
var_dump($h->setServerParams('127.0.0.1', $p, 0.3, 15, true));
$t = microtime(true);
var_dump(@$h->get('318_h'));
$e = microtime(true) - $t;
var_dump($e >= 0.25 && $e < 1.5);
var_dump($h->getServerStatus('127.0.0.1', $p));
fm_kill($pid);
?>
--EXPECT--
-- retry_interval 0 --
stored, tried and reported
stored, tried and reported
-- setServerParams(host, port): retry 15, status true --
bool(true)
int(1)
stored, tried and reported
stored, skipped
stored, skipped
-- retry_interval 0 again --
bool(true)
stored, tried and reported
stored, tried and reported
-- status false, retry -1: out of service without a try --
bool(true)
stored, skipped
stored, skipped
-- numeric strings and ints are accepted (coercion) --
bool(true)
stored, tried and reported
-- timeout lowered at runtime on a hung server --
bool(true)
bool(false)
bool(true)
int(0)
