--TEST--
multi get: the result arrays are keyed by the user's key strings when they go on the wire unchanged, and stay right when __wakeup replaces a key held by reference, for numeric keys and for duplicates
--FILE--
<?php
include __DIR__ . '/connect.inc';

class Rekey {
    function __wakeup() {
        global $byref, $plain;
        // Strings of the same length as the keys they replace: freed memory would be reused.
        $byref = str_repeat('z', strlen($byref));
        $plain = str_repeat('y', strlen($plain));
    }
}

$memcache = test_connect1();
$suffix = (string) mt_rand(100000, 999999);
$byref = "k158_ref_$suffix";
$plain = "k158_val_$suffix";
var_dump($memcache->set("k158_obj_$suffix", new Rekey()));
var_dump($memcache->set($byref, 'by reference', 0x10000));
var_dump($memcache->set($plain, 'by value'));
var_dump($memcache->set('158', 'numeric'));

$keys = ["k158_obj_$suffix"];
$keys[] = &$byref;
$keys[] = $plain;
$keys[] = '158';
$keys[] = $plain;
$keys[] = "k158_val_$suffix";
$r = $memcache->get($keys, $flags);
$names = array_map(fn($k) => is_int($k) ? $k : str_replace($suffix, 'N', $k), array_keys($r));
var_dump($names);
var_dump($r["k158_ref_$suffix"], $r["k158_val_$suffix"], $r[158]);
var_dump(array_map(fn($k) => is_int($k) ? $k : str_replace($suffix, 'N', $k), array_keys($flags)));
var_dump($flags["k158_ref_$suffix"], $flags[158]);
var_dump($byref === str_repeat('z', strlen("k158_ref_$suffix")));

// A key that is prefixed on the wire is returned as sent.
ini_set('memcache.prefix_static_key', 'p158_');
$prefixed = test_connect1();
var_dump($prefixed->set('k', 'prefixed'));
var_dump($prefixed->get(['k']));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
array(4) {
  [0]=>
  string(10) "k158_obj_N"
  [1]=>
  string(10) "k158_ref_N"
  [2]=>
  string(10) "k158_val_N"
  [3]=>
  int(158)
}
string(12) "by reference"
string(8) "by value"
string(7) "numeric"
array(4) {
  [0]=>
  string(10) "k158_obj_N"
  [1]=>
  string(10) "k158_ref_N"
  [2]=>
  string(10) "k158_val_N"
  [3]=>
  int(158)
}
int(65536)
int(0)
bool(true)
bool(true)
array(1) {
  ["p158_k"]=>
  string(8) "prefixed"
}
