--TEST--
Interop: compressed payloads (auto threshold, explicit MEMCACHE_COMPRESSED, serialized+compressed, user flags) get the same flags from both extensions, zlib streams at the same level (header 789c) of about the same size, and each extension reads what the other wrote (the bytes differ: docs/differences.md)
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
function read263($prefix) {
    global $host, $port;
    $m = new Memcache;
    $m->addServer($host, $port);
    foreach (values263() as $name => [$v]) {
        echo $name, ': ', $m->get($prefix . $name) == $v ? 'read' : 'BAD', "\n";
    }
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

write263('263_o_');
echo run_with_c_extension($common . "\nwrite263('263_c_');\necho \"C wrote\\n\";\n");
// The C extension reads what this one wrote.
echo run_with_c_extension($common . "\nread263('263_o_');\n");

$m = test_connect1();
foreach (values263() as $name => [$v, $f, $t]) {
    $o = test_raw_get("263_o_$name");
    $c = test_raw_get("263_c_$name");
    if ($o === null || $c === null) { echo "$name: MISSING\n"; continue; }
    $payload = is_string($v) ? $v : serialize($v);
    $compressed = ($o[0] & 2) === 2;
    // A compressed value: a zlib stream of the payload with the default level's header, at
    // most 2.5 times the C extension's length (highly repetitive input, where both are tiny)
    // and at most 10 % longer beyond 300 bytes; an uncompressed one: the same bytes.
    $stream = !$compressed ? ($o[1] === $c[1] ? 'same bytes' : 'DIFFERENT')
        : (bin2hex(substr($o[1], 0, 2)) . ' ' . (gzuncompress($o[1]) === $payload ? 'inflates' : 'BAD')
            . ' ' . (strlen($o[1]) <= 2.5 * strlen($c[1])
                && (strlen($c[1]) < 300 || strlen($o[1]) <= 1.1 * strlen($c[1])) ? 'size ok' : 'TOO LONG ' . strlen($o[1]) . ' vs ' . strlen($c[1])));
    printf("%-10s flags=%s compressed=%s %s roundtrip=%s\n", $name,
           $o[0] === $c[0] ? $o[0] : 'DIFFERENT ' . $o[0] . ' vs ' . $c[0],
           $compressed ? 'yes' : 'no', $stream,
           $m->get("263_c_$name") == $v && $m->get("263_o_$name") == $v ? 'ok' : 'BAD');
}
foreach (array_keys(values263()) as $name) { $m->delete("263_o_$name"); $m->delete("263_c_$name"); }
?>
--EXPECT--
C wrote
text30k: read
at20000: read
at19999: read
array30k: read
hello100: read
user1comp: read
user4auto: read
arraycomp: read
thresh100: read
savings0: read
text30k    flags=2 compressed=yes 789c inflates size ok roundtrip=ok
at20000    flags=2 compressed=yes 789c inflates size ok roundtrip=ok
at19999    flags=0 compressed=no same bytes roundtrip=ok
array30k   flags=3 compressed=yes 789c inflates size ok roundtrip=ok
hello100   flags=2 compressed=yes 789c inflates size ok roundtrip=ok
user1comp  flags=65538 compressed=yes 789c inflates size ok roundtrip=ok
user4auto  flags=524290 compressed=yes 789c inflates size ok roundtrip=ok
arraycomp  flags=3 compressed=yes 789c inflates size ok roundtrip=ok
thresh100  flags=2 compressed=yes 789c inflates size ok roundtrip=ok
savings0   flags=2 compressed=yes 789c inflates size ok roundtrip=ok
