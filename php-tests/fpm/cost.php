<?php
// One request of the failover-cost measurement (php-tests/fpm-cost.inc: test 370 and
// scripts/failover-cost.sh), for our extension and the C one alike: persistent servers
// ?host:?ports (comma separated), timeout ?timeout s, retry interval ?retry s, and a failure
// callback that appends one JSON line [pid, time, tcp port, message, errnum] to ?events;
// with ?cbfile (ours only) a failback callback that appends [pid, host, tcp port, udp port,
// time] to it and agrees.
//   ?keys=a,b,...  one get of these keys; prints one JSON line: pid, ms (time spent in the
//                  get), hits (keys found), events (failure callbacks during this request);
//                  ?hold_ms= keeps the worker busy afterwards (to spread requests over workers)
//   ?map=n         prints where the keys cost-0 .. cost-(n-1) go (findServer), as JSON
error_reporting(E_ALL & ~E_DEPRECATED); // the C extension creates dynamic properties
$host = $_GET['host'];
$m = new Memcache;
foreach (explode(',', $_GET['ports']) as $port) {
    $m->addServer($host, (int) $port, true, 1, (float) $_GET['timeout'], (int) $_GET['retry']);
}
$events = 0;
$file = $_GET['events'];
$m->setFailureCallback(function ($host, $tcp, $udp, $message, $errnum) use ($file, &$events) {
    $events++;
    $line = json_encode([getmypid(), microtime(true), $tcp, $message, $errnum]) . "\n";
    file_put_contents($file, $line, FILE_APPEND | LOCK_EX);
});
if (isset($_GET['cbfile'])) {
    $m->setFailbackCallback(function ($host, $tcp, $udp) {
        $line = json_encode([getmypid(), $host, $tcp, $udp, microtime(true)]) . "\n";
        file_put_contents($_GET['cbfile'], $line, FILE_APPEND | LOCK_EX);
        return true;
    });
}
if (isset($_GET['map'])) {
    $map = [];
    for ($i = 0; $i < min(1000, (int) $_GET['map']); $i++) {
        $map["cost-$i"] = $m->findServer("cost-$i");
    }
    echo json_encode($map), "\n";
    return;
}
$keys = explode(',', $_GET['keys']);
$began = hrtime(true);
$values = $m->get($keys);
$ms = (hrtime(true) - $began) / 1e6;
echo json_encode([
    'pid' => getmypid(),
    'ms' => round($ms, 3),
    'hits' => is_array($values) ? count($values) : -1,
    'events' => $events,
]), "\n";
usleep(1000 * min(1000, (int) ($_GET['hold_ms'] ?? 0)));
