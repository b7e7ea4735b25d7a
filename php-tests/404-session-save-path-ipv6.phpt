--TEST--
Session save path on IPv6 loopback: tcp://[::1]:port (alone and in a list), with a private memcached listening on ::1 only
--SKIPIF--
<?php if (!@stream_socket_server('tcp://[::1]:0')) die('skip no IPv6 loopback (::1)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

// A memcached on [::1] only, tagged and pid-filed like test_memcached_start()'s (so
// `scripts/test-env.sh stop` would kill a leftover), killed at the end of the test.
function memcached6_start(): array
{
    $dir = getenv('MEMCACHE_TEST_STATE_DIR') ?: sys_get_temp_dir();
    for ($attempt = 0; $attempt < 5; $attempt++) {
        $p = test_free_port();
        $name = "private-$p-" . bin2hex(random_bytes(4));
        $args = ['-U', '0', '-m', '16', '-c', '64', '-t', '1', '-l', '::1', '-p', (string) $p];
        if (fileowner('/proc/self') === 0) {
            $args = array_merge($args, ['-u', 'root']);
        }
        $cmd = array_merge(['bash', '-c', 'exec -a "$0" memcached "$@"', "memcached@$dir/$name"], $args);
        $io = [['file', '/dev/null', 'r'], ['file', "$dir/$name.log", 'a'], ['file', "$dir/$name.log", 'a']];
        $proc = proc_open($cmd, $io, $pipes);
        $server = ['port' => $p, 'proc' => $proc, 'pidfile' => "$dir/$name.pid", 'log' => "$dir/$name.log"];
        file_put_contents($server['pidfile'], proc_get_status($proc)['pid']);
        for ($i = 0; $i < 250 && proc_get_status($proc)['running']; $i++) {
            if (str_starts_with((string) sess_raw("tcp://[::1]:$p", 'version'), 'VERSION ')) {
                register_shutdown_function('test_memcached_stop', $server);
                return $server;
            }
            usleep(20000);
        }
        test_memcached_stop($server);
    }
    throw new RuntimeException('could not start a memcached on ::1');
}

$server6 = memcached6_start();
$p6 = $server6['port'];
$address = "tcp://[::1]:$p6";
var_dump(sess_raw("tcp://127.0.0.1:$p6", 'version'));       // not on IPv4: only ::1 serves it

foreach (["tcp://[::1]:$p6", "tcp://[::1]:$p6?timeout=0.5, tcp://$host:$port"] as $path) {
    echo '-- ', str_replace((string) $p6, 'PORT', str_replace((string) $port, 'PORT1', $path)), " --\n";
    session_save_path($path);
    $id = sess_new_id('s404');
    session_id($id);
    var_dump(session_start());
    $_SESSION['v6'] = true;
    var_dump(session_write_close());
    echo 'data on ::1: ', sess_show($address, $id), "\nlock on ::1: ", sess_show($address, "$id.lock"), "\n";
    session_id($id);
    var_dump(session_start(), $_SESSION);
    var_dump(session_destroy());
    echo 'after destroy: ', sess_show($address, $id), "\n";
}

// A MemcachePool names the server "[::1]" too: the same ring as the session handler's.
$pool = new MemcachePool;
$pool->addServer('[::1]', $p6);
$pool->addServer($host, $port);
ini_set('memcache.session_redundancy', 1);
session_save_path("tcp://[::1]:$p6, tcp://$host:$port");
$placed = 0;
for ($i = 0; $i < 20; $i++) {
    $id = sess_new_id('s404');
    session_id($id);
    session_start();
    $_SESSION['i'] = $i;
    session_write_close();
    $on6 = sess_item($address, $id) !== null;
    $placed += $on6 === ($pool->findServer("$id-0") === "[::1]:$p6");
    session_id($id);
    session_start();
    session_destroy();
}
echo "$placed/20 placed as findServer(\"<id>-0\") of a pool with [::1]\n";
?>
--EXPECT--
NULL
-- tcp://[::1]:PORT --
bool(true)
bool(true)
data on ::1: flags 0 value 'v6|b:1;'
lock on ::1: flags 768 value '0'
bool(true)
array(1) {
  ["v6"]=>
  bool(true)
}
bool(true)
after destroy: missing
-- tcp://[::1]:PORT?timeout=0.5, tcp://127.0.0.1:PORT1 --
bool(true)
bool(true)
data on ::1: flags 0 value 'v6|b:1;'
lock on ::1: flags 768 value '0'
bool(true)
array(1) {
  ["v6"]=>
  bool(true)
}
bool(true)
after destroy: missing
20/20 placed as findServer("<id>-0") of a pool with [::1]
