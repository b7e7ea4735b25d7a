--TEST--
FPM harness: php-fpm runs php-tests/fpm scripts with the extension under test, 2 static workers, warnings in the body
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$body = fpm_request('info.php', ['warn' => 'w350', 'a' => 'b c']);
echo $body;
preg_match('/^memcache=(.*)$/m', $body, $m);
var_dump($m[1] === phpversion('memcache'));      // the same extension as this process

// 6 concurrent requests that each keep a worker busy for 100 ms: exactly 2 workers answer.
$pids = [];
foreach (fpm_requests(array_fill(0, 6, ['info.php', ['sleep_ms' => 100]])) as $body) {
    preg_match('/^pid=(\d+)$/m', $body, $m) or print($body);
    $pids[$m[1]] = true;
}
var_dump(count($pids));

echo fpm_request('no-such-script.php'), "\n";
?>
--EXPECTF--
pid=%d
sapi=fpm-fcgi
memcache=%s
opcache=not loaded
query={"warn":"w350","a":"b c"}

Warning: warning w350 in %s/fpm/info.php on line %d
bool(true)
int(2)
[stderr: Primary script unknown][Status: 404 Not Found]
File not found.
