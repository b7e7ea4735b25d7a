--TEST--
session.use_strict_mode=1: an id that has no session is replaced by a new one (nothing is stored under it); the id of an existing session is kept and starts without waiting for its own lock
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
session.use_strict_mode=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);

echo "-- an unknown id --\n";
$unknown = sess_new_id('s411');
session_id($unknown);
var_dump(session_start());
$new = session_id();
var_dump($new !== $unknown, (bool) preg_match('/^[a-v0-9]{26,}$/', $new));
$_SESSION['n'] = 1;
var_dump(session_write_close());
echo 'unknown id data: ', sess_show($server, $unknown), ', lock: ', sess_show($server, "$unknown.lock"), "\n";
echo 'new id data: ', sess_show($server, $new), "\n";

echo "-- the id of an existing session --\n";
session_id($new);
$t = microtime(true);
var_dump(session_start());
$elapsed = microtime(true) - $t;
var_dump(session_id() === $new, $_SESSION);
echo $elapsed < 1 ? "started at once\n" : sprintf("took %.2f s\n", $elapsed);
$_SESSION['n']++;
var_dump(session_write_close());
echo 'data: ', sess_show($server, $new), ', lock: ', sess_show($server, "$new.lock"), "\n";
session_id($new);
session_start();
session_destroy();
?>
--EXPECT--
-- an unknown id --
bool(true)
bool(true)
bool(true)
bool(true)
unknown id data: missing, lock: missing
new id data: flags 0 value 'n|i:1;'
-- the id of an existing session --
bool(true)
bool(true)
array(1) {
  ["n"]=>
  int(1)
}
started at once
bool(true)
data: flags 0 value 'n|i:2;', lock: flags 768 value '0'
