--TEST--
Store $exptime: relative vs absolute (2592000 boundary), negative: expires immediately in ASCII, sent as unsigned 32-bit in binary (a unix time in 2106), relative expiry
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
// binary keeps the negative-exptime items: start clean if run-tests.php retries this test
// (it retries failed tests that call sleep()) or it runs again on the same server
foreach (['k108_neg', 'k108_neg2', 'k108_neg3'] as $k) {
    $m->delete($k);
}

echo "-- negative exptime: stored (true); ASCII: already expired; binary: kept --\n";
// binary sends -1 as 4294967295 in the 32-bit expiry field: an absolute unix time in 2106
var_dump($m->set('k108_neg', 'v', 0, -1));
check_per_protocol('get after exptime -1', $m->get('k108_neg'), false, 'v');
var_dump($m->set('k108_neg2', 'v', 0, -100));
check_per_protocol('get after exptime -100', $m->get('k108_neg2'), false, 'v');
var_dump($m->add('k108_neg3', 'v', 0, -1));
check_per_protocol('get after add with exptime -1', $m->get('k108_neg3'), false, 'v');

echo "-- 2592000 is relative (30 days), 2592001 is an absolute time in 1970 --\n";
var_dump($m->set('k108_rel30', 'v', 0, 2592000));
var_dump($m->get('k108_rel30'));
var_dump($m->set('k108_abs1970', 'v', 0, 2592001));
var_dump($m->get('k108_abs1970'));

echo "-- absolute unix times --\n";
var_dump($m->set('k108_future', 'v', 0, time() + 3600));
var_dump($m->get('k108_future'));
var_dump($m->set('k108_past', 'v', 0, time() - 10));
var_dump($m->get('k108_past'));

echo "-- 0 means no expiry; coercible types --\n";
var_dump($m->set('k108_zero', 'v', 0, 0));
var_dump($m->get('k108_zero'));
var_dump($m->set('k108_str', 'v', 0, '3600'));
var_dump($m->get('k108_str'));
var_dump(memcache_set($m, 'k108_false', 'v', false, false));
var_dump(memcache_get($m, 'k108_false'));

echo "-- exptime as seen by the server (meta get TTL), truncated to 32 bits --\n";
function ttl($key) {
    global $host, $port;
    $s = stream_socket_client("tcp://$host:$port", $errno, $errstr, 2);
    fwrite($s, "mg $key t\r\n");
    $line = trim(fgets($s));
    if ($line === 'EN') {
        return null;                            // missing (or expired)
    }
    return $line === 'HD t-1' ? -1 : (int) substr($line, 4);
}
$m->set('k108_t1', 'v', 0, 100);
var_dump(in_array(ttl('k108_t1'), [99, 100], true));
$m->set('k108_t2', 'v', 0, 4294967296 + 100);
var_dump(in_array(ttl('k108_t2'), [99, 100], true));
$m->set('k108_t3', 'v', 0, time() + 500);
var_dump(in_array(ttl('k108_t3'), [499, 500, 501], true));
$m->set('k108_t4', 'v', 0, 0);
var_dump(ttl('k108_t4'));
$m->set('k108_t5', 'v', 0, -1);
$t = ttl('k108_t5');
check_per_protocol('TTL after exptime -1',
    $t === null ? 'missing' : (abs($t - (4294967295 - time())) <= 2 ? 'until 4294967295' : $t),
    'missing', 'until 4294967295');

echo "-- relative expiry really expires --\n";
var_dump($m->set('k108_short', 'v', 0, 1));
var_dump(memcache_set($m, 'k108_short2', 'w', 0, 1));
var_dump($m->get('k108_short'));
sleep(2);
var_dump($m->get('k108_short'));
var_dump($m->get('k108_short2'));
var_dump($m->get('k108_zero'));
?>
--EXPECT--
-- negative exptime: stored (true); ASCII: already expired; binary: kept --
bool(true)
get after exptime -1: ok
bool(true)
get after exptime -100: ok
bool(true)
get after add with exptime -1: ok
-- 2592000 is relative (30 days), 2592001 is an absolute time in 1970 --
bool(true)
string(1) "v"
bool(true)
bool(false)
-- absolute unix times --
bool(true)
string(1) "v"
bool(true)
bool(false)
-- 0 means no expiry; coercible types --
bool(true)
string(1) "v"
bool(true)
string(1) "v"
bool(true)
string(1) "v"
-- exptime as seen by the server (meta get TTL), truncated to 32 bits --
bool(true)
bool(true)
bool(true)
int(-1)
TTL after exptime -1: ok
-- relative expiry really expires --
bool(true)
bool(true)
string(1) "v"
bool(false)
bool(false)
string(1) "v"
