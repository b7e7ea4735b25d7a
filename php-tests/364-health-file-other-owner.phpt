--TEST--
Shared health file owned by another user (nobody): one warning per process naming the owner, per-process health (a second process pays the refused connect again), correct results, and the file is neither written nor taken over (docs/failure-handling.md, "Shared health")
--SKIPIF--
<?php if (fileowner('/proc/self') !== 0) die('skip giving a file to another user takes root'); ?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$dir = (getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir()) . '/364-' . getmypid();
@mkdir($dir, 0700, true);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg($dir)));
$path = "$dir/health";
$child = <<<'PHP'
$errors = [];
set_error_handler(function ($no, $str) use (&$errors) { $errors[] = $str; return true; });
$a = new Memcache;
$a->addServer($host, $nonExistingPort, true, 1, 1, 60);
$a->get('k364');
$c = new Memcache;
$c->addServer($host, $port);
$ok = $c->set('k364', 'v') && $c->get('k364') === 'v';
restore_error_handler();
echo json_encode(['errors' => $errors, 'ok' => $ok, 'health' => count(memcache_server_health())]);
PHP;

// A good table made by root, then given to nobody.
$made = json_decode(run_with_extension($child, ['memcache.shared_health_file' => $path]), true);
echo 'created by root, shared: ', json_encode($made['health'] === 2), "\n";
chown($path, 'nobody');
clearstatcache();
$before = md5_file($path) . fileperms($path) . fileowner($path);
foreach (['first', 'second'] as $which) {
    $r = json_decode(run_with_extension($child, ['memcache.shared_health_file' => $path]), true);
    echo "-- $which process --\n";
    foreach ($r['errors'] as $error) {
        echo str_replace($path, 'PATH', $error), "\n";
    }
    echo 'results: ', $r['ok'] ? 'ok' : 'WRONG', ', memcache_server_health(): ', $r['health'], " entries\n";
}
clearstatcache();
echo 'file unchanged and still nobody\'s: ', json_encode(md5_file($path) . fileperms($path) . fileowner($path) === $before
    && posix_getpwuid_name(fileowner($path)) === 'nobody'), "\n";

function posix_getpwuid_name(int $uid): string
{
    foreach (file('/etc/passwd') as $line) {
        $f = explode(':', $line);
        if ((int) ($f[2] ?? -1) === $uid) {
            return $f[0];
        }
    }
    return "uid $uid";
}
?>
--EXPECTF--
created by root, shared: true
-- first process --
Memcache::addserver(): memcache.shared_health_file PATH: it is owned by uid %d, not by uid 0; server health is kept per process
MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111)
results: ok, memcache_server_health(): 0 entries
-- second process --
Memcache::addserver(): memcache.shared_health_file PATH: it is owned by uid %d, not by uid 0; server health is kept per process
MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111)
results: ok, memcache_server_health(): 0 entries
file unchanged and still nobody's: true
