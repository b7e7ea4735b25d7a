--TEST--
remember($key, $exptime, $compute): a miss runs $compute($key) once and stores its result encoded as set() would (flags, serialization, compression, expiry; the C extension reads it), a hit returns it without running $compute; false is returned but not cached, an exception propagates, and either gives the claim back (the next call computes at once, no wait); null is cached; $compute may use the same object (even close() it); no reachable server (or none added: the usual warning): computed at once, not stored; invalid key and non-callable $compute rejected; the function form memcache_remember() (this extension's own)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.remember_wait=30
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = test_connect1();
$p = 'k501_' . getmypid() . '_';
$calls = [];
$compute = function (string $key) use (&$calls) {
    $calls[] = $key;
    return ['computed for' => $key];
};
/** [what remember() returned, $compute's calls since the last look, seconds it took]. */
function remember501(callable $call): array
{
    global $calls;
    $calls = [];
    $t = microtime(true);
    try {
        $value = $call();
    } catch (Throwable $e) {
        $value = get_class($e) . ': ' . $e->getMessage();
    }
    return [$value, $calls, microtime(true) - $t];
}
/** "no wait" if $seconds is far below memcache.remember_wait (30 s), else the seconds. */
function waited501(float $seconds): string
{
    return $seconds < 10 ? 'no wait' : "waited $seconds s";
}

echo "-- miss, then hit --\n";
[$v, $c] = remember501(fn () => $m->remember("{$p}a", 60, $compute));
echo json_encode($v), ' computed for ', json_encode($c), "\n";
[$v, $c] = remember501(fn () => memcache_remember($m, "{$p}a", 60, $compute));
echo json_encode($v), ' computed for ', json_encode($c), "\n";
var_dump($m->get("{$p}a", $flags), $flags);
$ttl = trim((string) test_memcached_command($port, "mg {$p}a t"));
echo 'expiry: ', $ttl === 'HD t60' || $ttl === 'HD t59' ? '60 s' : $ttl, "\n";
echo 'lock key left: ', var_export(test_raw_get("{$p}a.remember") !== null, true), "\n";

echo "-- stored as set() stores --\n";
$values = ['int' => 42, 'float' => 1.5, 'bool' => true, 'string' => 'text', 'long' => str_repeat('abc', 10000)];
foreach ($values as $name => $value) {
    $m->remember("{$p}$name", 0, fn () => $value);
    $m->set("{$p}set_$name", $value);
    echo "$name: flags ", json_encode(test_raw_get("{$p}$name")[0]), ', as set(): ',
        var_export(test_raw_get("{$p}$name") === test_raw_get("{$p}set_$name"), true), "\n";
}
$c = run_with_c_extension('error_reporting(E_ALL & ~E_DEPRECATED); $c = new Memcache; $c->addServer($host, $port); var_dump($c->get("' . $p . 'a"), $c->get("' . $p . 'int"));',
    c_extension_protocol());
echo 'the C extension reads them: ', $c === "array(1) {\n  [\"computed for\"]=>\n  string(" . strlen("{$p}a") . ") \"{$p}a\"\n}\nint(42)\n" ? 'yes' : $c, "\n";

echo "-- false: returned, not cached, the claim given back --\n";
[$v, $c, $t] = remember501(fn () => $m->remember("{$p}false", 60, function ($key) {
    $GLOBALS['calls'][] = $key;
    return false;
}));
var_dump($v);
echo 'calls: ', count($c), ', get: ', var_export($m->get("{$p}false"), true), "\n";
[$v, $c, $t] = remember501(fn () => $m->remember("{$p}false", 60, $compute));
echo 'next call: ', json_encode($v), ', calls: ', count($c), ', ', waited501($t), "\n";

echo "-- an exception: propagates, the claim given back --\n";
[$v, $c, $t] = remember501(fn () => $m->remember("{$p}throw", 60, function () {
    throw new RuntimeException('no value today');
}));
echo $v, "\n";
echo 'get: ', var_export($m->get("{$p}throw"), true), "\n";
[$v, $c, $t] = remember501(fn () => $m->remember("{$p}throw", 60, $compute));
echo 'next call: ', json_encode($v), ', calls: ', count($c), ', ', waited501($t), "\n";

echo "-- null is a value --\n";
[$v, $c] = remember501(fn () => $m->remember("{$p}null", 60, function () {
    $GLOBALS['calls'][] = 'null';
    return null;
}));
[$v2, $c2] = remember501(fn () => $m->remember("{$p}null", 60, $compute));
echo json_encode([$v, count($c), $v2, count($c2)]), "\n";

echo "-- \$compute uses the same object --\n";
[$v, $c] = remember501(fn () => $m->remember("{$p}reenter", 60, function ($key) use ($m) {
    $m->set("$key.side", 'side effect');
    return 'with ' . $m->get("$key.side");
}));
echo json_encode($v), ', stored: ', json_encode($m->get("{$p}reenter")), "\n";
$closing = test_connect1();
[$v, $c] = remember501(fn () => $closing->remember("{$p}closed", 60, function () use ($closing) {
    $closing->close();
    return 'after close';
}));
echo json_encode($v), ', stored: ', json_encode($m->get("{$p}closed")), "\n";
[$v, $c] = remember501(fn () => $closing->remember("{$p}closed", 60, $compute));
echo 'on the closed pool: ', json_encode($v), ', calls: ', count($c), "\n";

echo "-- no reachable server --\n";
$down = new MemcachePool;
$down->addServer($nonExistingHost, $nonExistingPort);
[[$v, $c, $t], $errors] = test_collect_errors(fn () => remember501(fn () => $down->remember("{$p}down", 60, $compute)));
echo json_encode($v), ', calls: ', count($c), ', ', waited501($t), "\n";
echo count($errors), ' notice: ', str_contains($errors[0] ?? '', 'Connection refused') ? 'Connection refused' : json_encode($errors), "\n";
$none = new MemcachePool;
[[$v, $c], $errors] = test_collect_errors(fn () => remember501(fn () => $none->remember("{$p}none", 60, $compute)));
echo 'no servers: ', json_encode($v), ', calls: ', count($c), ', ', json_encode($errors), "\n";

echo "-- bad arguments --\n";
[[$v, $c], $errors] = test_collect_errors(fn () => remember501(fn () => $m->remember('', 60, $compute)));
echo json_encode([$v, count($c), $errors]), "\n";
[$v] = remember501(fn () => $m->remember("{$p}x", 60, 'no_such_function'));
echo $v, "\n";
[$v] = remember501(fn () => memcache_remember($m, "{$p}x", 60, [$m, 'nope']));
echo $v, "\n";
[$v] = remember501(fn () => $m->remember("{$p}x", 60));
echo $v, "\n";
?>
--EXPECTF--
-- miss, then hit --
{"computed for":"k501_%d_a"} computed for ["k501_%d_a"]
{"computed for":"k501_%d_a"} computed for []
array(1) {
  ["computed for"]=>
  string(%d) "k501_%d_a"
}
int(1)
expiry: 60 s
lock key left: false
-- stored as set() stores --
int: flags 768, as set(): true
float: flags 1792, as set(): true
bool: flags 256, as set(): true
string: flags 0, as set(): true
long: flags 2, as set(): true
the C extension reads them: yes
-- false: returned, not cached, the claim given back --
bool(false)
calls: 1, get: false
next call: {"computed for":"k501_%d_false"}, calls: 1, no wait
-- an exception: propagates, the claim given back --
RuntimeException: no value today
get: false
next call: {"computed for":"k501_%d_throw"}, calls: 1, no wait
-- null is a value --
[null,1,null,0]
-- $compute uses the same object --
"with side effect", stored: "with side effect"
"after close", stored: false
on the closed pool: {"computed for":"k501_%d_closed"}, calls: 1
-- no reachable server --
{"computed for":"k501_%d_down"}, calls: 1, no wait
1 notice: Connection refused
no servers: {"computed for":"k501_%d_none"}, calls: 1, ["Warning: MemcachePool::remember(): No servers added to memcache connection"]
-- bad arguments --
[false,0,["Warning: MemcachePool::remember(): Invalid key"]]
TypeError: MemcachePool::remember(): Argument #3 ($compute) must be a valid callback, function "no_such_function" not found or invalid function name
TypeError: memcache_remember(): Argument #4 ($compute) must be a valid callback, class Memcache does not have a method "nope"
ArgumentCountError: MemcachePool::remember() expects exactly 3 arguments, 2 given
