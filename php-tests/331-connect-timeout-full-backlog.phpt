--TEST--
Connect timeout: a server whose TCP connect never completes (a loopback listener whose full accept queue drops the SYN, as a host that drops packets) fails after its own timeout (0.2 s) with "Connection failed: Connection timed out" (110), reported once to the failure callback, status 0, and is skipped by the next request; the same outcome as the C extension (330 covers a hung server, whose connect succeeds)
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
    function ($h, $p, $u, $e, $n) use (&$events) { $events[] = "$e | $n"; });
$t = microtime(true);
$r = $m->get('331_k');
$elapsed = microtime(true) - $t;
echo 'get: ', var_export($r, true), "\n";
echo 'events: ', json_encode($events), "\n";
echo $elapsed >= 0.15 && $elapsed < 0.6 ? "waited the timeout\n" : sprintf("took %.3f s\n", $elapsed);
echo 'status: ', $m->getServerStatus('127.0.0.1', $lp), "\n";
echo 'set while failed: ', var_export($m->set('331_k', 1), true), ', events: ', count($events), "\n";
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
get: false
events: ["Connection failed: Connection timed out | 110"]
waited the timeout
status: 0
set while failed: false, events: 1
C extension: the same
