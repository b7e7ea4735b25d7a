--TEST--
Interop on one server and one save path, the C process with the same memcache.protocol (ascii when ours speaks meta): a session written by Debian's C handler is read by this one and vice versa, through several requests, and both store the same bytes (data flags/value, lock) under the same keys (docs/sessions.md); a compressed 1 MB session gets the same flags and the same data from both (zlib streams that are not byte-identical: docs/differences.md) and each reads the other's
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$id = sess_new_id('s440');
// One request of the C handler: starts session $id, runs $body, closes, prints $_SESSION.
$c = function (string $body) use ($server, $id) {
    return run_with_c_extension('require_once ' . var_export(__DIR__ . '/session.inc', true) . ";\n"
        . 'session_save_path(' . var_export($server, true) . ");\n"
        . 'session_id(' . var_export($id, true) . ");\n"
        . "var_dump(session_start());\n$body\nsession_write_close();\n"
        . 'echo "C read: ", json_encode($read), "\n";' . "\nob_end_flush();\n", c_extension_protocol());
};
$wire = function () use ($server, $id) {
    return ['data' => sess_item($server, $id), 'lock' => sess_item($server, "$id.lock")];
};
$same = function (array $one, array $two) {
    foreach (['data', 'lock'] as $k) {
        unset($one[$k]['ttl'], $two[$k]['ttl']);
    }
    return $one === $two ? 'identical' : json_encode([$one, $two]);
};
// Compressed data: the same flags, lock and inflated bytes.
$sameInflated = function (array $one, array $two) use ($same) {
    foreach ([&$one, &$two] as &$item) {
        $item['data']['value'] = gzuncompress($item['data']['value']);
    }
    return $same($one, $two);
};

echo 'C extension protocol: ', run_with_c_extension('echo ini_get("memcache.protocol");', c_extension_protocol()) === c_extension_protocol() ? 'as asked' : 'different', "\n";
echo "-- C writes, we read --\n";
echo $c('$read = $_SESSION; $_SESSION["by"] = "C"; $_SESSION["n"] = 1; $_SESSION["list"] = [1.5, true, null, "x"];');
$byC = $wire();
echo 'data flags ', $byC['data']['flags'], ', lock ', $byC['lock']['value'], "\n";
session_id($id);
session_start();
echo 'we read: ', json_encode($_SESSION), "\n";
$_SESSION['n']++;
$_SESSION['by'] = 'rust';
session_write_close();

echo "-- we wrote, C reads and writes --\n";
echo $c('$read = $_SESSION; $_SESSION["n"]++; $_SESSION["by"] = "C";');
session_id($id);
session_start();
echo 'we read: ', json_encode($_SESSION), "\n";
$_SESSION['list'] = [1.5, true, null, 'x'];
$_SESSION['n'] = 1;
$_SESSION['by'] = 'C';
session_write_close();                         // the same session as C's first write
echo 'same bytes as C\'s first write: ', $same($byC, $wire()), "\n";

echo "-- 1 MB compressed: the same data from both --\n";
echo $c('$read = count($_SESSION); $_SESSION = ["big" => str_repeat("0123456789abcdef", 65536)];');
$bigC = $wire();
session_id($id);
session_start();
var_dump(strlen($_SESSION['big']), $_SESSION['big'] === str_repeat('0123456789abcdef', 65536));
session_write_close();                         // unchanged: rewritten as is (lazy_write)
$bigOurs = $wire();
echo 'flags ', $bigC['data']['flags'], ', ', strlen($bigC['data']['value']), " bytes stored\n";
echo 'same data: ', $sameInflated($bigC, $bigOurs), "\n";
session_id($id);                               // a fresh write of ours: destroy, then write
session_start();
session_destroy();
var_dump(sess_item($server, $id));
session_id($id);
session_start();
$_SESSION = ['big' => str_repeat('0123456789abcdef', 65536)];
session_write_close();
echo 'same data from a fresh write: ', $sameInflated($bigC, $wire()), "\n";
echo $c('$read = $_SESSION["big"] === str_repeat("0123456789abcdef", 65536);');

echo "-- C destroys, we see an empty session --\n";
echo $c('$read = count($_SESSION); session_destroy();');
var_dump(sess_item($server, $id), sess_item($server, "$id.lock"));
session_id($id);
session_start();
var_dump($_SESSION);
session_destroy();
?>
--EXPECTF--
C extension protocol: as asked
-- C writes, we read --
bool(true)
C read: []
data flags 0, lock 0
we read: {"by":"C","n":1,"list":[1.5,true,null,"x"]}
-- we wrote, C reads and writes --
bool(true)
C read: {"by":"rust","n":2,"list":[1.5,true,null,"x"]}
we read: {"by":"C","n":3,"list":[1.5,true,null,"x"]}
same bytes as C's first write: identical
-- 1 MB compressed: the same data from both --
bool(true)
C read: 3
int(1048576)
bool(true)
flags 2, %d bytes stored
same data: identical
NULL
same data from a fresh write: identical
bool(true)
C read: true
-- C destroys, we see an empty session --
bool(true)
C read: 1
NULL
NULL
array(0) {
}
