<?php
// One request of the server state tests (354, 357, 358, 373): a persistent server (timeout
// ?timeout s, default 1; retry interval ?retry s, default 15; memcache.failback_flush ?flush,
// default the INI's) whose status is printed before and, with ?key=, after a get of that key;
// ?hold_ms keeps the worker busy that long before it answers (so that concurrent requests
// are served by different workers).
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
if (isset($_GET['flush'])) {
    ini_set('memcache.failback_flush', $_GET['flush']);
}
$host = $_GET['host'];
$port = (int) $_GET['port'];
$m = new Memcache;
$m->addServer($host, $port, true, 1, (float) ($_GET['timeout'] ?? 1), (int) ($_GET['retry'] ?? 15));
echo 'status: ', $m->getServerStatus($host, $port), "\n";
if (isset($_GET['key'])) {
    $value = $m->get($_GET['key']);
    echo 'get: ', var_export($value, true), "\n";
    echo 'status after get: ', $m->getServerStatus($host, $port), "\n";
}
if (isset($_GET['hold_ms'])) {
    usleep((int) $_GET['hold_ms'] * 1000);
}
echo 'pid=', getmypid(), "\n";
