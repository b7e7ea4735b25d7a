<?php
// One caller of the stampede tests (5xx-*stampede*): run by php-fpm (parameters in the query
// string) or by the CLI (the same query string as argv[1]). Waits until ?start_at (unix time,
// float), then calls remember(?key, 60, $compute) on ?host:?port; $compute appends a line to
// ?calls (under an exclusive lock), sleeps ?sleep_ms and returns "computed by <pid> at <time>".
// ?invalidate=1 calls invalidate(?key) instead and prints its result.
// Prints one JSON line: the value returned, whether this caller computed, and the microtime of
// the remember() call's start and end and of the end of its computation (null if it did not).
error_reporting(E_ALL & ~E_DEPRECATED);
if (PHP_SAPI === 'cli') {
    parse_str($argv[1] ?? '', $_GET);
}
$m = new MemcachePool;
$m->addServer($_GET['host'], (int) $_GET['port']);
if (!empty($_GET['invalidate'])) {
    echo json_encode(['invalidated' => $m->invalidate($_GET['key'])]), "\n";
    exit;
}
$startAt = (float) ($_GET['start_at'] ?? 0);
while (($now = microtime(true)) < $startAt && $now > $startAt - 10) {
    usleep((int) min(1000, ($startAt - $now) * 1e6));
}
$computed = false;
$computeEnded = null;
$compute = function (string $key) use (&$computed, &$computeEnded): string {
    $computed = true;
    $log = fopen($_GET['calls'], 'a');
    flock($log, LOCK_EX);
    fwrite($log, getmypid() . ' ' . $key . "\n");
    flock($log, LOCK_UN);
    fclose($log);
    usleep(1000 * (int) $_GET['sleep_ms']);
    $computeEnded = microtime(true);
    return 'computed by ' . getmypid() . ' at ' . $computeEnded;
};
$began = microtime(true);
$value = $m->remember($_GET['key'], 60, $compute);
$ended = microtime(true);
echo json_encode(['value' => $value, 'computed' => $computed, 'began' => $began, 'ended' => $ended,
    'compute_ended' => $computeEnded]), "\n";
