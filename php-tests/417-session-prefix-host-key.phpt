--TEST--
memcache.session_prefix_host_key=1 with SERVER_NAME=www.shop.example.com (from the environment, $_SERVER not used by the script): the session key is <static prefix><host without www.><id>; with memcache.session_prefix_host_key_remove_www=0 the host keeps its www., with memcache.session_prefix_host_key_remove_subdomain=1 it is example.com, for the data and the lock key, and Debian's C extension uses the same keys
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--ENV--
SERVER_NAME=www.shop.example.com
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_prefix_static_key=app1_
memcache.session_prefix_host_key=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$id = sess_new_id('s417');
session_id($id);
session_start();
$_SESSION['x'] = 1;
session_write_close();
foreach (["app1_shop.example.com$id", "app1_www.shop.example.com$id", "app1_$id", $id] as $key) {
    echo str_replace($id, '<id>', $key), ': ', sess_item($server, $key) !== null ? 'stored' : 'missing',
        ', lock ', sess_item($server, "$key.lock") !== null ? 'stored' : 'missing', "\n";
}
session_id($id);
session_start();
var_dump($_SESSION);
session_destroy();
var_dump(sess_item($server, "app1_shop.example.com$id"));

// The prefix is computed at request start: each setting gets a process of its own, with this
// extension and with the C extension (SERVER_NAME from this test's environment).
function s417_write(string $extension, string $protocol, array $ini, string $server, string $id): string
{
    $file = tempnam(sys_get_temp_dir(), 's417');
    file_put_contents($file, "<?php\nrequire " . var_export(__DIR__ . '/session.inc', true) . ";\n"
        . 'session_save_path(' . var_export($server, true) . ");\n"
        . 'session_id(' . var_export($id, true) . ");\n"
        . "session_start();\n\$_SESSION['x'] = 1;\nsession_write_close();\nob_end_flush();\n");
    $cmd = [PHP_BINARY, '-n', '-d', 'display_errors=1', '-d', 'error_reporting=' . (E_ALL & ~E_DEPRECATED),
        '-d', "extension=$extension", '-d', "memcache.protocol=$protocol",
        '-d', 'memcache.shared_health_file=' . ini_get('memcache.shared_health_file'),
        '-d', 'memcache.session_prefix_static_key=app1_', '-d', 'memcache.session_prefix_host_key=1'];
    foreach ($ini as $name => $value) {
        array_push($cmd, '-d', "$name=$value");
    }
    $cmd[] = $file;
    $proc = proc_open($cmd, [['file', '/dev/null', 'r'], ['pipe', 'w'], ['redirect', 1]], $pipes);
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    proc_close($proc);
    unlink($file);
    return $out;
}
$keys = ['app1_www.shop.example.com', 'app1_shop.example.com', 'app1_example.com', 'app1_'];
$cases = [
    'memcache.session_prefix_host_key_remove_www=0' => ['memcache.session_prefix_host_key_remove_www' => 0],
    'memcache.session_prefix_host_key_remove_subdomain=1' => ['memcache.session_prefix_host_key_remove_subdomain' => 1],
];
foreach ($cases as $name => $ini) {
    echo "-- $name --\n";
    // The C extension has no meta: under meta it speaks ascii (the same keys either way).
    $runs = ['ours' => [test_extension_so(), test_protocol()], 'C' => [$cExtension, c_extension_protocol()]];
    foreach ($runs as $by => [$extension, $protocol]) {
        $id = sess_new_id('s417');
        $out = s417_write($extension, $protocol, $ini, $server, $id);
        $stored = [];
        foreach ($keys as $prefix) {
            if (sess_item($server, "$prefix$id") !== null) {
                $stored[] = "$prefix<id>";
            }
            if (sess_item($server, "$prefix$id.lock") !== null) {
                $stored[] = "$prefix<id>.lock";
            }
            sess_raw($server, "delete $prefix$id");
            sess_raw($server, "delete $prefix$id.lock");
        }
        echo "$by: ", $out === '' ? '' : "output: $out; ", 'stored ', implode(', ', $stored), "\n";
    }
}
?>
--EXPECT--
app1_shop.example.com<id>: stored, lock stored
app1_www.shop.example.com<id>: missing, lock missing
app1_<id>: missing, lock missing
<id>: missing, lock missing
array(1) {
  ["x"]=>
  int(1)
}
NULL
-- memcache.session_prefix_host_key_remove_www=0 --
ours: stored app1_www.shop.example.com<id>, app1_www.shop.example.com<id>.lock
C: stored app1_www.shop.example.com<id>, app1_www.shop.example.com<id>.lock
-- memcache.session_prefix_host_key_remove_subdomain=1 --
ours: stored app1_example.com<id>, app1_example.com<id>.lock
C: stored app1_example.com<id>, app1_example.com<id>.lock
