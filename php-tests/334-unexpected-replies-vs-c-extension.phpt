--TEST--
Unexpected or malformed reply lines to get, multi-get, incr, set, cas and delete (a fake server answers each with one line): the same result, server state and failure message as Debian's C extension ("Malformed VALUE header" for any non-VALUE line to a get and for an unreadable incr reply, the line itself for the other commands), except the rows of docs/differences.md: a success keyword meant for another command and digits followed by garbage are failures, not success, and ASCII cas on NOT_FOUND is a plain false [memcache.shared_health=0: failure state per process, as in the C extension]
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die('skip the fake server speaks the ASCII protocol; broken binary replies are covered by tests/binary.rs');
}
if (test_protocol() === 'meta') {
    die('skip the fake server speaks the ASCII protocol and the comparison is with the C extension, which has no meta; unexpected meta replies: src/pool/meta_exchange.rs unit tests and tests/meta.rs');
}
?>
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

// One fake server per reply line; one fresh non-persistent pool per command, so every row
// starts with a healthy server. Run here and in a process with the C extension.
$matrix = <<<'PHP'
require_once __DIR__ . '/failure.inc';
error_reporting(E_ALL & ~E_DEPRECATED);
$replies = ["GARBAGE", "STORED", "NOT_FOUND", "EXISTS", "NOT_STORED", "ERROR", "SERVER_ERROR busy",
    "", "END", "12abc", "VALUE k 0 abc", "VALUE k 0 1", "DELETED", "CLIENT_ERROR x", "OK", "RESET"];
$ops = ['get', 'mget', 'incr', 'set', 'cas', 'delete'];
foreach ($replies as $line) {
    [$pid, $p] = fm_start_fake(array_fill(0, count($ops), $line . "\r\n"), 20.0);
    foreach ($ops as $op) {
        $m = new Memcache;
        $m->addServer('127.0.0.1', $p, false, 1, 1.0, 15);
        $msg = [];
        set_error_handler(function ($no, $s) use (&$msg) {
            $msg[] = preg_replace('/^.*failed with: /', '', $s);
            return true;
        });
        $r = match ($op) {
            'get' => $m->get('k'), 'mget' => $m->get(['k', 'j']), 'incr' => $m->increment('k'),
            'set' => $m->set('k', 'v'), 'cas' => $m->cas('k', 'v', 0, 0, 7), 'delete' => $m->delete('k'),
        };
        restore_error_handler();
        printf("%-6s %-16s => %-5s status %d %s\n", $op, json_encode($line), json_encode($r),
            $m->getServerStatus('127.0.0.1', $p), implode(' | ', $msg));
        $m->close();
    }
    fm_kill($pid);
}
PHP;

$file = tempnam(sys_get_temp_dir(), 'm334');
file_put_contents($file, "<?php\n" . str_replace('__DIR__', var_export(__DIR__, true), $matrix));
ob_start();
include $file;
$ours = explode("\n", trim(ob_get_clean()));
unlink($file);
$c = explode("\n", trim(run_with_c_extension(str_replace('__DIR__', var_export(__DIR__, true), $matrix))));

echo count($ours), " rows, ", count($c), " rows from the C extension\n";
foreach ($ours as $i => $row) {
    if ($row !== ($c[$i] ?? null)) {
        echo "ours: $row\nC:    ", $c[$i] ?? '(none)', "\n";
    }
}
echo "rows failing the server with Malformed VALUE header (the same rows in both): ",
    count(array_filter($ours, fn($r) => str_ends_with($r, 'Malformed VALUE header (0)'))), "\n";
?>
--EXPECT--
96 rows, 96 rows from the C extension
ours: incr   "STORED"         => false status 0 STORED (0)
C:    incr   "STORED"         => true  status 1 
ours: delete "STORED"         => false status 0 STORED (0)
C:    delete "STORED"         => true  status 1 
ours: cas    "NOT_FOUND"      => false status 1 
C:    cas    "NOT_FOUND"      => false status 0 NOT_FOUND (0)
ours: incr   "12abc"          => false status 0 Malformed VALUE header (0)
C:    incr   "12abc"          => 12    status 1 
ours: incr   "DELETED"        => false status 0 DELETED (0)
C:    incr   "DELETED"        => true  status 1 
ours: set    "DELETED"        => false status 0 DELETED (0)
C:    set    "DELETED"        => true  status 1 
ours: cas    "DELETED"        => false status 0 DELETED (0)
C:    cas    "DELETED"        => true  status 1 
ours: incr   "OK"             => false status 0 OK (0)
C:    incr   "OK"             => true  status 1 
ours: set    "OK"             => false status 0 OK (0)
C:    set    "OK"             => true  status 1 
ours: cas    "OK"             => false status 0 OK (0)
C:    cas    "OK"             => true  status 1 
ours: delete "OK"             => false status 0 OK (0)
C:    delete "OK"             => true  status 1 
rows failing the server with Malformed VALUE header (the same rows in both): 35
