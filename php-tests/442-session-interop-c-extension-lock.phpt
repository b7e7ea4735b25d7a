--TEST--
Interop of the lock: while a C-extension process holds a session, our session_start() waits until the C process writes it (and reads its data); while we hold one, the C process waits for our write (same lock key; the C process with the same memcache.protocol, or ascii when ours speaks meta: a mixed fleet serialises on one lock too)
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);

// Starts a C-extension PHP process running $body with session $id (not waiting for it).
function c_process(string $id, string $body): array
{
    global $cExtension, $server;
    $file = tempnam(sys_get_temp_dir(), 's442');
    file_put_contents($file, "<?php\nrequire " . var_export(__DIR__ . '/session.inc', true) . ";\n"
        . 'session_save_path(' . var_export($server, true) . ");\n"
        . 'session_id(' . var_export($id, true) . ");\n$body\nob_end_flush();\n");
    $cmd = [PHP_BINARY, '-n', '-d', 'display_errors=1', '-d', 'error_reporting=' . (E_ALL & ~E_DEPRECATED),
        '-d', "extension=$cExtension", '-d', 'memcache.protocol=' . c_extension_protocol(), $file];
    $proc = proc_open($cmd, [['file', '/dev/null', 'r'], ['pipe', 'w'], ['redirect', 1]], $pipes);
    register_shutdown_function(function () use ($proc, $file) {
        if (is_resource($proc) && proc_get_status($proc)['running']) {
            proc_terminate($proc, 9);
        }
        @unlink($file);
    });
    return [$proc, $pipes[1], $file];
}

function c_wait(array $p): string
{
    [$proc, $out, $file] = $p;
    $text = stream_get_contents($out);
    fclose($out);
    proc_close($proc);
    unlink($file);
    return $text;
}

echo "-- the C process holds the session 1.2 s --\n";
$id = sess_new_id('s442');
$p = c_process($id, 'echo "C protocol: ", ini_get("memcache.protocol") === "' . c_extension_protocol() . '" ? "as asked" : "different", "\n"; session_start(); echo "C has it\n"; $_SESSION["by"] = "C"; usleep(1200000); session_write_close(); echo "C wrote\n";');
$lock = null;
for ($i = 0; $i < 100 && ($lock = sess_item($server, "$id.lock")) === null; $i++) {
    usleep(20000);                              // until the C process holds the lock
}
echo 'lock taken by C: ', var_export($lock['value'] ?? null, true), "\n";
session_id($id);
$t = microtime(true);
session_start();
$waited = microtime(true) - $t;
echo 'we waited ', $waited > 0.5 ? 'until C wrote' : sprintf('only %.2f s', $waited), ', read: ', json_encode($_SESSION), "\n";
session_write_close();
echo c_wait($p);

echo "-- we hold the session 1.2 s --\n";
$id = sess_new_id('s442');
session_id($id);
session_start();
$_SESSION['by'] = 'rust';
$p = c_process($id, '$t = microtime(true); session_start(); $w = microtime(true) - $t; echo "C waited ", $w > 0.5 ? "until we wrote" : sprintf("only %.2f s", $w), ", read: ", json_encode($_SESSION), "\n"; session_write_close();');
usleep(1200000);
session_write_close();
echo c_wait($p);
?>
--EXPECT--
-- the C process holds the session 1.2 s --
lock taken by C: '1'
we waited until C wrote, read: {"by":"C"}
C protocol: as asked
C has it
C wrote
-- we hold the session 1.2 s --
C waited until we wrote, read: {"by":"rust"}
