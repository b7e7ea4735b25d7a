--TEST--
memcache.session_fail_on_lock_timeout=0 (the C extension's behaviour): with a lock that cannot be obtained, session_start() succeeds after 2×lock_timeout with an empty session, and its write replaces the stored data and sets the lock to 0
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.lock_timeout=1
memcache.session_fail_on_lock_timeout=0
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$id = sess_new_id('s431');
echo sess_raw($server, "set $id 0 0 9\r\nkept|i:1;");
echo sess_raw($server, "set $id.lock 768 0 1\r\n1");

session_id($id);
$t = microtime(true);
$started = session_start();
$elapsed = microtime(true) - $t;
var_dump($started, $_SESSION);
echo $elapsed >= 1.9 && $elapsed < 5 ? "started after about 2 s\n" : sprintf("started after %.2f s\n", $elapsed);
$_SESSION['new'] = 1;
var_dump(session_write_close());
echo 'data: ', sess_show($server, $id), "\nlock: ", sess_show($server, "$id.lock"), "\n";
session_id($id);
session_start();
session_destroy();
?>
--EXPECT--
STORED
STORED
bool(true)
array(0) {
}
started after about 2 s
bool(true)
data: flags 0 value 'new|i:1;'
lock: flags 768 value '0'
