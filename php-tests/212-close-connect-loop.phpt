--TEST--
100 connect/get/close cycles on one object and on fresh objects finish quickly and keep working
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
var_dump($m->set('212_k', 'loop'));
$m->close();

$start = microtime(true);
$ok = 0;
for ($i = 0; $i < 100; $i++) {
    if (!$m->connect($host, $port)) { echo "connect failed at $i\n"; break; }
    if ($m->get('212_k') === 'loop') $ok++;
    if (!$m->close()) { echo "close failed at $i\n"; break; }
}
var_dump($ok);
for ($i = 0; $i < 100; $i++) {
    $n = new Memcache;
    if ($n->connect($host, $port) && $n->get('212_k') === 'loop' && $n->close()) $ok++;
}
var_dump($ok);
var_dump(microtime(true) - $start < 2.0);
var_dump($m->get('212_k'));
var_dump($m->connect($host, $port), $m->delete('212_k'));
?>
--EXPECT--
bool(true)
int(100)
int(200)
bool(true)
bool(false)
bool(true)
bool(true)
