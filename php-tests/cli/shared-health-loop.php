<?php
/*
 * A CLI process that uses the same servers as a php-fpm, for test 374: a process tree of its
 * own that shares the machine's health table only through memcache.shared_health_file. Run as
 *   php -n -d extension=... -d memcache.shared_health_file=... shared-health-loop.php JSON
 * with JSON {host, ports: [..], keys: [..], timeout, retry, events, cbfile, stop, seconds}.
 * Every 20 ms it gets the keys (persistent servers, as fpm/cost.php); a failure callback
 * appends [pid, time, tcp port, message, errnum] to events, a failback callback appends [pid,
 * host, tcp port, udp port, time] to cbfile and agrees. It stops when the file stop exists (or
 * after seconds, at most 120) and prints one JSON line: pid, gets, total_s (time spent in the
 * gets), slow (gets that took at least 0.8 x timeout), events, last_hits.
 */
error_reporting(E_ALL);
$o = json_decode($argv[1], true);
$m = new Memcache;
foreach ($o['ports'] as $port) {
    $m->addServer($o['host'], (int) $port, true, 1, (float) $o['timeout'], (int) $o['retry']);
}
$events = 0;
$m->setFailureCallback(function ($host, $tcp, $udp, $message, $errnum) use ($o, &$events) {
    $events++;
    $line = json_encode([getmypid(), microtime(true), $tcp, $message, $errnum]) . "\n";
    file_put_contents($o['events'], $line, FILE_APPEND | LOCK_EX);
});
$m->setFailbackCallback(function ($host, $tcp, $udp) use ($o) {
    $line = json_encode([getmypid(), $host, $tcp, $udp, microtime(true)]) . "\n";
    file_put_contents($o['cbfile'], $line, FILE_APPEND | LOCK_EX);
    return true;
});
$gets = $slow = $hits = 0;
$total = 0.0;
$deadline = microtime(true) + min(120, (float) $o['seconds']);
while (!file_exists($o['stop']) && microtime(true) < $deadline) {
    $began = hrtime(true);
    $values = $m->get($o['keys']);
    $s = (hrtime(true) - $began) / 1e9;
    $total += $s;
    $gets++;
    $slow += $s >= 0.8 * $o['timeout'] ? 1 : 0;
    $hits = is_array($values) ? count($values) : -1;
    usleep(20000);
}
echo json_encode(['pid' => getmypid(), 'gets' => $gets, 'total_s' => round($total, 3), 'slow' => $slow,
    'events' => $events, 'last_hits' => $hits]), "\n";
