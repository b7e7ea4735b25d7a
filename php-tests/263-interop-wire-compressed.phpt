--TEST--
Interop: compressed payloads (auto threshold, explicit MEMCACHE_COMPRESSED, serialized+compressed, user flags) are byte-identical for both extensions and equal to zlib compress2() output (level 6, memLevel 8)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
function values263() {
    return [
        'text30k'    => [str_repeat('abcdefghij', 3000), 0, null],
        'at20000'    => [str_repeat('x', 20000), 0, null],           // threshold boundary: compressed
        'at19999'    => [str_repeat('x', 19999), 0, null],           // not compressed
        'array30k'   => [array_fill(0, 3000, 'repeated'), 0, null],   // serialized + compressed = 3
        'hello100'   => [str_repeat('hello ', 100), MEMCACHE_COMPRESSED, null],
        'user1comp'  => [str_repeat('hello ', 100), MEMCACHE_USER1 | MEMCACHE_COMPRESSED, null],
        'user4auto'  => [str_repeat('0123456789', 2500), MEMCACHE_USER4, null],
        'arraycomp'  => [range(1, 200), MEMCACHE_COMPRESSED, null],
        'thresh100'  => [str_repeat('yz', 100), 0, 100],              // setCompressThreshold(100)
        'savings0'   => [str_repeat('ab', 60) . 'qwertyuiopasdfghjklzxcvbnm', 0, [50, 0.0]],
    ];
}
function write263($prefix) {
    global $host, $port;
    foreach (values263() as $name => [$v, $f, $t]) {
        $m = new Memcache;
        $m->addServer($host, $port);
        if (is_int($t)) $m->setCompressThreshold($t);
        if (is_array($t)) $m->setCompressThreshold($t[0], $t[1]);
        if (!$m->set($prefix . $name, $v, $f)) echo "set failed: $name\n";
    }
}
PHP;
eval($common);

// zlib's compress2(): level Z_DEFAULT_COMPRESSION, memLevel 8. (PHP's gzcompress() uses memLevel 9,
// which gives the same bytes only for small inputs; see array30k.)
function compress2($data) {
    $ctx = deflate_init(ZLIB_ENCODING_DEFLATE, ['level' => -1, 'memory' => 8]);
    return deflate_add($ctx, $data, ZLIB_FINISH);
}

write263('263_o_');
echo run_with_c_extension($common . "\nwrite263('263_c_');\necho \"C wrote\\n\";\n");

$m = test_connect1();
foreach (values263() as $name => [$v, $f, $t]) {
    $o = test_raw_get("263_o_$name");
    $c = test_raw_get("263_c_$name");
    if ($o === null || $c === null) { echo "$name: MISSING\n"; continue; }
    $payload = is_string($v) ? $v : serialize($v);
    $compressed = ($o[0] & 2) === 2;
    printf("%-10s %s flags=%-6d len=%-5d compressed=%s compress2=%s roundtrip=%s\n", $name,
           $o === $c ? 'equal' : 'DIFFERENT c_flags=' . $c[0] . ' c_len=' . strlen($c[1]),
           $o[0], strlen($o[1]), $compressed ? 'yes' : 'no',
           $compressed ? ($o[1] === compress2($payload) ? 'same' : 'differs') : '-',
           $m->get("263_c_$name") == $v && $m->get("263_o_$name") == $v ? 'ok' : 'BAD');
}
// documents why compress2() and not gzcompress() is the reference
$big = serialize(array_fill(0, 3000, 'repeated'));
var_dump(strlen(compress2($big)), strlen(gzcompress($big)));
foreach (array_keys(values263()) as $name) { $m->delete("263_o_$name"); $m->delete("263_c_$name"); }
?>
--EXPECT--
C wrote
text30k    equal flags=2      len=92    compressed=yes compress2=same roundtrip=ok
at20000    equal flags=2      len=42    compressed=yes compress2=same roundtrip=ok
at19999    equal flags=0      len=19999 compressed=no compress2=- roundtrip=ok
array30k   equal flags=3      len=7459  compressed=yes compress2=same roundtrip=ok
hello100   equal flags=2      len=20    compressed=yes compress2=same roundtrip=ok
user1comp  equal flags=65538  len=20    compressed=yes compress2=same roundtrip=ok
user4auto  equal flags=524290 len=82    compressed=yes compress2=same roundtrip=ok
arraycomp  equal flags=3      len=319   compressed=yes compress2=same roundtrip=ok
thresh100  equal flags=2      len=13    compressed=yes compress2=same roundtrip=ok
savings0   equal flags=2      len=39    compressed=yes compress2=same roundtrip=ok
int(7459)
int(7460)