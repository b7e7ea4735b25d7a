--TEST--
findServer(): pinned vectors for weights 1/2/1, a unix-socket pool, and binary/non-ASCII/control-char/long keys (FNV sign extension)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$keys = ['foo', 'bar', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10', 'user:100', 'user:200',
         "caf\xc3\xa9", "\xff\xfe\xfd", "\x80", "na\xc3\xafve_key", "\xe2\x82\xac price", "tab\tkey",
         "nul\0key", str_repeat('L', 260), "emoji\xf0\x9f\x98\x80", "z"];
foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
    ini_set('memcache.hash_strategy', $s);
    ini_set('memcache.hash_function', $f);
    // weights 1, 2, 1: result digit = last digit of the port
    $m = new MemcachePool;
    $m->addServer('localhost', 11211, 0, true, 1);
    $m->addServer('localhost', 11212, 0, true, 2);
    $m->addServer('localhost', 11213, 0, true, 1);
    $r = '';
    foreach ($keys as $k) $r .= substr($m->findServer($k), -1);
    echo "$s/$f weighted: $r\n";
    // unix socket (U) + 127.0.0.1:11211 (T)
    $u = new Memcache;
    $u->addServer('unix:///var/run/memcached/memcached.sock', 0);
    $u->addServer('127.0.0.1', 11211);
    $r = '';
    foreach ($keys as $k) {
        $srv = $u->findServer($k);
        $r .= $srv === '127.0.0.1:11211' ? 'T' : ($srv === 'unix:///var/run/memcached/memcached.sock:0' ? 'U' : '?');
    }
    echo "$s/$f unix:     $r\n";
}
?>
--EXPECT--
consistent/crc32 weighted: 333313322222311322133133
consistent/crc32 unix:     UUUTTUUTUTUTUTTUUTTTUTUU
consistent/fnv weighted: 322333223122332211312133
consistent/fnv unix:     TUTUUUUUUTUUUUUUTTUTUUUU
standard/crc32 weighted: 332311322223232221223222
standard/crc32 unix:     TTUTUUTUTUTTTTTUUUUUTUTU
standard/fnv weighted: 332222222222222232223221
standard/fnv unix:     TTTTTTTTTTTTUTUTTUTTTUTU
