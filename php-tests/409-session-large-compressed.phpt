--TEST--
Large sessions: a 2 MB session is stored zlib-compressed (flags 2) and reads back; a 30 KB compressible one is compressed too, 30 KB of random bytes (no 20% saving) are not
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$cases = [
    '2 MB of a' => str_repeat('a', 2 * 1024 * 1024),
    '30 KB text' => str_repeat('session text ', 2400),
    '30 KB random' => random_bytes(30000),
];
foreach ($cases as $name => $value) {
    echo "-- $name --\n";
    $id = sess_new_id('s409');
    session_id($id);
    session_start();
    $_SESSION['big'] = $value;
    $_SESSION['n'] = 1;
    var_dump(session_write_close());
    $encoded = session_encode_for($value);
    $item = sess_item($server, $id);
    $stored = $item['flags'] === 2 ? gzuncompress($item['value']) : $item['value'];
    printf("flags %d, %s, holds the session string: %s\n", $item['flags'],
        strlen($item['value']) < 0.8 * strlen($encoded) ? 'smaller by 20% or more' : 'not smaller',
        var_export($stored === $encoded, true));
    session_id($id);
    session_start();
    var_dump($_SESSION['big'] === $value, $_SESSION['n']);
    session_destroy();
}

function session_encode_for(string $value): string
{
    return 'big|' . serialize($value) . 'n|i:1;';
}
?>
--EXPECT--
-- 2 MB of a --
bool(true)
flags 2, smaller by 20% or more, holds the session string: true
bool(true)
int(1)
-- 30 KB text --
bool(true)
flags 2, smaller by 20% or more, holds the session string: true
bool(true)
int(1)
-- 30 KB random --
bool(true)
flags 0, not smaller, holds the session string: true
bool(true)
int(1)
