--TEST--
setServerParams($host, $port) without a timeout resets the server's timeout to the default 1 s (not the 0.2 s it was added with): a connect that never completes (full accept queue) waits about 1 s; an explicit 0.5 waits about 0.5 s; each call also brings the failed server back (status defaults to true); the same outcome as the C extension
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// Run here and, with Debian's C extension, in a separate process; each makes its own listener.
$code = '$testDir = ' . var_export(__DIR__, true) . ";\n" . <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
ini_set('memcache.protocol', $protocol);
require_once $testDir . '/failure.inc';
[$lp, $keep] = fm_full_backlog_listener();
$events = [];
$m = new Memcache;
$m->addServer('127.0.0.1', $lp, false, 1, 0.2, 15, true,
    function ($h, $p, $u, $e, $n) use (&$events) { $events[] = "$e ($n)"; });
$timed = function (string $label, float $min, float $max) use ($m, $lp, &$events) {
    $events = [];
    $t = microtime(true);
    $r = $m->get('332_k');
    $e = microtime(true) - $t;
    echo "$label: get ", var_export($r, true), ', ', json_encode($events), ', ',
        $e >= $min && $e < $max ? 'in time' : sprintf('took %.3f s', $e),
        ', status ', $m->getServerStatus('127.0.0.1', $lp), "\n";
};
echo "-- setServerParams(host, port): timeout omitted, 1 s --\n";
var_dump($m->setServerParams('127.0.0.1', $lp));
echo 'status: ', $m->getServerStatus('127.0.0.1', $lp), "\n";
$timed('default', 0.8, 1.6);
echo "-- setServerParams(host, port, 0.5) --\n";
var_dump($m->setServerParams('127.0.0.1', $lp, 0.5));
echo 'status: ', $m->getServerStatus('127.0.0.1', $lp), "\n";
$timed('0.5', 0.4, 0.9);
PHP;

ob_start();
$protocol = test_protocol();
eval($code);
$ours = ob_get_clean();
echo $ours;
// The C extension has no meta: under meta it speaks ascii, and must behave the same.
$theirs = run_with_c_extension('$protocol = ' . var_export(c_extension_protocol(), true) . ";\n" . $code);
echo $theirs === $ours ? "C extension: the same\n" : "C extension differs:\n$theirs";
?>
--EXPECT--
-- setServerParams(host, port): timeout omitted, 1 s --
bool(true)
status: 1
default: get false, ["Connection failed: Connection timed out (110)"], in time, status 0
-- setServerParams(host, port, 0.5) --
bool(true)
status: 1
0.5: get false, ["Connection failed: Connection timed out (110)"], in time, status 0
C extension: the same
