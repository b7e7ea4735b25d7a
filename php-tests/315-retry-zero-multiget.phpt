--TEST--
retry_interval 0 with multi-key gets: every request retries the dead server, reports it, and fails its keys over (two-server pool) or returns array(0) (single-server pool); no crash (Debian's C 4.0.5.2 segfaults here)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$events = 0;
function cb315($h, $p, $u, $e, $n) { $GLOBALS['events']++; }

$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 0, true, 'cb315');
$dead = "$nonExistingHost:$nonExistingPort";
$dk = $lk = [];
for ($i = 0; count($dk) < 3 || count($lk) < 3; $i++) {
    $k = "315_k$i";
    if ($m->findServer($k) === $dead) { if (count($dk) < 3) $dk[] = $k; }
    elseif (count($lk) < 3) $lk[] = $k;
}
$all = array_merge($dk, $lk);
$expect = [];
foreach ($all as $k) $expect[$k] = "v:$k";
// with retry_interval 0 the dead server is due again for every key (C: one event per key)
$reported = fn($n) => $n >= 1 && $n <= count($dk) + 1 ? 'reported' : "events: $n";
var_dump($m->set($expect));
echo $reported($events), "\n";
for ($round = 1; $round <= 3; $round++) {
    $before = $events;
    $r = $m->get($all);
    echo "round $round: ", $r == $expect ? 'all keys' : json_encode($r), ", ", $reported($events - $before), "\n";
}
$m->delete($all);

echo "-- single-server pool --\n";
$events = 0;
$p = new Memcache;
$p->addServer($nonExistingHost, $nonExistingPort, false, 1, 1.0, 0, true, 'cb315');
for ($round = 1; $round <= 3; $round++) {
    $before = $events;
    $r = $p->get(['315_a', '315_b']);
    echo "round $round: ", json_encode($r), ', ', $events - $before >= 1 && $events - $before <= 2 ? 'reported' : "events: " . ($events - $before), "\n";
}
?>
--EXPECT--
bool(true)
reported
round 1: all keys, reported
round 2: all keys, reported
round 3: all keys, reported
-- single-server pool --
round 1: [], reported
round 2: [], reported
round 3: [], reported
