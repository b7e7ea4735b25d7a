--TEST--
Mixed fleet under meta (README "Meta protocol and stampede guard"): while remember() recomputes a missing value, its placeholder is an empty item with flags 0, which a get() over ascii or binary (the C extension's, or ours) returns as "" (string(0)), while a get() over meta misses it; a value invalidate() marked stale is returned as it is by a get() over ascii or binary, and missed by a get() over meta
--DESCRIPTION--
This process speaks meta whatever the suite's protocol (the INI section). The readers run
inside $compute, that is while the placeholder stands in for the value.
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip no C extension at $cExtension");
?>
--INI--
memcache.protocol=meta
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$k = 'k503_' . getmypid();
$m = test_connect1();
/** What get($k) returns to every kind of reader, one line each. */
function readers503(string $k): void
{
    global $m, $host, $port;
    foreach (['ascii', 'binary'] as $protocol) {
        echo "C extension over $protocol: ", trim(run_with_c_extension('error_reporting(E_ALL & ~E_DEPRECATED);'
            . '$c = new Memcache; $c->addServer($host, $port); $v = $c->get(' . var_export($k, true) . ', $f);'
            . 'echo var_export($v, true), " flags ", var_export($f, true);', $protocol)), "\n";
        // Not persistent: memcached speaks one protocol per connection, text or binary.
        ini_set('memcache.protocol', $protocol);
        $ours = new Memcache;
        $ours->addServer($host, $port, false);
        ini_restore('memcache.protocol');
        $v = $ours->get($k, $f);
        echo "this extension over $protocol: ", var_export($v, true), ' flags ', var_export($f, true), "\n";
    }
    $f = null;
    $v = $m->get($k, $f);
    echo 'this extension over meta: ', var_export($v, true), ' flags ', var_export($f, true), "\n";
}

echo "-- during a recompute of a missing value --\n";
$m->remember($k, 60, function () use ($k) {
    readers503($k);
    return 'computed';
});
echo "-- after it --\n";
readers503($k);
echo "-- a value marked stale --\n";
var_dump($m->invalidate($k));
readers503($k);
?>
--EXPECT--
-- during a recompute of a missing value --
C extension over ascii: '' flags 0
this extension over ascii: '' flags 0
C extension over binary: '' flags 0
this extension over binary: '' flags 0
this extension over meta: false flags NULL
-- after it --
C extension over ascii: 'computed' flags 0
this extension over ascii: 'computed' flags 0
C extension over binary: 'computed' flags 0
this extension over binary: 'computed' flags 0
this extension over meta: 'computed' flags 0
-- a value marked stale --
bool(true)
C extension over ascii: 'computed' flags 0
this extension over ascii: 'computed' flags 0
C extension over binary: 'computed' flags 0
this extension over binary: 'computed' flags 0
this extension over meta: false flags NULL
