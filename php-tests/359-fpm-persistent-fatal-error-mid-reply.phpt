--TEST--
FPM: a fatal error in __wakeup() in the middle of a multi-get reply does not leave the rest of that reply to the worker's next request (fails on Debian 4.0.5.2: the next get returns the stale reply)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$server = test_memcached_start();
$port = $server['port'];
$object = 'O:4:"W359":0:{}';
echo test_memcached_command($port, sprintf("set w359 1 0 %d\r\n%s", strlen($object), $object));
echo test_memcached_command($port, "set a359 0 0 1\r\nA");
echo test_memcached_command($port, "set b359 0 0 1\r\nB");
$query = ['host' => $host, 'port' => $port];

// Both workers connect.
$pids = [];
for ($i = 0; $i < 20 && count($pids) < 2; $i++) {
    preg_match('/^pid=(\d+)$/m', fpm_request('fatal.php', $query + ['keys' => 'b359']), $m);
    $pids[$m[1] ?? 'none'] = true;
}
var_dump(count($pids));

// Worker A dies in __wakeup of w359; the reply's "VALUE a359 ... END" is still unread then.
echo fpm_request('fatal.php', $query + ['keys' => 'w359,a359', 'fatal' => 1]), "\n";

// Every next request, in both workers, gets b359 and nothing else.
$responses = $seen = [];
for ($i = 0; $i < 20 && ($i < 4 || count($seen) < 2); $i++) {
    $body = fpm_request('fatal.php', $query + ['keys' => 'b359']);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $seen[$m[1] ?? 'none'] = true;
    $responses[preg_replace('/^pid=\d+$/m', 'pid=N', $body)] = true;
}
echo implode("--\n", array_keys($responses));
var_dump(count($seen));
?>
--EXPECTF--
STORED
STORED
STORED
int(2)

Fatal error: fatal error in __wakeup in %s/fpm/fatal.php on line %d

get: {"b359":"B"}
pid=N
int(2)
