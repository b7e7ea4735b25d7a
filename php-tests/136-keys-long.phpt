--TEST--
Long keys: silently truncated to 250 bytes (a 300-byte key and its 250-byte prefix are the same item), 10 MB key does not hang
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($key) {
    $item = test_raw_get($key);
    return $item === null ? 'MISS' : strlen($key) . ':' . $item[1];
}

$m = test_connect1();
$k300 = 'k136_' . str_repeat('a', 295);
$k250 = substr($k300, 0, 250);
$k249 = substr($k300, 0, 249);
$m->delete($k250);
$m->delete($k249);

var_dump(strlen($k300));
var_dump($m->set($k300, 'long'));          // no warning
var_dump(raw_get($k250));
var_dump($m->get($k250));
var_dump($m->get($k300));
var_dump($m->get($k300 . 'different tail'));
var_dump($m->get($k249));                  // a different key

echo "-- multi get returns the truncated key --\n";
$r = $m->get([$k300]);
var_dump(array_keys($r) === [$k250]);

echo "-- other operations truncate too --\n";
var_dump($m->set($k250, 5));
var_dump($m->increment($k300 . 'x', 2));
var_dump(array_keys($m->increment([$k300])) === [$k250]);
var_dump($m->replace($k300 . 'yyy', 'replaced'));
var_dump($m->get($k250));
var_dump($m->delete($k300 . 'zzz'));
var_dump($m->get($k250));

echo "-- truncation happens before sanitising: 250 bytes incl. replaced characters --\n";
$spaced = 'k136 ' . str_repeat('b', 300);
var_dump($m->set($spaced, 'spaced'));
var_dump($m->get('k136_' . str_repeat('b', 245)));

echo "-- 10 MB key --\n";
$t = microtime(true);
$huge = 'k136_huge' . str_repeat('y', 10 * 1024 * 1024);
var_dump($m->set($huge, 'huge'));
var_dump($m->get(substr($huge, 0, 250)));
var_dump($m->get($huge));
var_dump(count($m->get([$huge, $huge])));
var_dump($m->delete($huge));
var_dump($m->get(substr($huge, 0, 250)));
var_dump(microtime(true) - $t < 2);
?>
--EXPECT--
int(300)
bool(true)
string(8) "250:long"
string(4) "long"
string(4) "long"
string(4) "long"
bool(false)
-- multi get returns the truncated key --
bool(true)
-- other operations truncate too --
bool(true)
int(7)
bool(true)
bool(true)
string(8) "replaced"
bool(true)
bool(false)
-- truncation happens before sanitising: 250 bytes incl. replaced characters --
bool(true)
string(6) "spaced"
-- 10 MB key --
bool(true)
string(4) "huge"
string(4) "huge"
int(1)
bool(true)
bool(false)
bool(true)
