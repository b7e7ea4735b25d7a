--TEST--
Other session functions on the memcache handler: session_create_id() during a session gives a fresh id (validated as unused), session_gc() collects nothing (memcached expires sessions) and returns 0, session_reset() reads the stored data again, session_status() after read_and_close
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$id = sess_new_id('s419');
session_id($id);
session_start();
$_SESSION['stored'] = 1;
session_write_close();

session_id($id);
session_start();
$new = session_create_id('s419-');
var_dump(is_string($new) && str_starts_with($new, 's419-') && $new !== $id, sess_item($server, (string) $new));
var_dump(session_gc());
$_SESSION['unsaved'] = 1;
var_dump(session_reset(), $_SESSION);
session_write_close();
var_dump(session_start(['read_and_close' => true]), $_SESSION, session_status() === PHP_SESSION_NONE);
echo sess_show($server, $id), ', lock ', sess_show($server, "$id.lock"), "\n";
session_id($id);
session_start();
session_destroy();
?>
--EXPECT--
bool(true)
NULL
int(0)
bool(true)
array(1) {
  ["stored"]=>
  int(1)
}
bool(true)
array(1) {
  ["stored"]=>
  int(1)
}
bool(true)
flags 0 value 'stored|i:1;', lock flags 768 value '0'
