--TEST--
Compression min_savings rule: keep compressed only if it fits in floor(len * (1 - min_savings)) bytes; 0 / 0.2 / 0.3 / 0.4 / 1
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) ?? ['MISS', ''];
}

// 1000 deterministic random lowercase letters: zlib shrinks them to 629 bytes (ratio 0.629)
mt_srand(126);
$d = '';
for ($i = 0; $i < 1000; $i++) { $d .= chr(mt_rand(97, 122)); }
var_dump(strlen(gzcompress($d)));

$m = test_connect1();
foreach ([0, 0.2, 0.3, 0.37, 0.3705, 0.3715, 0.38, 0.4, 1.0] as $ms) {
    var_dump($m->setCompressThreshold(100, $ms));
    $m->set('k128', $d);
    [$flags, $bytes] = raw_get('k128');
    printf("min_savings=%s flags=%d len=%d get=%s\n", $ms, $flags, strlen($bytes), $m->get('k128') === $d ? 'ok' : 'BAD');
}

// default min_savings (0.2) is restored when the argument is omitted
var_dump($m->setCompressThreshold(100));
$m->set('k128', $d);
[$flags, $bytes] = raw_get('k128');
var_dump($flags);

// explicit MEMCACHE_COMPRESSED obeys the same rule
var_dump($m->setCompressThreshold(0, 0.4));
$m->set('k128', $d, MEMCACHE_COMPRESSED);
var_dump(raw_get('k128')[0]);
var_dump($m->setCompressThreshold(0, 0.3));
$m->set('k128', $d, MEMCACHE_COMPRESSED);
var_dump(raw_get('k128')[0]);

// min_savings 0: kept when not larger than the input; an incompressible value is stored raw
var_dump($m->setCompressThreshold(100, 0));
$r = random_bytes(5000);
$m->set('k128', $r);
[$flags, $bytes] = raw_get('k128');
var_dump($flags, $bytes === $r);

// procedural form with min_savings
var_dump(memcache_set_compress_threshold($m, 100, 0.4));
$m->set('k128', $d);
var_dump(raw_get('k128')[0]);
var_dump(memcache_set_compress_threshold($m, 100, 0.3));
$m->set('k128', $d);
var_dump(raw_get('k128')[0]);
?>
--EXPECT--
int(629)
bool(true)
min_savings=0 flags=2 len=629 get=ok
bool(true)
min_savings=0.2 flags=2 len=629 get=ok
bool(true)
min_savings=0.3 flags=2 len=629 get=ok
bool(true)
min_savings=0.37 flags=2 len=629 get=ok
bool(true)
min_savings=0.3705 flags=2 len=629 get=ok
bool(true)
min_savings=0.3715 flags=0 len=1000 get=ok
bool(true)
min_savings=0.38 flags=0 len=1000 get=ok
bool(true)
min_savings=0.4 flags=0 len=1000 get=ok
bool(true)
min_savings=1 flags=0 len=1000 get=ok
bool(true)
int(2)
bool(true)
int(0)
bool(true)
int(2)
bool(true)
int(0)
bool(true)
bool(true)
int(0)
bool(true)
int(2)
