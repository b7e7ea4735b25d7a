--TEST--
Interop with three servers and memcache.session_redundancy=2, the C process with the same memcache.protocol (ascii when ours speaks meta): the C handler and this one put the copies of a session on the same two servers, read each other's sessions, and destroy each other's copies
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=2
--FILE--
<?php
include __DIR__ . '/session.inc';

$addresses = ['1' => "tcp://$host:$port", '2' => "tcp://$host2:$port2", 'u' => "unix://$unixSocket"];
$path = implode(', ', $addresses);
$ids = [];
for ($i = 0; $i < 10; $i++) {
    $ids[] = sess_new_id('s441');
}
$holders = function (string $key) use ($addresses) {
    return implode('', array_keys(array_filter($addresses, fn ($a) => sess_item($a, $key) !== null)));
};
$c = function (string $body) use ($path, $ids) {
    return run_with_c_extension('require_once ' . var_export(__DIR__ . '/session.inc', true) . ";\n"
        . "ini_set('memcache.session_redundancy', 2);\n"
        . 'session_save_path(' . var_export($path, true) . ");\n"
        . '$ids = ' . var_export($ids, true) . ";\n$body\nob_end_flush();\n", c_extension_protocol());
};

echo 'C extension protocol: ', run_with_c_extension('echo ini_get("memcache.protocol");', c_extension_protocol()) === c_extension_protocol() ? 'as asked' : 'different', "\n";
echo "-- C writes 10 sessions --\n";
echo $c('foreach ($ids as $i => $id) { session_id($id); session_start(); $_SESSION = ["i" => $i, "by" => "C"]; session_write_close(); }');
session_save_path($path);
$placed = $read = 0;
$counts = [];
foreach ($ids as $i => $id) {
    $byC = $holders($id);
    $counts[strlen($byC)] = ($counts[strlen($byC)] ?? 0) + 1;
    session_id($id);
    session_start();
    $read += $_SESSION === ['i' => $i, 'by' => 'C'];
    session_destroy();
    $gone = $holders($id) === '' && $holders("$id.lock") === '';
    session_id($id);
    session_start();
    $_SESSION = ['i' => $i, 'by' => 'rust'];
    session_write_close();
    $placed += $gone && $holders($id) === $byC && $holders("$id.lock") === $byC;
}
echo 'copies per session written by C: ', json_encode($counts), "\n";
echo "read by us: $read/10, our destroy removed C's copies and our copies are on the same servers: $placed/10\n";

echo "-- C reads ours and destroys them --\n";
echo $c('$ok = 0; foreach ($ids as $i => $id) { session_id($id); session_start(); $ok += $_SESSION === ["i" => $i, "by" => "rust"]; session_destroy(); } echo "C read $ok/10\n";');
$left = 0;
foreach ($ids as $id) {
    $left += $holders($id) !== '' || $holders("$id.lock") !== '';
}
echo "sessions with copies left: $left\n";
?>
--EXPECT--
C extension protocol: as asked
-- C writes 10 sessions --
copies per session written by C: {"2":10}
read by us: 10/10, our destroy removed C's copies and our copies are on the same servers: 10/10
-- C reads ours and destroys them --
C read 10/10
sessions with copies left: 0
