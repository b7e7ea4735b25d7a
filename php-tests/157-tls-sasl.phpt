--TEST--
SASL PLAIN over TLS (binary protocol, memcached -S -Z): setSaslAuthData() then a tls:// server authenticates inside the encrypted connection; the plain listener of the same memcached reads what was written; wrong credentials fail the server with "Auth failure." as in the clear
--SKIPIF--
<?php
include __DIR__ . '/tls.inc';
if (!getenv('MEMCACHE_TEST_SASL_TLS_PORT')) {
    die('skip needs the harness\'s SASL memcached with TLS (saslpasswd2, the PLAIN plugin, openssl: make deps-test)');
}
?>
--INI--
memcache.protocol=binary
error_reporting=E_ALL & ~E_DEPRECATED
memcache.shared_health=0
--FILE--
<?php
include __DIR__ . '/tls.inc';
ini_set('memcache.tls_ca_file', "$tlsCerts/ca.pem");
$saslPort = (int) getenv('MEMCACHE_TEST_SASL_PORT');
$saslTlsPort = (int) getenv('MEMCACHE_TEST_SASL_TLS_PORT');
$user = getenv('MEMCACHE_TEST_SASL_USER');
$password = getenv('MEMCACHE_TEST_SASL_PASSWORD');

function sasl_tls_pool(string $user, string $password, string $host, int $port): Memcache
{
    $m = new Memcache();
    $m->setSaslAuthData($user, $password);
    $m->addServer($host, $port, false);
    return $m;
}

echo "-- over TLS --\n";
$m = sasl_tls_pool($user, $password, "tls://$host", $saslTlsPort);
var_dump($m->set('k157', 'sent encrypted'));
var_dump($m->get(['k157', 'k157_missing']));
var_dump($m->increment('k157_n', 1, 6));
var_dump($m->getServerStatus("tls://$host", $saslTlsPort));

echo "-- the plain listener, with the same credentials --\n";
$plain = sasl_tls_pool($user, $password, $host, $saslPort);
var_dump($plain->get('k157'), $plain->get('k157_n'));

echo "-- wrong password over TLS --\n";
$m = sasl_tls_pool($user, 'not-the-password', "tls://$host", $saslTlsPort);
var_dump($m->get('k157'));
var_dump($m->getServerStatus("tls://$host", $saslTlsPort));
?>
--EXPECTF--
-- over TLS --
bool(true)
array(1) {
  ["k157"]=>
  string(14) "sent encrypted"
}
int(6)
int(1)
-- the plain listener, with the same credentials --
string(14) "sent encrypted"
string(1) "6"
-- wrong password over TLS --

Notice: MemcachePool::get(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: Auth failure. (0) in %s on line %d
bool(false)
int(0)
