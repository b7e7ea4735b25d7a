--TEST--
INI: protocol / hash_strategy / hash_function accept their sets case-insensitively (stored as given) and reject others
--INI--
memcache.protocol=ascii
--FILE--
<?php
include __DIR__ . '/connect.inc';

$cases = [
    ['memcache.protocol', 'foo'], ['memcache.protocol', ''], ['memcache.protocol', 'binary'],
    ['memcache.protocol', 'BINARY'], ['memcache.protocol', 'Ascii'], ['memcache.protocol', 'meta'],
    ['memcache.protocol', 'Meta'],
    ['memcache.hash_strategy', 'bogus'], ['memcache.hash_strategy', 'standard'],
    ['memcache.hash_strategy', 'STANDARD'], ['memcache.hash_strategy', 'Consistent'],
    ['memcache.hash_function', 'md5'], ['memcache.hash_function', 'crc'], ['memcache.hash_function', 'fnv'],
    ['memcache.hash_function', 'FNV'], ['memcache.hash_function', 'CRC32'],
];
foreach ($cases as [$k, $v]) {
    echo "$k = '$v': ";
    var_dump(ini_set($k, $v));
    var_dump(ini_get($k));
    ini_restore($k);
}
?>
--EXPECTF--
memcache.protocol = 'foo': 
Warning: ini_set(): memcache.protocol must be in set {ascii, binary, meta} ('foo' given) in %s on line %d
bool(false)
string(5) "ascii"
memcache.protocol = '': 
Warning: ini_set(): memcache.protocol must be in set {ascii, binary, meta} ('' given) in %s on line %d
bool(false)
string(5) "ascii"
memcache.protocol = 'binary': string(5) "ascii"
string(6) "binary"
memcache.protocol = 'BINARY': string(5) "ascii"
string(6) "BINARY"
memcache.protocol = 'Ascii': string(5) "ascii"
string(5) "Ascii"
memcache.protocol = 'meta': string(5) "ascii"
string(4) "meta"
memcache.protocol = 'Meta': string(5) "ascii"
string(4) "Meta"
memcache.hash_strategy = 'bogus': 
Warning: ini_set(): memcache.hash_strategy must be in set {standard, consistent} ('bogus' given) in %s on line %d
bool(false)
string(10) "consistent"
memcache.hash_strategy = 'standard': string(10) "consistent"
string(8) "standard"
memcache.hash_strategy = 'STANDARD': string(10) "consistent"
string(8) "STANDARD"
memcache.hash_strategy = 'Consistent': string(10) "consistent"
string(10) "Consistent"
memcache.hash_function = 'md5': 
Warning: ini_set(): memcache.hash_function must be in set {crc32, fnv} ('md5' given) in %s on line %d
bool(false)
string(5) "crc32"
memcache.hash_function = 'crc': 
Warning: ini_set(): memcache.hash_function must be in set {crc32, fnv} ('crc' given) in %s on line %d
bool(false)
string(5) "crc32"
memcache.hash_function = 'fnv': string(5) "crc32"
string(3) "fnv"
memcache.hash_function = 'FNV': string(5) "crc32"
string(3) "FNV"
memcache.hash_function = 'CRC32': string(5) "crc32"
string(5) "CRC32"
