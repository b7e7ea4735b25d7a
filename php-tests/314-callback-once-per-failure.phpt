--TEST--
The failure event fires once per deactivation, not per request: silent while the server is failed, again after retry_interval when the retry fails; retry_interval 0 retries (and reports) on every request, exactly once per request also on a single-server pool, where Debian's C extension reports most calls twice (docs/differences.md)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$events = [];
function cb314($h, $p, $u, $e, $n) { $GLOBALS['events'][] = "$e ($n)"; }

/**
 * Waits until the clock reads $second or later, 50 to 300 ms into a second. The extension
 * stamps a failure with time(2), the kernel's coarse clock, which can still read the second
 * before for a few ms after microtime() has passed a second boundary: a failure stamped then
 * would be a second older than the checks below assume.
 */
function wait_into_second(int $second = 0): void
{
    for ($i = 0; $i < 20; $i++) {
        $now = microtime(true);
        $fraction = fmod($now, 1.0);
        if ($now >= $second && $fraction >= 0.05 && $fraction <= 0.3) {
            return;
        }
        $target = max(floor($now) + ($fraction < 0.05 ? 0 : 1), $second) + 0.1;
        usleep((int) (($target - $now) * 1e6));
    }
}

echo "-- retry_interval 1: one event, silence, one more after the interval --\n";
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 1, true, 'cb314');
$dead = "$nonExistingHost:$nonExistingPort";
$dk = [];
for ($i = 0; count($dk) < 10; $i++) {
    if ($m->findServer("314_k$i") === $dead) $dk[] = "314_k$i";
}
// start just after a second boundary, so that the requests below all run within the second
// the failure is stamped with (the C extension compares whole seconds)
wait_into_second();
$m->set($dk[0], 1);
$failedAt = time();
foreach ($dk as $k) {
    $m->set($k, 1); $m->get($k); $m->get($dk); $m->delete($k); $m->increment($k);
}
var_dump(count($events), time() - $failedAt < 1 ? 'inside the interval' : 'SLOW');
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
// the same for the retry's failure and the requests after it
wait_into_second($failedAt + 2);
var_dump($m->get($dk[0]));                          // due for a retry: tried, fails again
var_dump(count($events), $events[1] ?? null);
foreach ($dk as $k) {
    $m->get($k);
}
var_dump(count($events));

echo "-- retry_interval 0, two-server pool: one event per request that hits the dead server --\n";
$events = [];
$m->setServerParams($nonExistingHost, $nonExistingPort, 1.0, 0, true);
for ($i = 0; $i < 5; $i++) {
    $m->set($dk[$i], $i);
}
var_dump(count($events));
var_dump($m->get($dk[0]), $m->get($dk[4]));         // (multi-key get with retry_interval 0: test 315)
var_dump(count($events));
var_dump($m->getServerStatus($nonExistingHost, $nonExistingPort));
$m->delete($dk);

echo "-- retry_interval 0, single-server pool: every request reports exactly once --\n";
$p = new Memcache;
$p->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 0, true, 'cb314');
$perRequest = [];
foreach (['set', 'get', 'delete', 'increment', 'set', 'get'] as $op) {
    $events = [];
    $r = $op === 'set' ? $p->set('314_s', 1) : $p->$op('314_s');
    $perRequest[] = "$op: " . count($events);
    if ($r !== false) echo "$op returned ", var_export($r, true), "\n";
}
echo implode(', ', $perRequest), "\n";          // the C extension: 2 for each of these
var_dump(array_unique($events));
?>
--EXPECT--
-- retry_interval 1: one event, silence, one more after the interval --
int(1)
string(19) "inside the interval"
int(0)
bool(false)
int(2)
string(43) "Connection failed: Connection refused (111)"
int(2)
-- retry_interval 0, two-server pool: one event per request that hits the dead server --
int(5)
int(0)
int(4)
int(7)
int(0)
-- retry_interval 0, single-server pool: every request reports exactly once --
set: 1, get: 1, delete: 1, increment: 1, set: 1, get: 1
array(1) {
  [0]=>
  string(43) "Connection failed: Connection refused (111)"
}
