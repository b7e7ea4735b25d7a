--TEST--
get() asks for CAS values only when it is given $cas: "get k" for get('k') and get('k', $flags), "gets k" for get('k', $flags, $cas); an array of keys is one "get a b" / "gets a b" line; the C extension sends the same lines
--DESCRIPTION--
A fake memcached (a PHP child process on a loopback port) writes every request line it
receives to a file before it answers "END", so the test reads exactly what went over the
wire, in order. `gets` makes memcached look up and send the CAS unique of every item, so
sending it without need costs each multi-get; the C extension sends it only when the caller
passes the third argument by reference. The same calls are then made by Debian's C
extension against the same fake, and its lines must be identical. ASCII only: the binary
protocol has no get/gets distinction (every GET reply carries the CAS).
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die('skip the recording fake speaks the ASCII protocol, and the binary protocol has no get/gets distinction (every GET reply carries the CAS)');
}
if (test_protocol() === 'meta') {
    die('skip the recording fake speaks the ASCII protocol and the comparison is with the C extension, which has no meta; the choice of with_cas is made above the protocol, and meta sends it as the c flag of mg (src/protocol/meta.rs, gets_are_quiet_with_an_opaque)');
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

/**
 * Starts a fake memcached on a free loopback port that appends every request line it reads
 * (without its line end) to $log, then answers "END" (a miss) to get/gets. Exits after
 * $lifetime seconds at most; killed at the end of the test (failure.inc). Returns [pid, port].
 */
function start_recorder(string $log, float $lifetime = 20.0): array
{
    $script = tempnam(sys_get_temp_dir(), 'rec152');
    file_put_contents($script, <<<'PHP'
<?php
[, $log, $lifetime] = $argv;
$deadline = microtime(true) + (float) $lifetime;
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if (!$srv) { exit(1); }
$name = stream_socket_get_name($srv, false);
echo substr($name, strrpos($name, ':') + 1), "\n";
fflush(STDOUT);
$clients = [];                                          // id => [socket, buffer]
while (microtime(true) < $deadline) {
    $r = [$srv];
    foreach ($clients as $c) { $r[] = $c[0]; }
    $w = $e = null;
    if (@stream_select($r, $w, $e, 0, 200000) < 1) { continue; }
    foreach ($r as $sock) {
        if ($sock === $srv) {
            if ($c = @stream_socket_accept($srv, 0)) { $clients[(int) $c] = [$c, '']; }
            continue;
        }
        $id = (int) $sock;
        $data = fread($sock, 65536);
        if ($data === '' || $data === false) { fclose($sock); unset($clients[$id]); continue; }
        $clients[$id][1] .= $data;
        while (($pos = strpos($clients[$id][1], "\n")) !== false) {
            $line = rtrim(substr($clients[$id][1], 0, $pos), "\r");
            $clients[$id][1] = substr($clients[$id][1], $pos + 1);
            file_put_contents($log, "$line\n", FILE_APPEND);    // recorded before the reply
            $word = strtok($line, ' ');
            fwrite($sock, $word === 'get' || $word === 'gets' ? "END\r\n" : "ERROR\r\n");
        }
    }
}
PHP);
    $proc = proc_open([PHP_BINARY, '-n', $script, $log, (string) $lifetime],
        [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    $pid = proc_get_status($proc)['pid'];
    $GLOBALS['fm_procs'][$pid] = $proc;
    $r = [$pipes[1]];
    $w = $e = null;
    $port = stream_select($r, $w, $e, 3) > 0 ? (int) fgets($pipes[1]) : 0;
    unlink($script);
    if ($port <= 0) {
        fm_kill($pid);
        throw new RuntimeException('recording fake did not start');
    }
    return [$pid, $port];
}

/** The lines recorded since the last call (each call empties the log). */
function recorded(string $log): array
{
    $lines = file_exists($log) ? file($log, FILE_IGNORE_NEW_LINES) : [];
    file_put_contents($log, '');
    return $lines;
}

// The calls, as PHP source: run here with this extension and by the C extension below.
$calls = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
function calls152(int $fakePort, string $log): array
{
    $m = new Memcache;
    $m->addServer('127.0.0.1', $fakePort, false, 1, 2.0, 15);
    $seen = [];
    $record = function (string $label, callable $call) use ($log, &$seen) {
        file_put_contents($log, '');
        $result = $call();
        $seen[$label] = [file($log, FILE_IGNORE_NEW_LINES), $result];
    };
    $record("get('k')", fn() => $m->get('k'));
    $record("get('k', \$f)", function () use ($m) { $f = null; return $m->get('k', $f); });
    $record("get('k', \$f, \$cas)", function () use ($m) { $f = $cas = null; return $m->get('k', $f, $cas); });
    $record("get(['a', 'b'])", fn() => $m->get(['a', 'b']));
    $record("get(['a', 'b'], \$f)", function () use ($m) { $f = null; return $m->get(['a', 'b'], $f); });
    $record("get(['a', 'b'], \$f, \$cas)", function () use ($m) { $f = $cas = null; return $m->get(['a', 'b'], $f, $cas); });
    $record("memcache_get(\$m, 'k', \$f, \$cas)", function () use ($m) { $f = $cas = null; return memcache_get($m, 'k', $f, $cas); });
    return $seen;
}
function show152(array $seen): void
{
    foreach ($seen as $label => [$lines, $result]) {
        printf("%-36s %-12s -> %s\n", $label, json_encode($lines), test_export($result));
    }
}
PHP;
eval($calls);

$log = tempnam(sys_get_temp_dir(), 'log152');
[$pid, $fakePort] = start_recorder($log);

echo "-- this extension --\n";
$ours = calls152($fakePort, $log);
show152($ours);

echo "-- C extension --\n";
$c = run_with_c_extension($calls . "\nshow152(calls152($fakePort, " . var_export($log, true) . "));\n");
ob_start();
show152($ours);
echo $c === ob_get_clean() ? "same lines and results\n" : "DIFFERENT:\n$c";
unlink($log);
?>
--EXPECT--
-- this extension --
get('k')                             ["get k"]    -> false
get('k', $f)                         ["get k"]    -> false
get('k', $f, $cas)                   ["gets k"]   -> false
get(['a', 'b'])                      ["get a b"]  -> array ( )
get(['a', 'b'], $f)                  ["get a b"]  -> array ( )
get(['a', 'b'], $f, $cas)            ["gets a b"] -> array ( )
memcache_get($m, 'k', $f, $cas)      ["gets k"]   -> false
-- C extension --
same lines and results
