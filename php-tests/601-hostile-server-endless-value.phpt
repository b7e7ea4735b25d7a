--TEST--
A server that streams an endless value (a header claiming 1 GiB, more than memory_limit lets PHP hold; or 5 bytes followed by an endless stream), claims a 2^63-byte value (binary: the largest body a frame can claim, 4 GiB), repeats the value asked for without end, or trickles a value in a byte every 0.5 s (timeout 1 s), under the suite run's protocol (meta: VA lines matched by opaque): a notice and false within the timeout, peak RSS growing by less than 32 MB, the connection closed and the next request on a new one; the C extension (ascii and binary: it has no meta) exhausts memory, crashes, reads until killed or serves the repeated value to the next key
--SKIPIF--
<?php include __DIR__ . '/connect.inc'; ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memory_limit=128M
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

// One case: a get from the hostile server (timeout 1 s, retry interval 0, so a failed server
// is probed again at once), then a get of another key, which must open a new connection.
$run = <<<'PHP'
function run_case(string $mode, array $options): void
{
    $fake = hostile_start($mode, $options);
    $m = new Memcache;
    $m->addServer('127.0.0.1', $fake['port'], false, 1, 1.0, 0);
    hostile_reset_peak();
    $rss = hostile_rss();
    $start = microtime(true);
    [$r, $errors] = test_collect_errors(fn() => $m->get('k'));
    $elapsed = microtime(true) - $start;
    $grown = (hostile_peak_rss() - $rss) >> 20;
    echo '  get: ', var_export($r, true), ', ', $elapsed < 1.5 ? 'within the timeout' : sprintf('took %.1f s', $elapsed),
        ', ', $grown < 32 ? 'peak RSS +<32 MB' : "peak RSS +$grown MB", "\n";
    foreach ($errors as $e) {
        echo '  ', preg_replace(['/tcp \d+/', '/the \d+ bytes memory_limit/'], ['tcp FAKE', 'the N bytes memory_limit'], $e), "\n";
    }
    echo '  status after: ', $m->getServerStatus('127.0.0.1', $fake['port']), "\n";
    $r = @$m->get('k2');
    echo '  next get: ', var_export($r, true), ', connections: ', hostile_accepts($fake), "\n";
    fm_kill($fake['pid']);
}
PHP;
eval($run);

// The cases under the suite run's protocol (make test runs the suite under each), each ours,
// then the C extension's.
$protocol = test_protocol();
$cases = [
    'endless value claiming 1 GiB' => ['endless_value', ['claim' => (string) (1 << 30)]],
    'endless value claiming 5 bytes' => ['endless_value', ['claim' => '5']],
    'value claiming 2^63 bytes (binary: 4 GiB)' =>
        ['endless_value', ['claim' => $protocol === 'binary' ? '4294967295' : '9223372036854775808']],
    'the same value without end' => ['endless_values', []],
    'a value trickling in, a byte every 0.5 s' => ['trickle', []],
];
ob_start();
foreach ($cases as $title => [$mode, $options]) {
    echo "-- $title\n";
    run_case($mode, $options);
    if ($protocol === 'meta') {
        echo "  C extension: has no meta protocol\n";
        continue;
    }
    $c = hostile_c_result(hostile_run_c($run . "\nrun_case(" . var_export($mode, true) . ', '
        . var_export($options, true) . ");\n", $protocol));
    if (in_array($title, ['endless value claiming 5 bytes', 'the same value without end',
            'a value trickling in, a byte every 0.5 s'], true)) {
        // Reading an endless stream ends by the time limit or by memory_limit, whichever is first.
        $c = str_replace(['no result within 1.5 s (killed)', 'fatal error, memory exhausted'],
            'keeps reading (killed after 1.5 s, or out of memory first)', $c);
    }
    // Of a C run that ends, its answers (its timing, memory and connections vary with the load).
    echo '  C extension: ', preg_replace(['/, (within the timeout|took [\d.]+ s), peak RSS \S+ \S+/',
        '/, connections: \d+/'], '', $c);
}
$outcomes = ob_get_clean();

$ascii = <<<'TEXT'
-- endless value claiming 1 GiB
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Value of 1073741824 bytes is larger than the N bytes memory_limit leaves (0)
  status after: 1
  next get: false, connections: 2
  C extension: fatal error, memory exhausted
-- endless value claiming 5 bytes
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Malformed VALUE header (0)
  status after: 0
  next get: false, connections: 2
  C extension: keeps reading (killed after 1.5 s, or out of memory first)
-- value claiming 2^63 bytes (binary: 4 GiB)
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Malformed VALUE header (0)
  status after: 0
  next get: false, connections: 2
  C extension: crashed (segmentation fault)
-- the same value without end
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE for a key that was not requested or was answered already: k (0)
  status after: 0
  next get: false, connections: 2
  C extension: keeps reading (killed after 1.5 s, or out of memory first)
-- a value trickling in, a byte every 0.5 s
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Network timeout (0)
  status after: 0
  next get: false, connections: 2
  C extension: keeps reading (killed after 1.5 s, or out of memory first)
TEXT;
$binary = <<<'TEXT'
-- endless value claiming 1 GiB
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Value of 1073741820 bytes is larger than the N bytes memory_limit leaves (0)
  status after: 1
  next get: false, connections: 2
  C extension: fatal error, memory exhausted
-- endless value claiming 5 bytes
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  status after: 0
  next get: false, connections: 2
  C extension: 
  get: 'x'
  status after: 1
  next get: 'x'
-- value claiming 2^63 bytes (binary: 4 GiB)
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Malformed server response (0)
  status after: 0
  next get: false, connections: 2
  C extension: fatal error, memory exhausted
-- the same value without end
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  status after: 0
  next get: false, connections: 2
  C extension: 
  get: 'x'
  status after: 1
  next get: 'x'
-- a value trickling in, a byte every 0.5 s
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Network timeout (0)
  status after: 0
  next get: false, connections: 2
  C extension: keeps reading (killed after 1.5 s, or out of memory first)
TEXT;
$meta = <<<'TEXT'
-- endless value claiming 1 GiB
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Value of 1073741824 bytes is larger than the N bytes memory_limit leaves (0)
  status after: 1
  next get: false, connections: 2
  C extension: has no meta protocol
-- endless value claiming 5 bytes
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Malformed VALUE header (0)
  status after: 0
  next get: false, connections: 2
  C extension: has no meta protocol
-- value claiming 2^63 bytes (binary: 4 GiB)
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Malformed VALUE header (0)
  status after: 0
  next get: false, connections: 2
  C extension: has no meta protocol
-- the same value without end
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected meta reply (Value, opaque 0) (0)
  status after: 0
  next get: false, connections: 2
  C extension: has no meta protocol
-- a value trickling in, a byte every 0.5 s
  get: false, within the timeout, peak RSS +<32 MB
  Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Network timeout (0)
  status after: 0
  next get: false, connections: 2
  C extension: has no meta protocol
TEXT;
check_output_per_protocol("the cases under this run's protocol", $outcomes, $ascii, $binary, $meta);
?>
--EXPECT--
the cases under this run's protocol: ok
