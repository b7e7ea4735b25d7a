<?php
// One request of the failback tests (371, 372): a persistent server ?host:?port (timeout
// ?timeout s, default 0.5; retry interval ?retry s, default 2) with a failure callback (counts
// failures, so no notice reaches the body) and a failback callback that appends one JSON line
// [pid, host, tcp port, udp port, time] to ?cbfile and then, by ?mode:
//   ok (default)  returns true: the server rejoins
//   false         returns false: the server stays down another retry interval
//   sleep         the first run of the machine (no file ?flag yet): creates ?flag, writes its
//                 pid to ?pidfile and sleeps ?sleep s (default 25; the test kills it); later
//                 runs return true at once
// Then: status, set and get of a key of this worker, status again, and one JSON line: pid,
// before/after (getServerStatus), used (the value was written and read back), failures and
// failbacks (callback runs in this request). ?hold_ms= keeps the worker busy afterwards.
error_reporting(E_ALL & ~E_DEPRECATED);
$host = $_GET['host'];
$port = (int) $_GET['port'];
$m = new Memcache;
$m->addServer($host, $port, true, 1, (float) ($_GET['timeout'] ?? 0.5), (int) ($_GET['retry'] ?? 2));
$failures = $failbacks = 0;
$m->setFailureCallback(function () use (&$failures) {
    $failures++;
});
$m->setFailbackCallback(function ($host, $tcp, $udp) use (&$failbacks) {
    $failbacks++;
    $line = json_encode([getmypid(), $host, $tcp, $udp, microtime(true)]) . "\n";
    file_put_contents($_GET['cbfile'], $line, FILE_APPEND | LOCK_EX);
    switch ($_GET['mode'] ?? 'ok') {
        case 'false':
            return false;
        case 'sleep':
            if (@fopen($_GET['flag'], 'x')) {   // atomic: only the first run sleeps
                file_put_contents($_GET['pidfile'], getmypid());
                sleep(min(25, (int) ($_GET['sleep'] ?? 25)));
            }
            return true;
    }
    return true;
});
$before = $m->getServerStatus($host, $port);
$key = 'failback-' . getmypid();
$value = (string) microtime(true);
$set = $m->set($key, $value);
$got = $m->get($key);
echo json_encode([
    'pid' => getmypid(),
    'before' => $before,
    'set' => $set,
    'used' => $set && $got === $value,
    'after' => $m->getServerStatus($host, $port),
    'failures' => $failures,
    'failbacks' => $failbacks,
]), "\n";
usleep(1000 * min(1000, (int) ($_GET['hold_ms'] ?? 0)));
