--TEST--
Session save path items are read as the C extension reads them (PHP's URL parser + query string parsing): any scheme, user info, path and fragment ignored, "//host:port" and "host:port/path" are host and port, an item without host ("127.0.0.1" alone, "mailto:x@y", "tcp:", and "host:port?query", which PHP parses as scheme and path) fails without a parse warning, parameter values are URL-decoded and converted like PHP numbers ("0.5;weight=2" is 0.5, "inf" is 0, weights are C ints), the last duplicate wins; the parse warning names the whole save path. Each row is also run with Debian's C extension: the same output, except "[::1]" and "[::1]:port" that only this extension accepts (docs/differences.md)
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$paths = [
    "tcp://$host:$port?timeout=0.5;weight=2",
    "tcp://$host:$port?timeout=1s",
    "tcp://$host:$port?timeout=2%20",
    "tcp://$host:$port?weight=%32",
    "tcp://$host:$port?weight=%20%202",
    "tcp://$host:$port?weight=0&weight=2",
    "tcp://$host:$port/path",
    "tcp://$host:$port#fragment",
    "tcp://user:secret@$host:$port",
    "http://$host:$port",
    "/tmp/s408-no-such.sock",
    "$host:$port, tcp://$host:notaport",
    "//$host:$port",
    "$host:$port/path",
    "$host:$port?weight=2",
    "tcp://[::1]:",
    "$host",
    "mailto:x@y",
    "tcp:",
    "tcp://$host:$port?weight=2147483648",
    "tcp://$host:$port?weight=4294967297",
    "tcp://$host:$port?weight=1e3",
    "tcp://$host:$port?timeout=inf",
    "tcp://$host:$port?timeout=0x1p1",
    "tcp://$host:$port?timeout=1e999",
    "[::1]",
    "[::1]:$port",
];
// One process's view of each path: session_start(), its warnings, and where the write went.
$code = <<<'CODE'
function s408_run(array $paths, string $host, int $port): array
{
    ini_set('memcache.session_redundancy', '1');
    $out = [];
    foreach ($paths as $path) {
        $lines = [];
        set_error_handler(function ($no, $message) use (&$lines, $port) {
            $lines[] = 'warning: ' . str_replace((string) $port, 'PORT1', $message);
            return true;
        });
        session_save_path($path);
        $id = sess_new_id('s408');
        session_id($id);
        $started = session_start();
        $lines[] = 'session_start: ' . var_export($started, true);
        if ($started) {
            $_SESSION['x'] = 1;
            $closed = session_write_close();
            $lines[] = 'session_write_close: ' . var_export($closed, true) . ', data on the server: '
                . sess_show("tcp://$host:$port", $id);
            sess_raw("tcp://$host:$port", "delete $id");
            sess_raw("tcp://$host:$port", "delete $id.lock");
        }
        restore_error_handler();
        $out[] = $lines;
    }
    return $out;
}
CODE;
eval($code);
$ours = s408_run($paths, $host, $port);
$c = run_with_c_extension('require_once ' . var_export(__DIR__ . '/session.inc', true) . ";\n$code\n"
    . '$json = json_encode(s408_run(' . var_export($paths, true) . ', ' . var_export($host, true) . ", $port));\n"
    . "ob_end_clean();\necho \$json;\n");
$theirs = json_decode($c, true);
if (!is_array($theirs)) {
    echo "the C extension's run failed: $c\n";
}
foreach ($paths as $i => $path) {
    echo '-- ', str_replace((string) $port, 'PORT1', $path), " --\n";
    echo implode("\n", $ours[$i]), "\n";
    echo ($theirs[$i] ?? null) === $ours[$i] ? 'the C extension: the same' : 'the C extension: ' . json_encode($theirs[$i] ?? null), "\n";
}
?>
--EXPECT--
-- tcp://127.0.0.1:PORT1?timeout=0.5;weight=2 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?timeout=1s --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?timeout=2%20 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=%32 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=%20%202 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=0&weight=2 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1/path --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1#fragment --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://user:secret@127.0.0.1:PORT1 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- http://127.0.0.1:PORT1 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- /tmp/s408-no-such.sock --
warning: session_start(): Failed to initialize storage module: memcache (path: /tmp/s408-no-such.sock)
session_start: false
the C extension: the same
-- 127.0.0.1:PORT1, tcp://127.0.0.1:notaport --
warning: session_start(): Failed to parse memcache.save_path (error at offset 17, url was '127.0.0.1:PORT1, tcp://127.0.0.1:notaport')
warning: session_start(): Failed to initialize storage module: memcache (path: 127.0.0.1:PORT1, tcp://127.0.0.1:notaport)
session_start: false
the C extension: the same
-- //127.0.0.1:PORT1 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- 127.0.0.1:PORT1/path --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- 127.0.0.1:PORT1?weight=2 --
warning: session_start(): Failed to initialize storage module: memcache (path: 127.0.0.1:PORT1?weight=2)
session_start: false
the C extension: the same
-- tcp://[::1]: --
session_start: true
warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (tcp://[::1]:)
session_write_close: true, data on the server: missing
the C extension: the same
-- 127.0.0.1 --
warning: session_start(): Failed to initialize storage module: memcache (path: 127.0.0.1)
session_start: false
the C extension: the same
-- mailto:x@y --
warning: session_start(): Failed to initialize storage module: memcache (path: mailto:x@y)
session_start: false
the C extension: the same
-- tcp: --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp:)
session_start: false
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=2147483648 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=2147483648)
session_start: false
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=4294967297 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?weight=1e3 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- tcp://127.0.0.1:PORT1?timeout=inf --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=inf)
session_start: false
the C extension: the same
-- tcp://127.0.0.1:PORT1?timeout=0x1p1 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=0x1p1)
session_start: false
the C extension: the same
-- tcp://127.0.0.1:PORT1?timeout=1e999 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
the C extension: the same
-- [::1] --
session_start: true
warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct ([::1])
session_write_close: true, data on the server: missing
the C extension: ["warning: session_start(): Failed to initialize storage module: memcache (path: [::1])","session_start: false"]
-- [::1]:PORT1 --
session_start: true
warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct ([::1]:PORT1)
session_write_close: true, data on the server: missing
the C extension: ["warning: session_start(): Failed to initialize storage module: memcache (path: [::1]:PORT1)","session_start: false"]
