--TEST--
A session lock that cannot be obtained (set by hand, no expiry) with memcache.lock_timeout=1: session_start() gives up after 2 s and fails with "Unable to obtain the session lock within 2 seconds" (memcache.session_fail_on_lock_timeout, default On); the stored data and the foreign lock are left alone; once the lock is gone the session starts with its data (docs/sessions.md)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.lock_timeout=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
var_dump(ini_get('memcache.session_fail_on_lock_timeout'));
$id = sess_new_id('s430');
echo sess_raw($server, "set $id 0 0 9\r\nkept|i:1;");
echo sess_raw($server, "set $id.lock 768 0 1\r\n1");

session_id($id);
$t = microtime(true);
$started = session_start();
$elapsed = microtime(true) - $t;
var_dump($started, session_status() === PHP_SESSION_ACTIVE, $_SESSION);
echo $elapsed >= 1.9 && $elapsed < 5 ? "gave up after about 2 s\n" : sprintf("gave up after %.2f s\n", $elapsed);
$_SESSION['lost'] = 1;
var_dump(session_write_close());
echo 'data: ', sess_show($server, $id), "\n";
$lock = sess_item($server, "$id.lock");
// Each attempt increments it (the protocol's incr), it is never reset nor deleted.
echo 'lock: ', $lock['value'] >= 1 ? 'still taken' : 'released', ', ttl ', $lock['ttl'], "\n";

echo "-- the lock removed by hand --\n";
echo sess_raw($server, "delete $id.lock");
session_id($id);
var_dump(session_start(), $_SESSION);
session_destroy();
?>
--EXPECTF--
string(1) "1"
STORED
STORED

Warning: session_start(): Unable to obtain the session lock within 2 seconds in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: tcp://%s) in %s on line %d
bool(false)
bool(false)
array(0) {
}
gave up after about 2 s
bool(false)
data: flags 0 value 'kept|i:1;'
lock: still taken, ttl -1
-- the lock removed by hand --
DELETED
bool(true)
array(1) {
  ["kept"]=>
  int(1)
}
