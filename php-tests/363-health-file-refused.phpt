--TEST--
Shared health file checks: a table file of the wrong size (shorter, longer), a symlink (even to a good table), bad magic, another layout version, group-writable, a directory, or in a missing directory gives one warning per process (not one per pool or request) and per-process health (a second process pays the refused connect again, as with the C extension; memcache_server_health() is empty; php --ri says per process), correct results, and the file is left as it was; with a good file the second process skips the server the first one failed (docs/failure-handling.md, "Shared health")
--FILE--
<?php
include __DIR__ . '/connect.inc';

// What a process sees with a given table file: two pools add the refused port and get a key
// (a notice each when health is per process, one when shared), a third stores and reads a
// value on the live server.
$child = <<<'PHP'
$errors = [];
set_error_handler(function ($no, $str) use (&$errors) { $errors[] = $str; return true; });
$a = new Memcache;
$a->addServer($host, $nonExistingPort, true, 1, 1, 60);    // retry interval 60 s
$a->get('k363');
$b = new Memcache;
$b->addServer($host, $nonExistingPort, true, 1, 1, 60);
$b->get('k363');
$c = new Memcache;
$c->addServer($host, $port);
$ok = $c->set('k363', 'v') && $c->get('k363') === 'v';
restore_error_handler();
ob_start();
(new ReflectionExtension('memcache'))->info();
preg_match('/^Server health.*$/m', ob_get_clean(), $line);
echo json_encode([
    'warnings' => array_values(array_filter($errors, fn ($e) => str_contains($e, 'shared_health_file'))),
    'notices' => count(array_filter($errors, fn ($e) => str_contains($e, 'failed with'))),
    'ok' => $ok,
    'health' => count(memcache_server_health()),
    'info' => $line[0] ?? '',
]);
PHP;

$dir = (getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir()) . '/363-' . getmypid();
@mkdir($dir, 0700, true);
register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg($dir)));

/** Runs the child twice (two processes) with table file $path and prints what they saw. */
function check(string $label, string $path): void
{
    global $child;
    $before = @is_file($path) ? md5_file($path) . fileperms($path) : null;
    echo "-- $label --\n";
    foreach (['first', 'second'] as $n => $which) {
        $out = run_with_extension($child, ['memcache.shared_health_file' => $path]);
        $r = json_decode($out, true);
        if (!is_array($r)) {
            echo "unexpected output: $out\n";
            return;
        }
        foreach ($r['warnings'] ?: ['none'] as $warning) {
            echo "$which process, warning: ", str_replace($path, 'PATH', $warning), "\n";
        }
        printf("  notices: %d, results: %s, memcache_server_health(): %d entries, %s\n", $r['notices'],
            $r['ok'] ? 'ok' : 'WRONG', $r['health'], $r['info']);
        if ($n === 0 && $before === null && $r['warnings'] === []) {
            $before = md5_file($path) . fileperms($path);    // created by the first process
        }
    }
    if ($before !== null && $r['warnings'] !== []) {
        echo '  file unchanged: ', json_encode(md5_file($path) . fileperms($path) === $before), "\n";
    }
}

$good = "$dir/good";
check('a good table (created)', $good);
$bytes = file_get_contents($good);
$variants = [
    'wrong size: shorter' => substr($bytes, 0, 4096),
    'wrong size: longer' => $bytes . str_repeat("\0", 4096),
    'bad magic' => 'X' . substr($bytes, 1),
    'another layout version' => substr($bytes, 0, 8) . pack('V', 99) . substr($bytes, 12),
];
foreach ($variants as $label => $content) {
    $path = "$dir/" . md5($label);
    file_put_contents($path, $content);
    chmod($path, 0600);
    check($label, $path);
}
$path = "$dir/group-writable";
copy($good, $path);
chmod($path, 0660);
check('group-writable', $path);
symlink($good, "$dir/link");
check('a symlink to a good table', "$dir/link");
mkdir("$dir/a-directory");
check('a directory', "$dir/a-directory");
check('in a missing directory', "$dir/missing/health");
check('the good table again', $good);
?>
--EXPECTF--
-- a good table (created) --
first process, warning: none
  notices: 1, results: ok, memcache_server_health(): 2 entries, Server health (shared) => %s/good
second process, warning: none
  notices: 0, results: ok, memcache_server_health(): 2 entries, Server health (shared) => %s/good
-- wrong size: shorter --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: its size is 4096 bytes, not %d; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: its size is 4096 bytes, not %d; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- wrong size: longer --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: its size is %d bytes, not %d; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: its size is %d bytes, not %d; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- bad magic --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: it is not a health table; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: it is not a health table; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- another layout version --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: another version wrote it (layout 99, this one reads 1); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: another version wrote it (layout 99, this one reads 1); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- group-writable --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: group or others may write it (mode 660); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: group or others may write it (mode 660); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- a symlink to a good table --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: it is a symbolic link; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: it is a symbolic link; server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
  file unchanged: true
-- a directory --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: cannot open it: Is a directory (os error 21); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: cannot open it: Is a directory (os error 21); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
-- in a missing directory --
first process, warning: Memcache::addserver(): memcache.shared_health_file PATH: cannot create it: No such file or directory (os error 2); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
second process, warning: Memcache::addserver(): memcache.shared_health_file PATH: cannot create it: No such file or directory (os error 2); server health is kept per process
  notices: 1, results: ok, memcache_server_health(): 0 entries, Server health => per process (not shared)
-- the good table again --
first process, warning: none
  notices: 0, results: ok, memcache_server_health(): 2 entries, Server health (shared) => %s/good
second process, warning: none
  notices: 0, results: ok, memcache_server_health(): 2 entries, Server health (shared) => %s/good
