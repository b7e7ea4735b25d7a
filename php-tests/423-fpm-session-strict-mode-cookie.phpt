--TEST--
FPM with session.use_strict_mode=1: a session cookie with an id that has no session gets a new id; the cookie of an existing session is kept and reads it
--SKIPIF--
<?php if (!getenv('MEMCACHE_TEST_FPM')) die('skip no php-fpm (scripts/test-env.sh starts one; make deps-test)'); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
$query = ['path' => $server, 'ini' => ['session.use_strict_mode' => 1], 'incr' => 1];
$unknown = sess_new_id('s423');
$r = json_decode(fpm_request('session.php', $query, ['HTTP_COOKIE' => "PHPSESSID=$unknown"]), true);
$new = $r['id'];
echo 'unknown cookie: id replaced: ', var_export($new !== $unknown, true), ', read: ', json_encode($r['session']), "\n";
echo 'stored under the unknown id: ', sess_show($server, $unknown), "\n";
echo 'stored under the new id: ', sess_show($server, $new), "\n";
$r = json_decode(fpm_request('session.php', $query, ['HTTP_COOKIE' => "PHPSESSID=$new"]), true);
echo 'known cookie: id kept: ', var_export($r['id'] === $new, true), ', read: ', json_encode($r['session']), ', n now ', $r['n'], "\n";
sess_raw($server, "delete $new");
sess_raw($server, "delete $new.lock");
?>
--EXPECT--
unknown cookie: id replaced: true, read: []
stored under the unknown id: missing
stored under the new id: flags 0 value 'n|i:1;'
known cookie: id kept: true, read: {"n":1}, n now 2
