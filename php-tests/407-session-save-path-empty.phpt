--TEST--
An empty session save path ("", only separators, or an empty memcache.session_save_path over a valid session.save_path) fails session_start() cleanly with PHP's "Failed to initialize storage module" warning; the C extension crashes here
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

set_error_handler(function ($no, $message) use ($port) {
    echo 'warning: ', str_replace((string) $port, 'PORT1', $message), "\n";
    return true;
});
$id = sess_new_id('s407');
foreach (['', ' , ', ",\t\n, "] as $path) {
    echo '-- ', var_export($path, true), " --\n";
    session_save_path($path);
    session_id($id);
    var_dump(session_start(), session_status() === PHP_SESSION_ACTIVE);
}
echo "-- memcache.session_save_path='' over a valid session.save_path --\n";
session_save_path("tcp://$host:$port");
ini_set('memcache.session_save_path', '');
session_id($id);
var_dump(session_start());
ini_restore('memcache.session_save_path');
echo "-- a valid path afterwards --\n";
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
-- '' --
warning: session_start(): Failed to initialize storage module: memcache (path: )
bool(false)
bool(false)
-- ' , ' --
warning: session_start(): Failed to initialize storage module: memcache (path:  , )
bool(false)
bool(false)
-- ',	
, ' --
warning: session_start(): Failed to initialize storage module: memcache (path: ,	
, )
bool(false)
bool(false)
-- memcache.session_save_path='' over a valid session.save_path --
warning: session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:PORT1)
bool(false)
-- a valid path afterwards --
bool(true)
bool(true)
flags 0 value 'x|s:2:"ok";'
