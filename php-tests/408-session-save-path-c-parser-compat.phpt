--TEST--
Session save path items are read as the C extension reads them (PHP's URL parser + query string parsing): any scheme, user info, path and fragment ignored, parameter values URL-decoded and converted like PHP numbers ("0.5;weight=2" is 0.5), the last duplicate wins; a bare /path.sock fails without a parse warning; the parse warning names the whole save path (spec §12.1)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

set_error_handler(function ($no, $message) use ($port) {
    echo 'warning: ', str_replace((string) $port, 'PORT1', $message), "\n";
    return true;
});
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
];
foreach ($paths as $path) {
    echo '-- ', str_replace((string) $port, 'PORT1', $path), " --\n";
    session_save_path($path);
    $id = sess_new_id('s408');
    session_id($id);
    $started = session_start();
    echo 'session_start: ', var_export($started, true), "\n";
    if ($started) {
        $_SESSION['x'] = 1;
        $closed = session_write_close();
        echo 'session_write_close: ', var_export($closed, true), ', data on the server: ',
            sess_show("tcp://$host:$port", $id), "\n";
        sess_raw("tcp://$host:$port", "delete $id");
        sess_raw("tcp://$host:$port", "delete $id.lock");
    }
}
?>
--EXPECT--
-- tcp://127.0.0.1:PORT1?timeout=0.5;weight=2 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1?timeout=1s --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1?timeout=2%20 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1?weight=%32 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1?weight=%20%202 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1?weight=0&weight=2 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1/path --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://127.0.0.1:PORT1#fragment --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- tcp://user:secret@127.0.0.1:PORT1 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- http://127.0.0.1:PORT1 --
session_start: true
session_write_close: true, data on the server: flags 0 value 'x|i:1;'
-- /tmp/s408-no-such.sock --
warning: session_start(): Failed to initialize storage module: memcache (path: /tmp/s408-no-such.sock)
session_start: false
-- 127.0.0.1:PORT1, tcp://127.0.0.1:notaport --
warning: session_start(): Failed to parse memcache.save_path (error at offset 17, url was '127.0.0.1:PORT1, tcp://127.0.0.1:notaport')
warning: session_start(): Failed to initialize storage module: memcache (path: 127.0.0.1:PORT1, tcp://127.0.0.1:notaport)
session_start: false
