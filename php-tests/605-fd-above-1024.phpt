--TEST--
Descriptors above 1024: a PHP started with a soft RLIMIT_NOFILE of 2048 (a shell's ulimit; PHP cannot set it without ext/posix) opens 1100 files, then uses the pool with its sockets past fd 1024: non-persistent and persistent multi-server set and multi-get, a hung server (SIGSTOP) that times out within its 0.5 s timeout while the live server's keys are read, and a connect timeout (full accept queue); all correct under the suite's protocol. The C extension, which polls with select(), aborts on the first such socket
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if ((int) shell_exec('bash -c "ulimit -H -n"') < 2048 && trim((string) shell_exec('bash -c "ulimit -H -n"')) !== 'unlimited') {
    die('skip the hard RLIMIT_NOFILE is below 2048: descriptors past 1024 cannot be reached');
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

[$hungPid, $hungPort] = fm_start_memcached();
fm_stop($hungPid);
[$backlogPort, $backlogHandles] = fm_full_backlog_listener();

// Run in a PHP started by a shell that raised (or set) the soft descriptor limit to 2048.
$child = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
$files = [];
for ($i = 0; $i < 1100; $i++) {
    $files[] = fopen('/dev/null', 'r');
}
/** How many of this process's sockets have descriptors of 1024 or more. */
function high_sockets(): int
{
    $n = 0;
    foreach (scandir('/proc/self/fd') as $fd) {
        $n += preg_match('/^\d+$/', $fd) && (int) $fd >= 1024 && str_starts_with((string) @readlink("/proc/self/fd/$fd"), 'socket:');
    }
    return $n;
}
foreach (['non-persistent' => false, 'persistent' => true] as $title => $persistent) {
    $m = new Memcache;
    $m->addServer($host, $port, $persistent);
    $m->addServer($host2, $port2, $persistent);
    $keys = [];
    for ($i = 0; $i < 20; $i++) {
        $keys["fd605_$i"] = "value $i";
    }
    $stored = $m->set($keys);
    $read = $m->get(array_keys($keys));
    ksort($read, SORT_NATURAL);
    echo "$title: set ", var_export($stored, true), ', multi-get over 2 servers ',
        $read === $keys ? 'all 20 values' : json_encode($read), ', sockets at fd >= 1024: ', high_sockets() >= 2 ? 'yes' : 'no', "\n";
}
// Every key on the live server; the hung server's share fails over to it within the timeout.
$live = new Memcache;
$live->addServer($host, $port);
$live->set($keys);
$m = new Memcache;
$m->addServer($host, $port, false, 1, 0.5);
$m->addServer('127.0.0.1', HUNG_PORT, false, 1, 0.5);
$start = microtime(true);
[$read, $errors] = test_collect_errors(fn() => $m->get(array_keys($keys)));
ksort($read, SORT_NATURAL);
echo 'multi-get over a live and a hung server: ', microtime(true) - $start < 1.5 ? 'within the timeout' : 'too slow',
    ', ', $read === $keys ? 'all 20 values' : json_encode($read), ', sockets at fd >= 1024: ',
    high_sockets() >= 2 ? 'yes' : 'no', "\n";
foreach ($errors as $e) {
    echo '  ', str_replace('tcp ' . HUNG_PORT, 'tcp HUNG', $e), "\n";
}
$m = new Memcache;
$m->addServer('127.0.0.1', BACKLOG_PORT, false, 1, 0.5);
$start = microtime(true);
[$r, $errors] = test_collect_errors(fn() => $m->get('k'));
echo 'connect timeout: ', var_export($r, true), ', ', microtime(true) - $start < 1.5 ? 'within the timeout' : 'too slow', "\n";
foreach ($errors as $e) {
    echo '  ', str_replace('tcp ' . BACKLOG_PORT, 'tcp BACKLOG', $e), "\n";
}
PHP;
$child = "const HUNG_PORT = $hungPort;\nconst BACKLOG_PORT = $backlogPort;\n$child";

/**
 * Runs $code with extension $so speaking $protocol in a PHP whose soft descriptor limit is 2048:
 * [output, status].
 */
function run_high_fd(string $code, string $so, string $protocol): array
{
    $file = tempnam(sys_get_temp_dir(), 'fd605');
    file_put_contents($file, "<?php\nrequire " . var_export(__DIR__ . '/connect.inc', true) . ";\n" . $code);
    $proc = proc_open(['bash', '-c', 'ulimit -S -n 2048 && exec "$0" "$@"', PHP_BINARY, '-n', '-d', "extension=$so",
        '-d', 'memcache.protocol=' . $protocol, '-d', 'display_errors=1', $file],
        [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    $status = proc_close($proc);
    unlink($file);
    return [$out, $status];
}

[$out, $status] = run_high_fd($child, test_extension_so(), test_protocol());
echo $out, "exit status $status\n";
[$out, $status] = run_high_fd($child, $cExtension, c_extension_protocol());
echo 'C extension: ', $status === 6 ? 'killed by SIGABRT' : "exit status $status", "\n", $out;
fm_kill($hungPid);
?>
--EXPECT--
non-persistent: set true, multi-get over 2 servers all 20 values, sockets at fd >= 1024: yes
persistent: set true, multi-get over 2 servers all 20 values, sockets at fd >= 1024: yes
multi-get over a live and a hung server: within the timeout, all 20 values, sockets at fd >= 1024: yes
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp HUNG, udp 0) failed with: Network timeout (0)
connect timeout: false, within the timeout
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp BACKLOG, udp 0) failed with: Connection failed: Connection timed out (110)
exit status 0
C extension: killed by SIGABRT
*** bit out of range 0 - FD_SETSIZE on fd_set ***: terminated
