--TEST--
findServer(): identical to the C extension on 2000 keys (binary, non-ASCII, control chars, >250 bytes), 3 servers weights 1/2/1, all 4 strategy x function combos
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

mt_srand(219);
$keys = [];
for ($i = 0; $i < 2000; $i++) {
    switch ($i % 4) {
        case 0: $keys[] = "219_key_$i"; break;                                    // ASCII
        case 1: $len = mt_rand(1, 40); $k = '';                                    // any byte 0..255
                for ($j = 0; $j < $len; $j++) $k .= chr(mt_rand(0, 255));
                $keys[] = $k; break;
        case 2: $keys[] = "k\xc3\xa9\xe2\x82\xac" . mt_rand() . "\xf0\x9f\x98\x80"; break; // UTF-8
        case 3: $len = mt_rand(240, 300); $k = '';                                   // around the 250 limit
                for ($j = 0; $j < $len; $j++) $k .= chr(mt_rand(0x21, 0xff));
                $keys[] = $k; break;
    }
}
$keyFile = tempnam(sys_get_temp_dir(), 'k219');
file_put_contents($keyFile, serialize($keys));

$code = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
$keys = unserialize(file_get_contents(getenv('K219')));
foreach ([['consistent', 'crc32'], ['consistent', 'fnv'], ['standard', 'crc32'], ['standard', 'fnv']] as [$s, $f]) {
    ini_set('memcache.hash_strategy', $s);
    ini_set('memcache.hash_function', $f);
    $m = new MemcachePool;
    $m->addServer('localhost', 11211, 0, true, 1);
    $m->addServer('localhost', 11212, 0, true, 2);
    $m->addServer('localhost', 11213, 0, true, 1);
    $r = '';
    foreach ($keys as $k) $r .= substr((string) $m->findServer($k), -1);
    echo "$s/$f:$r\n";
}
PHP;

putenv("K219=$keyFile");
ob_start();
eval($code);
$ours = ob_get_clean();
$theirs = run_with_c_extension($code);
unlink($keyFile);

$o = explode("\n", trim($ours));
$t = explode("\n", trim($theirs));
var_dump(count($o), count($t));
foreach ($o as $i => $line) {
    [$combo, $res] = explode(':', $line, 2);
    [$tcombo, $tres] = explode(':', $t[$i] ?? ':', 2);
    $mismatch = 0;
    for ($j = 0; $j < 2000; $j++) {
        if (($res[$j] ?? '') !== ($tres[$j] ?? '')) $mismatch++;
    }
    echo "$combo: len=", strlen($res), " c_len=", strlen($tres), " mismatches=$mismatch",
         " s1=", substr_count($res, '1'), " s2=", substr_count($res, '2'), " s3=", substr_count($res, '3'), "\n";
}
?>
--EXPECT--
int(4)
int(4)
consistent/crc32: len=2000 c_len=2000 mismatches=0 s1=509 s2=927 s3=564
consistent/fnv: len=2000 c_len=2000 mismatches=0 s1=306 s2=1000 s3=694
standard/crc32: len=2000 c_len=2000 mismatches=0 s1=504 s2=996 s3=500
standard/fnv: len=2000 c_len=2000 mismatches=0 s1=480 s2=1010 s3=510
