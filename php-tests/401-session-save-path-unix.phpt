--TEST--
Session save path with a unix socket: unix:///path, upstream test 053's ",  unix:///path:0?weight=1, " (empty items ignored), and file:///path
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$socket = "unix://$unixSocket";
foreach (["unix://$unixSocket", ",  unix://$unixSocket:0?weight=1, ", "file://$unixSocket"] as $i => $path) {
    echo "-- ", str_replace($unixSocket, 'SOCK', var_export($path, true)), " --\n";
    session_save_path($path);
    $id = sess_new_id('s401');
    session_id($id);
    var_dump(session_start());
    $_SESSION['form'] = $i;
    var_dump(session_write_close());
    echo 'data: ', sess_show($socket, $id), "\nlock: ", sess_show($socket, "$id.lock"), "\n";
    session_id($id);
    var_dump(session_start(), $_SESSION);
    var_dump(session_destroy());
    echo 'after destroy: ', sess_show($socket, $id), "\n";
}
?>
--EXPECT--
-- 'unix://SOCK' --
bool(true)
bool(true)
data: flags 0 value 'form|i:0;'
lock: flags 768 value '0'
bool(true)
array(1) {
  ["form"]=>
  int(0)
}
bool(true)
after destroy: missing
-- ',  unix://SOCK:0?weight=1, ' --
bool(true)
bool(true)
data: flags 0 value 'form|i:1;'
lock: flags 768 value '0'
bool(true)
array(1) {
  ["form"]=>
  int(1)
}
bool(true)
after destroy: missing
-- 'file://SOCK' --
bool(true)
bool(true)
data: flags 0 value 'form|i:2;'
lock: flags 768 value '0'
bool(true)
array(1) {
  ["form"]=>
  int(2)
}
bool(true)
after destroy: missing
