--TEST--
SASL PLAIN (binary protocol): setSaslAuthData() before addServer authenticates every new connection; wrong or missing credentials fail the server with "Auth failure.", a server without SASL with "Unknown command"; credentials of one byte are not sent; the C extension reads what we wrote [memcache.shared_health=0: failure state per process, as in the C extension]
--SKIPIF--
<?php
if (!getenv('MEMCACHE_TEST_SASL_PORT')) {
    die('skip needs the harness\'s SASL-enabled memcached (saslpasswd2 and the PLAIN plugin: make deps-test)');
}
?>
--INI--
memcache.shared_health=0
memcache.protocol=binary
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
$saslPort = (int) getenv('MEMCACHE_TEST_SASL_PORT');
$user = getenv('MEMCACHE_TEST_SASL_USER');
$password = getenv('MEMCACHE_TEST_SASL_PASSWORD');

// Non-persistent servers, so every case starts with a connection (and health) of its own.
function sasl_pool(?string $user, ?string $password, int $port): Memcache
{
    global $host;
    $m = new Memcache();
    if ($user !== null) {
        var_dump($m->setSaslAuthData($user, $password));
    }
    $m->addServer($host, $port, false);
    return $m;
}

echo "-- right credentials --\n";
$m = sasl_pool($user, $password, $saslPort);
var_dump($m->set('k151', 'secret value'));
var_dump($m->get('k151'));
var_dump($m->get(['k151', 'k151_missing']));
var_dump($m->increment('k151_n', 1, 41));
var_dump($m->getServerStatus($host, $saslPort));

echo "-- a new connection authenticates again --\n";
$m->close();
$m->addServer($host, $saslPort, false);
var_dump($m->get('k151'));

echo "-- credentials set after addServer are not used --\n";
$late = new Memcache();
$late->addServer($host, $saslPort, false);
$late->setSaslAuthData($user, $password);
var_dump($late->get('k151'));
var_dump($late->getServerStatus($host, $saslPort));

echo "-- wrong password --\n";
$m = sasl_pool($user, 'not-the-password', $saslPort);
var_dump($m->get('k151'));
var_dump($m->getServerStatus($host, $saslPort));

echo "-- no credentials, and one-byte credentials (not sent) --\n";
$m = sasl_pool(null, null, $saslPort);
var_dump($m->set('k151', 'overwrite'));
$m = sasl_pool('u', 'p', $saslPort);
var_dump($m->get('k151'));

echo "-- a server without SASL --\n";
$m = sasl_pool($user, $password, $port);
var_dump($m->get('k151'));
var_dump($m->getServerStatus($host, $port));

echo "-- the C extension, with the same credentials, reads what we wrote --\n";
echo run_with_c_extension('
    error_reporting(E_ALL & ~E_DEPRECATED);
    ini_set("memcache.protocol", "binary");
    $m = new Memcache();
    $m->setSaslAuthData(getenv("MEMCACHE_TEST_SASL_USER"), getenv("MEMCACHE_TEST_SASL_PASSWORD"));
    $m->addServer($host, (int) getenv("MEMCACHE_TEST_SASL_PORT"), false);
    var_dump(@$m->get("k151"), @$m->get("k151_n"));
');
?>
--EXPECTF--
-- right credentials --
bool(true)
bool(true)
string(12) "secret value"
array(1) {
  ["k151"]=>
  string(12) "secret value"
}
int(41)
int(1)
-- a new connection authenticates again --
string(12) "secret value"
-- credentials set after addServer are not used --

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Auth failure. (0) in %s on line %d
bool(false)
int(0)
-- wrong password --
bool(true)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Auth failure. (0) in %s on line %d
bool(false)
int(0)
-- no credentials, and one-byte credentials (not sent) --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Auth failure. (0) in %s on line %d
bool(false)
bool(true)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Auth failure. (0) in %s on line %d
bool(false)
-- a server without SASL --
bool(true)

Notice: MemcachePool::get(): Server %s (tcp %d, udp 0) failed with: Unknown command (0) in %s on line %d
bool(false)
int(0)
-- the C extension, with the same credentials, reads what we wrote --
string(12) "secret value"
string(2) "41"
