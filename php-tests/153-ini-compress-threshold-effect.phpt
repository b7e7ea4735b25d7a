--TEST--
memcache.compress_threshold: read once, when the pool is created (the first addServer/connect), not at new Memcache, not by later addServer calls and not by pools that exist already; 100 compresses a 200-byte value (flag 2) but not a 50-byte one, the default 20000 leaves 200 bytes raw, 0 turns automatic compression off; the C extension behaves the same
--DESCRIPTION--
Each line stores a compressible string (str_repeat('a', N)) and reads it back with
get($key, $flags): $flags holds the flags stored on the server, so 2 (MEMCACHE_COMPRESSED)
means the value was compressed on the wire. The same scenario is then run by Debian's C
extension (same protocol, same server; ascii when ours speaks meta, which it does not have), and
its output must be identical.
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$scenario = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
function flags153($m, int $len): string
{
    $v = str_repeat('a', $len);
    $f = null;
    $stored = $m->set('153_k', $v);
    $read = $m->get('153_k', $f);
    return "$len:" . ($stored && $read === $v ? "flags=$f" : 'FAILED');
}
function scenario153(string $protocol): void
{
    global $host, $port, $port2;
    ini_set('memcache.protocol', $protocol);
    echo 'protocol: ', ini_get('memcache.protocol') === $protocol ? 'as asked' : 'NOT SET', "\n";
    echo 'default ini: ', ini_get('memcache.compress_threshold'), "\n";
    $old = new Memcache;
    $old->addServer($host, $port);
    echo 'pool under 20000: ', flags153($old, 200), ' ', flags153($old, 20000), "\n";

    var_dump(ini_set('memcache.compress_threshold', '100'));
    echo 'pool created under 20000, ini now 100: ', flags153($old, 200), "\n";
    $new = new Memcache;
    $new->addServer($host, $port);
    echo 'pool created under 100: ', flags153($new, 200), ' ', flags153($new, 50), ' ',
        flags153($new, 99), ' ', flags153($new, 100), "\n";
    echo 'memcache_connect under 100: ', flags153(memcache_connect($host, $port), 200), "\n";

    ini_set('memcache.compress_threshold', '20000');
    echo 'pool created under 100, ini now 20000: ', flags153($new, 200), "\n";
    $new->addServer($host, $port2);
    echo '... after a second addServer: ', flags153($new, 200), "\n";
    $new->delete('153_k');

    ini_set('memcache.compress_threshold', '100');
    $late = new Memcache;                           // object made under 100 ...
    ini_set('memcache.compress_threshold', '20000');
    $late->addServer($host, $port);                 // ... pool created under 20000
    echo 'new under 100, addServer under 20000: ', flags153($late, 200), "\n";

    ini_set('memcache.compress_threshold', '0');
    $off = new Memcache;
    $off->addServer($host, $port);
    echo 'pool created under 0: ', flags153($off, 200), ' ', flags153($off, 30000), "\n";
    ini_restore('memcache.compress_threshold');
    $off->delete('153_k');
}
PHP;
eval($scenario);

echo "-- this extension --\n";
ob_start();
scenario153(test_protocol());
$ours = ob_get_clean();
echo $ours;
echo "-- C extension --\n";
$c = run_with_c_extension($scenario . "\nscenario153(" . var_export(c_extension_protocol(), true) . ");\n");
echo $c === $ours ? "same output\n" : "DIFFERENT:\n$c";
?>
--EXPECT--
-- this extension --
protocol: as asked
default ini: 20000
pool under 20000: 200:flags=0 20000:flags=2
string(5) "20000"
pool created under 20000, ini now 100: 200:flags=0
pool created under 100: 200:flags=2 50:flags=0 99:flags=0 100:flags=2
memcache_connect under 100: 200:flags=2
pool created under 100, ini now 20000: 200:flags=2
... after a second addServer: 200:flags=2
new under 100, addServer under 20000: 200:flags=0
pool created under 0: 200:flags=0 30000:flags=0
-- C extension --
same output
