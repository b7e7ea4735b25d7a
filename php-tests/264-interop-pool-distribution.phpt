--TEST--
Interop: keys written through a two-server pool by one extension are found through a two-server pool by the other (all 4 hash strategy x function combos)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$common = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
function pool264($s, $f) {
    global $host, $port, $host2, $port2;
    ini_set('memcache.hash_strategy', $s);
    ini_set('memcache.hash_function', $f);
    $m = new Memcache;
    $m->addServer($host, $port);
    $m->addServer($host2, $port2);
    return $m;
}
function keys264($who, $s, $f) {
    $k = [];
    for ($i = 0; $i < 60; $i++) $k["264_{$who}_{$s}_{$f}_$i" . ($i % 5 == 0 ? "\xc3\xa9" : '')] = "$who-$i";
    return $k;
}
function write264($who) {
    foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
        $m = pool264($s, $f);
        foreach (keys264($who, $s, $f) as $k => $v) $m->set($k, $v);
    }
}
function read264($who) {
    $out = '';
    foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
        $m = pool264($s, $f);
        $keys = keys264($who, $s, $f);
        $got = $m->get(array_keys($keys));
        $hits = 0;
        foreach ($keys as $k => $v) if (($got[$k] ?? null) === $v) $hits++;
        $where = implode(',', array_map(fn($k) => $m->findServer($k), array_keys($keys)));
        $out .= "$s/$f: hits=$hits servers=" . md5($where) . "\n";
    }
    return $out;
}
PHP;
eval($common);

echo "-- ours writes, C reads --\n";
write264('o');
$c = run_with_c_extension($common . "\necho read264('o');\n");
$o = read264('o');
echo preg_replace('/ servers=\w+/', '', $c);
var_dump($c === $o);

echo "-- C writes, ours reads --\n";
echo run_with_c_extension($common . "\nwrite264('c');\necho \"C wrote\\n\";\n");
$o = read264('c');
echo preg_replace('/ servers=\w+/', '', $o);
var_dump($o === run_with_c_extension($common . "\necho read264('c');\n"));

foreach (['o', 'c'] as $who)
    foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
        $p = pool264($s, $f);
        $p->delete(array_keys(keys264($who, $s, $f)));
    }
?>
--EXPECT--
-- ours writes, C reads --
consistent/crc32: hits=60
consistent/fnv: hits=60
standard/crc32: hits=60
standard/fnv: hits=60
bool(true)
-- C writes, ours reads --
C wrote
consistent/crc32: hits=60
consistent/fnv: hits=60
standard/crc32: hits=60
standard/fnv: hits=60
bool(true)
