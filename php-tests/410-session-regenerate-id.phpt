--TEST--
session_regenerate_id(true) destroys the old session (data and lock) and keeps $_SESSION under the new id; session_regenerate_id(false) keeps the old data and releases its lock; the new lock is created as int 1 with flags 768 (binary: flags 0, by INCR-with-initial) (upstream githubbug13)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
foreach ([true, false] as $deleteOld) {
    echo '-- session_regenerate_id(', var_export($deleteOld, true), ") --\n";
    $old = sess_new_id('s410');
    session_id($old);
    session_start();
    $_SESSION['user'] = 'alice';
    session_write_close();

    session_id($old);
    session_start();
    $_SESSION['step'] = 2;
    var_dump(session_regenerate_id($deleteOld));
    $new = session_id();
    var_dump($new !== $old && strlen($new) >= 22);
    // created by the read of the new id: ASCII add (int, flags 768); binary INCR with
    // initial 1 (flags 0; meta: ma with J, the same)
    check_per_protocol('new lock (held)', sess_show($server, "$new.lock"), "flags 768 value '1'", "flags 0 value '1'", "flags 0 value '1'");
    var_dump(session_write_close());
    echo 'old data: ', sess_show($server, $old), "\nold lock: ", sess_show($server, "$old.lock"), "\n";
    echo 'new data: ', sess_show($server, $new), "\nnew lock: ", sess_show($server, "$new.lock"), "\n";

    session_id($new);
    session_start();
    var_dump($_SESSION);
    session_destroy();
    session_id($old);
    session_start();
    session_destroy();
}
?>
--EXPECT--
-- session_regenerate_id(true) --
bool(true)
bool(true)
new lock (held): ok
bool(true)
old data: missing
old lock: missing
new data: flags 0 value 'user|s:5:"alice";step|i:2;'
new lock: flags 768 value '0'
array(2) {
  ["user"]=>
  string(5) "alice"
  ["step"]=>
  int(2)
}
-- session_regenerate_id(false) --
bool(true)
bool(true)
new lock (held): ok
bool(true)
old data: flags 0 value 'user|s:5:"alice";step|i:2;'
old lock: flags 768 value '0'
new data: flags 0 value 'user|s:5:"alice";step|i:2;'
new lock: flags 768 value '0'
array(2) {
  ["user"]=>
  string(5) "alice"
  ["step"]=>
  int(2)
}
