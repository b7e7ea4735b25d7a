--TEST--
Compression threshold: default boundary 19999/20000, setCompressThreshold() boundaries, 0 disables automatic but not explicit compression, validation warnings
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_flags($key) {
    global $host, $port;
    $s = stream_socket_client("tcp://$host:$port", $errno, $errstr, 2);
    fwrite($s, "get $key\r\n");
    $line = fgets($s);
    if ($line === "END\r\n") return 'MISS';
    [, , $flags, $len] = explode(' ', rtrim($line, "\r\n"));
    $data = '';
    while (strlen($data) < $len + 2) $data .= fread($s, $len + 2 - strlen($data));
    fgets($s);
    return "flags=$flags len=$len";
}
function store($m, $len, $flags = 0) {
    $v = str_repeat('b', $len);
    $m->set('k127', $v, $flags);
    echo "$len: ", raw_flags('k127'), ' ', $m->get('k127') === $v ? 'ok' : 'BAD', "\n";
}

$m = test_connect1();
echo "-- default threshold 20000 --\n";
store($m, 19999);
store($m, 20000);
// a serialized payload counts its serialized length: a:1:{i:0;s:19978:"...";} is 19999 bytes
$m->set('k127', [str_repeat('b', 19978)]);
echo 'ser ', strlen(serialize([str_repeat('b', 19978)])), ': ', raw_flags('k127'), "\n";
$m->set('k127', [str_repeat('b', 19979)]);
echo 'ser ', strlen(serialize([str_repeat('b', 19979)])), ': ', raw_flags('k127'), "\n";

echo "-- setCompressThreshold(100) --\n";
var_dump($m->setCompressThreshold(100));
store($m, 99);
store($m, 100);

echo "-- setCompressThreshold(0): automatic compression off, explicit flag still compresses --\n";
var_dump($m->setCompressThreshold(0));
store($m, 30000);
store($m, 30000, MEMCACHE_COMPRESSED);
store($m, 10, MEMCACHE_COMPRESSED);      // does not pay off: raw

echo "-- procedural --\n";
var_dump(memcache_set_compress_threshold($m, 5000));
store($m, 4999);
store($m, 5000);

echo "-- invalid threshold: warning, false, unchanged --\n";
var_dump($m->setCompressThreshold(-1));
store($m, 4999);
store($m, 5000);
var_dump(memcache_set_compress_threshold($m, -5));

echo "-- invalid min_savings: warning, false, but the threshold was already applied --\n";
var_dump($m->setCompressThreshold(50, 1.5));
store($m, 60);
var_dump($m->setCompressThreshold(70, -0.1));
store($m, 60);
var_dump($m->setCompressThreshold(100, 0.2));

echo "-- the threshold is per pool --\n";
$other = test_connect1();
store($other, 200);
store($m, 200);

echo "-- no pool yet --\n";
$none = new Memcache;
var_dump($none->setCompressThreshold(100));
?>
--EXPECTF--
-- default threshold 20000 --
19999: flags=0 len=19999 ok
20000: flags=2 len=%d ok
ser 19999: flags=1 len=19999
ser 20000: flags=3 len=%d
-- setCompressThreshold(100) --
bool(true)
99: flags=0 len=99 ok
100: flags=2 len=%d ok
-- setCompressThreshold(0): automatic compression off, explicit flag still compresses --
bool(true)
30000: flags=0 len=30000 ok
30000: flags=2 len=%d ok
10: flags=0 len=10 ok
-- procedural --
bool(true)
4999: flags=0 len=4999 ok
5000: flags=2 len=%d ok
-- invalid threshold: warning, false, unchanged --

Warning: MemcachePool::setcompressthreshold(): threshold must be a positive integer in %s on line %d
bool(false)
4999: flags=0 len=4999 ok
5000: flags=2 len=%d ok

Warning: memcache_set_compress_threshold(): threshold must be a positive integer in %s on line %d
bool(false)
-- invalid min_savings: warning, false, but the threshold was already applied --

Warning: MemcachePool::setcompressthreshold(): min_savings must be a float in the 0..1 range in %s on line %d
bool(false)
60: flags=2 len=%d ok

Warning: MemcachePool::setcompressthreshold(): min_savings must be a float in the 0..1 range in %s on line %d
bool(false)
60: flags=0 len=60 ok
bool(true)
-- the threshold is per pool --
200: flags=0 len=200 ok
200: flags=2 len=%d ok
-- no pool yet --

Warning: MemcachePool::setcompressthreshold(): No servers added to memcache connection in %s on line %d
bool(false)
