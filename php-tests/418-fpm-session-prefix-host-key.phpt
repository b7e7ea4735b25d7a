--TEST--
FPM: memcache.session_prefix_host_key=1 (set with the FastCGI PHP_VALUE parameter, as a vhost would): requests for www.shop.example.com and blog.example.org with the same session id get two separate sessions, keyed shop.example.com<id> and blog.example.org<id>; memcache.prefix_host_key does the same for plain keys (neither script uses $_SERVER)
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
$id = sess_new_id('s418');
$vhost = fn (string $name) => ['PHP_VALUE' => 'memcache.session_prefix_host_key=1', 'SERVER_NAME' => $name];
// php-fpm keeps PHP_VALUE settings in the worker for its later requests: put them back to the
// default in both workers (two concurrent requests that take 300 ms each) however the test ends.
register_shutdown_function(function () {
    $reset = ['info.php', ['sleep_ms' => 300], ['PHP_VALUE' => "memcache.session_prefix_host_key=0\nmemcache.prefix_host_key=0"]];
    $pids = [];
    foreach (fpm_requests([$reset, $reset]) as $body) {
        preg_match('/^pid=(\d+)$/m', $body, $m);
        $pids[$m[1] ?? 'none'] = true;
    }
    echo count($pids) === 2 ? '' : "could not reset both workers\n";
});

echo "-- memcache.prefix_host_key and a plain key --\n";
$key = sess_new_id('k418');
echo fpm_request('set.php', ['host' => $host, 'port' => $port, 'key' => $key],
    ['PHP_VALUE' => 'memcache.prefix_host_key=1', 'SERVER_NAME' => 'www.shop.example.com']);
foreach (["shop.example.com$key", $key] as $k) {
    echo str_replace($key, '<key>', $k), ': ', sess_show($server, $k), "\n";
    sess_raw($server, "delete $k");
}

echo "-- memcache.session_prefix_host_key --\n";
$requests = [];
foreach (['www.shop.example.com', 'blog.example.org'] as $name) {
    $requests[] = ['session.php', ['path' => $server, 'id' => $id, 'set' => ['site' => $name], 'hold_ms' => 200], $vhost($name)];
}
foreach (fpm_requests($requests) as $body) {
    $r = json_decode($body, true);
    echo is_array($r) ? 'started: ' . json_encode($r['started']) . ', read: ' . json_encode($r['session']) : $body, "\n";
}
foreach (["shop.example.com$id", "blog.example.org$id", "www.shop.example.com$id", $id] as $key) {
    echo str_replace($id, '<id>', $key), ': ', sess_show($server, $key), "\n";
}
echo "-- a second round reads each site's own session --\n";
foreach (fpm_requests($requests) as $body) {
    $r = json_decode($body, true);
    echo is_array($r) ? 'read: ' . json_encode($r['session']) : $body, "\n";
}
foreach (["shop.example.com$id", "blog.example.org$id"] as $key) {
    sess_raw($server, "delete $key");
    sess_raw($server, "delete $key.lock");
}
?>
--EXPECT--
-- memcache.prefix_host_key and a plain key --
set: true
shop.example.com<key>: flags 768 value '1'
<key>: missing
-- memcache.session_prefix_host_key --
started: true, read: []
started: true, read: []
shop.example.com<id>: flags 0 value 'site|s:20:"www.shop.example.com";'
blog.example.org<id>: flags 0 value 'site|s:16:"blog.example.org";'
www.shop.example.com<id>: missing
<id>: missing
-- a second round reads each site's own session --
read: {"site":"www.shop.example.com"}
read: {"site":"blog.example.org"}
