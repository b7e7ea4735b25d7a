--TEST--
Session: write/read/destroy round trip; on the wire the data key holds the session string (flags 0) with the absolute expiry time()+session.gc_maxlifetime, <id>.lock is int 1 (flags 768, ttl lock_timeout; flags 0 in binary and meta when the INCR-with-initial or ma-with-J created it) while held and 0 after the write
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path("tcp://$host:$port");
ini_set('memcache.lock_timeout', 7);
$id = sess_new_id('s400');
$lock = function () use ($server, $id) {
    $item = sess_item($server, "$id.lock");
    return $item === null ? 'missing' : sprintf('flags %d value %s ttl %s', $item['flags'],
        var_export($item['value'], true), $item['ttl'] >= 6 && $item['ttl'] <= 7 ? 'lock_timeout' : $item['ttl']);
};
$data = function () use ($server, $id) {
    $item = sess_item($server, $id);
    $lifetime = (int) ini_get('session.gc_maxlifetime');
    return $item === null ? 'missing' : sprintf('flags %d value %s ttl %s', $item['flags'],
        var_export($item['value'], true),
        abs($item['ttl'] - $lifetime) <= 3 ? 'gc_maxlifetime' : $item['ttl']);
};

echo "-- request 1: a new session (the lock is taken with add; binary: incr with initial 1) --\n";
session_id($id);
var_dump(session_start(), $_SESSION);
// ASCII: incr misses and the add creates the lock as int 1 (flags 768). Binary: the INCR
// carries initial value 1 and expiry lock_timeout, so it creates the lock itself, with the
// flags 0 of a binary counter, and the add fails; meta's ma with J does the same
check_per_protocol('lock', $lock(), "flags 768 value '1' ttl lock_timeout", "flags 0 value '1' ttl lock_timeout",
    "flags 0 value '1' ttl lock_timeout");
echo 'data: ', $data(), "\n";
$_SESSION['n'] = 1;
$_SESSION['s'] = "two words\n";
var_dump(session_write_close());
echo 'lock: ', $lock(), "\ndata: ", $data(), "\n";

echo "-- request 2: read back (the lock is taken with incr 0 -> 1) --\n";
ini_set('session.gc_maxlifetime', 3000000);   // > 30 days: memcached takes the expiry for a unix time
session_id($id);
var_dump(session_start(), $_SESSION);
echo 'lock: ', $lock(), "\n";
$_SESSION['n']++;
var_dump(session_write_close());
echo 'lock: ', $lock(), "\ndata: ", $data(), "\n";

echo "-- request 3: destroy removes the data and the lock --\n";
session_id($id);
var_dump(session_start(), $_SESSION['n']);
var_dump(session_destroy());
echo 'lock: ', $lock(), "\ndata: ", $data(), "\n";

echo "-- request 4: the destroyed session is empty --\n";
session_id($id);
var_dump(session_start(), $_SESSION);
var_dump(session_write_close());
echo 'data: ', $data(), "\n";
sess_raw($server, "delete $id");
sess_raw($server, "delete $id.lock");
?>
--EXPECT--
-- request 1: a new session (the lock is taken with add; binary: incr with initial 1) --
bool(true)
array(0) {
}
lock: ok
data: missing
bool(true)
lock: flags 768 value '0' ttl lock_timeout
data: flags 0 value 'n|i:1;s|s:10:"two words
";' ttl gc_maxlifetime
-- request 2: read back (the lock is taken with incr 0 -> 1) --
bool(true)
array(2) {
  ["n"]=>
  int(1)
  ["s"]=>
  string(10) "two words
"
}
lock: flags 768 value '1' ttl lock_timeout
bool(true)
lock: flags 768 value '0' ttl lock_timeout
data: flags 0 value 'n|i:2;s|s:10:"two words
";' ttl gc_maxlifetime
-- request 3: destroy removes the data and the lock --
bool(true)
int(2)
bool(true)
lock: missing
data: missing
-- request 4: the destroyed session is empty --
bool(true)
array(0) {
}
bool(true)
data: flags 0 value '' ttl gc_maxlifetime
