--TEST--
Sessions over TLS: session.save_path and memcache.session_save_path take tls://host:port (with ?persistent=1 and the other parameters); the session is written encrypted and read back, the plain listener of the same memcached holds the same bytes; a save path whose TLS server cannot be verified leaves the session empty, as a failed server does
--SKIPIF--
<?php include __DIR__ . '/tls.inc'; if ($r = tls_skip_reason()) die($r); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
memcache.shared_health=0
--FILE--
<?php
include __DIR__ . '/session.inc';
include __DIR__ . '/tls.inc';
ini_set('memcache.tls_ca_file', "$tlsCerts/ca.pem");
$plain = "tcp://$host:$tlsPlainPort";

$round = function (string $label) use ($plain) {
    $id = sess_new_id('s443');
    session_id($id);
    $started = session_start();
    $_SESSION['secret'] = $label;
    session_write_close();
    session_id($id);
    session_start();
    $read = $_SESSION['secret'] ?? null;
    session_write_close();
    printf("%s: start %s, read back %s, plain listener holds %s\n", $label, var_export($started, true),
        var_export($read, true), var_export(sess_item($plain, $id)['value'] ?? null, true));
    sess_raw($plain, "delete $id");
};

session_save_path("tls://$host:$tlsPort");
$round('session.save_path');
session_save_path("tls://$host:$tlsPort?persistent=1&timeout=0.5&retry_interval=2");
$round('with parameters');
ini_set('memcache.session_save_path', "tls://localhost:$tlsPort");
$round('memcache.session_save_path, by name');
ini_restore('memcache.session_save_path');

echo "-- a CA that did not sign the server's certificate --\n";
ini_set('memcache.tls_ca_file', "$tlsCerts/other-ca.pem");
session_save_path("tls://$host:$tlsPort");
$id = sess_new_id('s443');
session_id($id);
var_dump(session_start(), $_SESSION);
$_SESSION['x'] = 1;
var_dump(session_write_close());
var_dump(sess_item($plain, $id));
?>
--EXPECTF--
session.save_path: start true, read back 'session.save_path', plain listener holds 'secret|s:17:"session.save_path";'
with parameters: start true, read back 'with parameters', plain listener holds 'secret|s:15:"with parameters";'
memcache.session_save_path, by name: start true, read back 'memcache.session_save_path, by name', plain listener holds 'secret|s:35:"memcache.session_save_path, by name";'
-- a CA that did not sign the server's certificate --
bool(true)
array(0) {
}

Warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (tls://127.0.0.1:%d) in %s on line %d
bool(true)
NULL
