--TEST--
session.lazy_write=1 (the default) with unchanged data: the end of the session still releases the lock (and renews the expiry with the current gc_maxlifetime), so the next start does not wait; lazy_write=0 the same
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
// memcached counts a time to live on its own clock, which a loaded machine can hold seconds
// behind: an item given the expiry time() + 100 now shows the most "about 100" can read.
$ttl = function (string $id) use ($server) {
    $t = sess_item($server, $id)['ttl'] ?? null;
    sess_raw($server, 'ms s412-clock 1 T' . (time() + 100) . "\r\nx");
    $most = (sess_item($server, 's412-clock')['ttl'] ?? 0) + 1;
    return $t === null ? 'missing' : ($t > 4000 ? 'about 5000' : ($t > 50 && $t <= $most ? 'about 100' : $t));
};
foreach (['1', '0'] as $lazy) {
    echo "-- session.lazy_write=$lazy --\n";
    ini_set('session.lazy_write', $lazy);
    ini_set('session.gc_maxlifetime', 100);
    $id = sess_new_id('s412');
    session_id($id);
    session_start();
    $_SESSION['n'] = 1;
    session_write_close();
    echo 'data ttl: ', $ttl($id), "\n";

    ini_set('session.gc_maxlifetime', 5000);
    session_id($id);
    session_start();
    echo 'lock while held: ', sess_show($server, "$id.lock"), "\n";
    var_dump(session_write_close());                       // $_SESSION unchanged
    echo 'lock after: ', sess_show($server, "$id.lock"), "\n";
    echo 'data: ', sess_show($server, $id), ', ttl: ', $ttl($id), "\n";

    session_id($id);
    $t = microtime(true);
    session_start();
    $elapsed = microtime(true) - $t;
    var_dump($_SESSION);
    echo $elapsed < 1 ? "next start at once\n" : sprintf("next start took %.2f s\n", $elapsed);
    session_destroy();
}
?>
--EXPECT--
-- session.lazy_write=1 --
data ttl: about 100
lock while held: flags 768 value '1'
bool(true)
lock after: flags 768 value '0'
data: flags 0 value 'n|i:1;', ttl: about 5000
array(1) {
  ["n"]=>
  int(1)
}
next start at once
-- session.lazy_write=0 --
data ttl: about 100
lock while held: flags 768 value '1'
bool(true)
lock after: flags 768 value '0'
data: flags 0 value 'n|i:1;', ttl: about 5000
array(1) {
  ["n"]=>
  int(1)
}
next start at once
