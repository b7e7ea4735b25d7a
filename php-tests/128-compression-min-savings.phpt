--TEST--
Compression min_savings rule: keep compressed only if it fits in floor(len * (1 - min_savings)) bytes; 0 / 0.2 / 0.3 / 0.4 / 1 and both sides of the exact fit of the stored stream (about zlib's size, which the C extension reads)
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    return test_raw_get($key) ?? ['MISS', ''];
}

// 1000 deterministic random lowercase letters: PHP's zlib shrinks them to 629 bytes (ratio
// 0.629); this extension's stream (zlib-rs, same level) is within 3 % of that
mt_srand(126);
$d = '';
for ($i = 0; $i < 1000; $i++) { $d .= chr(mt_rand(97, 122)); }
var_dump(strlen(gzcompress($d)));

$m = test_connect1();
var_dump($m->setCompressThreshold(100, 0));
$m->set('k128', $d);
[$flags, $bytes] = raw_get('k128');
$len = strlen($bytes);
var_dump($flags, abs($len - 629) <= 19, gzuncompress($bytes) === $d);
echo run_with_c_extension('error_reporting(E_ALL & ~E_DEPRECATED); $m = new Memcache; $m->addServer($host, $port);'
    . ' echo "C reads it: ", var_export(strlen($m->get("k128")) === 1000, true), "\n";');
// The exact fit (budget = stored length) keeps it compressed; one byte less stores it raw.
$fit = 1 - $len / 1000;
$short = 1 - ($len - 0.5) / 1000;
foreach ([0, 0.2, 0.3, 'fit' => $fit, 'short' => $short, 0.4, 1.0] as $name => $ms) {
    var_dump($m->setCompressThreshold(100, $ms));
    $m->set('k128', $d);
    [$flags, $bytes] = raw_get('k128');
    printf("min_savings=%s flags=%d len=%s get=%s\n", is_string($name) ? $name : $ms, $flags,
        strlen($bytes) === $len ? 'compressed' : strlen($bytes), $m->get('k128') === $d ? 'ok' : 'BAD');
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
int(2)
bool(true)
bool(true)
C reads it: true
bool(true)
min_savings=0 flags=2 len=compressed get=ok
bool(true)
min_savings=0.2 flags=2 len=compressed get=ok
bool(true)
min_savings=0.3 flags=2 len=compressed get=ok
bool(true)
min_savings=fit flags=2 len=compressed get=ok
bool(true)
min_savings=short flags=0 len=1000 get=ok
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
