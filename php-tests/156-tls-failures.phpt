--TEST--
tls:// failures: unknown CA, wrong name, expired certificate, missing client certificate, a plain server on a tls:// address, a TLS server on a plain address, unreadable or invalid files and a hung TLS server each fail the server with their own message (failure callback, notice, connect() warning) within the timeout, without a crash; a client certificate, and verification turned off, connect
--SKIPIF--
<?php include __DIR__ . '/tls.inc'; if ($r = tls_skip_reason()) die($r); ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.shared_health=0
--FILE--
<?php
include __DIR__ . '/tls.inc';
$expired = tls_memcached_start('server-expired.pem');
$mutual = tls_memcached_start('server.pem', "ssl_ca_cert=$tlsCerts/ca.pem,ssl_verify_mode=3");

/**
 * One get from a new pool with only $host:$port (not persistent, timeout $timeout s) under the
 * TLS settings $ini; prints the failure callback's arguments (or the value), the server status
 * and whether the get ended within the timeout.
 */
function tls_case(string $label, string $host, int $port, array $ini = [], float $timeout = 1.0): void
{
    global $tlsCerts;
    $settings = $ini + [
        'memcache.tls_ca_file' => "$tlsCerts/ca.pem",
        'memcache.tls_verify_peer' => '1',
        'memcache.tls_server_name' => '',
        'memcache.tls_cert_file' => '',
        'memcache.tls_key_file' => '',
    ];
    foreach ($settings as $name => $value) {
        ini_set($name, $value);
    }
    $m = new Memcache;
    $m->addServer($host, $port, false, 1, $timeout);
    $m->setFailureCallback(function ($host, $tcp, $udp, $error, $errnum) {
        echo "  callback: $host $errnum $error\n";
    });
    $started = microtime(true);
    $value = $m->get('k156');
    $elapsed = microtime(true) - $started;
    echo "$label\n";
    echo '  get: ', var_export($value, true), ', status: ', $m->getServerStatus($host, $port),
        ', within the timeout: ', var_export($elapsed < $timeout + 0.5, true), "\n";
}

$tls = "tls://$host";
$plain = new Memcache;
$plain->addServer($host, $tlsPlainPort);
$plain->set('k156', 'secret');

tls_case('unknown CA', $tls, $tlsPort, ['memcache.tls_ca_file' => "$tlsCerts/other-ca.pem"]);
tls_case('the system trust store does not know the test CA', $tls, $tlsPort, ['memcache.tls_ca_file' => '']);
tls_case('wrong name', $tls, $tlsPort, ['memcache.tls_server_name' => 'cache.example']);
tls_case('expired certificate', $tls, $expired['tls_port']);
tls_case('no client certificate', $tls, $mutual['tls_port']);
tls_case('plain server on tls://', $tls, $port);
tls_case('TLS server on a plain address', $host, $tlsPort);
tls_case('unreadable CA file', $tls, $tlsPort, ['memcache.tls_ca_file' => "$tlsCerts/no-such.pem"]);
tls_case('CA file without certificates', $tls, $tlsPort, ['memcache.tls_ca_file' => "$tlsCerts/server.key"]);
tls_case('key file without certificate file', $tls, $mutual['tls_port'], ['memcache.tls_key_file' => "$tlsCerts/client.key"]);
tls_case('name that is no name', $tls, $tlsPort, ['memcache.tls_server_name' => 'not a name']);

echo "-- what connects --\n";
$mutual['plain'] = new Memcache;
$mutual['plain']->addServer($host, $mutual['port']);
$mutual['plain']->set('k156', 'mutual');
tls_case('client certificate', $tls, $mutual['tls_port'],
    ['memcache.tls_cert_file' => "$tlsCerts/client.pem", 'memcache.tls_key_file' => "$tlsCerts/client.key"]);
tls_case('localhost by name', 'tls://localhost', $tlsPort);
tls_case('verification off: unknown CA and wrong name accepted', $tls, $tlsPort,
    ['memcache.tls_verify_peer' => '0', 'memcache.tls_ca_file' => "$tlsCerts/other-ca.pem",
        'memcache.tls_server_name' => 'cache.example']);

echo "-- hung TLS server (kill -STOP) --\n";
$hung = tls_memcached_start();
$pid = proc_get_status($hung['proc'])['pid'];
exec("kill -STOP $pid");
test_wait_stopped($pid);
tls_case('hung before the handshake, timeout 0.5', $tls, $hung['tls_port'], [], 0.5);
exec("kill -CONT $pid");
test_wait_stopped($pid, false);

echo "-- the notice, and connect()'s warning --\n";
ini_set('memcache.tls_ca_file', "$tlsCerts/other-ca.pem");
$m = new Memcache;
$m->addServer($tls, $tlsPort, false);
var_dump($m->get('k156'));
$m = new Memcache;
var_dump($m->connect($tls, $tlsPort));
?>
--EXPECTF--
  callback: tls://127.0.0.1 0 TLS handshake failed: the server's certificate is not signed by a trusted CA (unknown issuer; memcache.tls_ca_file names the CAs to trust)
unknown CA
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS handshake failed: the server's certificate is not signed by a trusted CA (unknown issuer; memcache.tls_ca_file names the CAs to trust)
the system trust store does not know the test CA
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS handshake failed: the server's certificate is not valid for the name 'cache.example' (it names localhost, 127.0.0.1, ::1; memcache.tls_server_name sets the name to check)
wrong name
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS handshake failed: the server's certificate has expired
expired certificate
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS handshake failed: the server requires a client certificate (set memcache.tls_cert_file and memcache.tls_key_file)
no client certificate
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS handshake failed: the server does not speak TLS (a plain memcached on a tls:// address?)
plain server on tls://
  get: false, status: 0, within the timeout: true
  callback: 127.0.0.1 0 Read failed (the server closed a new connection without answering: a TLS listener needs tls://host; a proxy may not support the command)
TLS server on a plain address
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS setup failed: cannot read memcache.tls_ca_file '%s/no-such.pem': No such file or directory
unreadable CA file
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS setup failed: memcache.tls_ca_file '%s/server.key' holds no PEM certificate
CA file without certificates
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS setup failed: memcache.tls_key_file is set but memcache.tls_cert_file is not
key file without certificate file
  get: false, status: 0, within the timeout: true
  callback: tls://127.0.0.1 0 TLS setup failed: 'not a name' is not a valid server name for a certificate (set memcache.tls_server_name)
name that is no name
  get: false, status: 0, within the timeout: true
-- what connects --
client certificate
  get: 'mutual', status: 1, within the timeout: true
localhost by name
  get: 'secret', status: 1, within the timeout: true
verification off: unknown CA and wrong name accepted
  get: 'secret', status: 1, within the timeout: true
-- hung TLS server (kill -STOP) --
  callback: tls://127.0.0.1 110 Connection failed: TLS handshake timed out (no TLS answer from the server)
hung before the handshake, timeout 0.5
  get: false, status: 0, within the timeout: true
-- the notice, and connect()'s warning --

Notice: MemcachePool::get(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: the server's certificate is not signed by a trusted CA (unknown issuer; memcache.tls_ca_file names the CAs to trust) (0) in %s on line %d
bool(false)

Notice: Memcache::connect(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: the server's certificate is not signed by a trusted CA (unknown issuer; memcache.tls_ca_file names the CAs to trust) (0) in %s on line %d

Warning: Memcache::connect(): Can't connect to tls://127.0.0.1:%d, TLS handshake failed: the server's certificate is not signed by a trusted CA (unknown issuer; memcache.tls_ca_file names the CAs to trust) (0) in %s on line %d
bool(false)
