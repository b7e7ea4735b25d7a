--TEST--
Invalid session save paths: a bad port, no host, weight <= 0, timeout <= 0 or not a number fail session_start() with "Failed to initialize storage module" (one bad item fails the whole list); a URL without port starts and then fails to write; a valid path works again afterwards
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

set_error_handler(function ($no, $message) use ($port, $port2) {
    echo 'warning: ', strtr($message, [(string) $port => 'PORT1', (string) $port2 => 'PORT2']), "\n";
    return true;
});
$paths = [
    "tcp://$host:notaport",
    "tcp://$host:99999",
    "tcp://:$port",
    "tcp://$host:$port?weight=0",
    "tcp://$host:$port?weight=-1",
    "tcp://$host:$port?weight=0.5",
    "tcp://$host:$port?weight=",
    "tcp://$host:$port?weight",
    "tcp://$host:$port?timeout=0",
    "tcp://$host:$port?timeout=-0",
    "tcp://$host:$port?timeout=-1",
    "tcp://$host:$port?timeout=abc",
    "tcp://$host:$port?timeout=",
    "tcp://$host:$port?timeout=nan",
    "tcp://$host:$port, tcp://$host2:$port2?weight=0",
    "tcp://$host:$port?weight=2&weight=0",
    "tcp://$host",
    "tcp://$host:0",
];
$id = sess_new_id('s406');
foreach ($paths as $path) {
    echo '-- ', strtr($path, [(string) $port => 'PORT1', (string) $port2 => 'PORT2']), " --\n";
    session_save_path($path);
    session_id($id);
    $started = session_start();
    echo 'session_start: ', var_export($started, true), "\n";
    if ($started) {
        $_SESSION['x'] = 1;
        $closed = session_write_close();
        echo 'session_write_close: ', var_export($closed, true), "\n";
    }
}
echo "-- a valid path afterwards --\n";
session_save_path("tcp://$host:$port");
session_id($id);
var_dump(session_start());
$_SESSION['x'] = 'ok';
var_dump(session_write_close());
echo sess_show("tcp://$host:$port", $id), "\n";
session_id($id);
session_start();
session_destroy();
?>
--EXPECT--
-- tcp://127.0.0.1:notaport --
warning: session_start(): Failed to parse memcache.save_path (error at offset 0, url was 'tcp://127.0.0.1:notaport')
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:notaport)
session_start: false
-- tcp://127.0.0.1:99999 --
warning: session_start(): Failed to parse memcache.save_path (error at offset 0, url was 'tcp://127.0.0.1:99999')
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:99999)
session_start: false
-- tcp://:PORT1 --
warning: session_start(): Failed to parse memcache.save_path (error at offset 0, url was 'tcp://:PORT1')
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://:PORT1)
session_start: false
-- tcp://127.0.0.1:PORT1?weight=0 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=0)
session_start: false
-- tcp://127.0.0.1:PORT1?weight=-1 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=-1)
session_start: false
-- tcp://127.0.0.1:PORT1?weight=0.5 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=0.5)
session_start: false
-- tcp://127.0.0.1:PORT1?weight= --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=)
session_start: false
-- tcp://127.0.0.1:PORT1?weight --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout=0 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=0)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout=-0 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=-0)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout=-1 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=-1)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout=abc --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=abc)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout= --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=)
session_start: false
-- tcp://127.0.0.1:PORT1?timeout=nan --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?timeout=nan)
session_start: false
-- tcp://127.0.0.1:PORT1, tcp://127.0.0.1:PORT2?weight=0 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1, tcp://127.0.0.1:PORT2?weight=0)
session_start: false
-- tcp://127.0.0.1:PORT1?weight=2&weight=0 --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1?weight=2&weight=0)
session_start: false
-- tcp://127.0.0.1 --
session_start: true
warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (tcp://127.0.0.1)
session_write_close: true
-- tcp://127.0.0.1:0 --
session_start: true
warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (tcp://127.0.0.1:0)
session_write_close: true
-- a valid path afterwards --
bool(true)
bool(true)
flags 0 value 'x|s:2:"ok";'
