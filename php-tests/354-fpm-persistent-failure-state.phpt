--TEST--
FPM, shared health: a server that failed in one request of one worker is failed (status 0) in the next requests of every worker, which skip it without paying for a connect (with the C extension, and with memcache.shared_health=0, only the worker that saw the failure knows: 373)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$query = ['host' => $host, 'port' => test_free_port()];   // nothing listens there

// The first request fails the server in worker A (retry interval 15 s).
$body = fpm_request('failed.php', $query + ['key' => 'k354']);
preg_match('/^pid=(\d+)$/m', $body, $m);
$a = $m[1];
echo str_replace("pid=$a", 'pid=A', $body);

// Later requests only look at the status: both workers have it failed.
$responses = [];
for ($i = 0; $i < 20 && ($i < 4 || count($responses) < 2); $i++) {
    $body = fpm_request('failed.php', $query);
    preg_match('/^pid=(\d+)$/m', $body, $m);
    $body = preg_replace('/^pid=\d+$/m', ($m[1] ?? '') === $a ? 'pid=A' : 'pid=B', $body);
    $responses[$body] = true;
}
ksort($responses);
echo implode("--\n", array_keys($responses));
?>
--EXPECTF--
status: 1

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s/fpm/failed.php on line %d
get: false
status after get: 0
pid=A
status: 0
pid=A
--
status: 0
pid=B
