--TEST--
A server that answers for another request, under the suite run's protocol: a value for a key not asked for (binary, meta: another request's opaque), a second reply to one request, a reply sent before any request, a reply arriving 100 ms after the exchange ended (for the key asked next): each a notice and false, never a value meant for another request, the server failed and the next request on a new connection; the C extension (ascii and binary: it has no meta) returns the wrong value or serves the stray reply to the next get
--SKIPIF--
<?php include __DIR__ . '/connect.inc'; ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

// One case: a get of $first (a key or keys), then of 'kk' (late_extra: 300 ms later, when the
// late reply has arrived), then of 'k3', with a server that fails at once and is probed again
// on the next request (retry interval 0): a new connection.
$run = <<<'PHP'
function run_case(string $mode, $first): void
{
    $fake = hostile_start($mode, ['extra_key' => 'kk']);
    $m = new Memcache;
    $m->addServer('127.0.0.1', $fake['port'], false, 1, 1.0, 0);
    foreach ([$first, 'kk', 'k3'] as $i => $key) {
        if ($i === 1 && $mode === 'late_extra') {
            usleep(300000);
        }
        [$r, $errors] = test_collect_errors(fn() => $m->get($key));
        echo '  get ', json_encode($key), ': ', json_encode($r), ', status ', $m->getServerStatus('127.0.0.1', $fake['port']),
            ', connections ', hostile_accepts($fake), "\n";
        foreach ($errors as $e) {
            echo '    ', preg_replace('/tcp \d+/', 'tcp FAKE', $e), "\n";
        }
    }
    fm_kill($fake['pid']);
}
PHP;
eval($run);

// The cases under the suite run's protocol (make test runs the suite under each), each ours,
// then the C extension's.
$protocol = test_protocol();
$cases = [
    'a value for another key (binary, meta: opaque)' => ['wrong_key', 'k'],
    'a second reply to one request' => ['extra', 'k'],
    'a reply before the request' => ['early', ['e1', 'e2']],
    'a late reply, for the key asked next' => ['late_extra', 'k'],
];
ob_start();
foreach ($cases as $title => [$mode, $first]) {
    echo "-- $title\n";
    run_case($mode, $first);
    if ($protocol === 'meta') {
        echo "  C extension: has no meta protocol\n";
        continue;
    }
    echo '  C extension: ', hostile_c_result(hostile_run_c($run . "\nrun_case(" . var_export($mode, true) . ', '
        . var_export($first, true) . ");\n", $protocol));
}
$outcomes = ob_get_clean();

$ascii = <<<'TEXT'
-- a value for another key (binary, meta: opaque)
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE for a key that was not requested or was answered already: other (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE for a key that was not requested or was answered already: other (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE for a key that was not requested or was answered already: other (0)
  C extension: 
  get "k": "wrong", status 1, connections 1
  get "kk": "wrong", status 1, connections 1
  get "k3": "wrong", status 1, connections 1
-- a second reply to one request
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  C extension: 
  get "k": "right", status 1, connections 1
  get "kk": "extra", status 1, connections 1
  get "k3": "right", status 1, connections 1
-- a reply before the request
  get ["e1","e2"]: [], status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE for a key that was not requested or was answered already: k (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE k 0 5 (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VALUE k 0 5 (0)
  C extension: 
  get ["e1","e2"]: {"k":"early"}, status 1, connections 1
  get "kk": "right", status 1, connections 1
  get "k3": "right", status 1, connections 1
-- a late reply, for the key asked next
  get "k": "right", status 1, connections 1
  get "kk": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server before the request (0)
  get "k3": "right", status 1, connections 2
  C extension: 
  get "k": "right", status 1, connections 1
  get "kk": "stale", status 1, connections 1
  get "k3": "right", status 1, connections 1
TEXT;
$binary = <<<'TEXT'
-- a value for another key (binary, meta: opaque)
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 1) (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 1) (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 1) (0)
  C extension: crashed (segmentation fault)
-- a second reply to one request
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  C extension: 
  get "k": "right", status 1, connections 1
  get "kk": "extra", status 1, connections 1
  get "k3": "right", status 1, connections 1
-- a reply before the request
  get ["e1","e2"]: [], status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 0) (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 0) (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected binary response (opcode 0x00, opaque 0) (0)
  C extension: 
  get ["e1","e2"]: {"e1":"early"}, status 1, connections 1
  get "kk": "right", status 1, connections 1
  get "k3": false, status 1, connections 1
-- a late reply, for the key asked next
  get "k": "right", status 1, connections 1
  get "kk": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server before the request (0)
  get "k3": "right", status 1, connections 2
  C extension: 
  get "k": "right", status 1, connections 1
  get "kk": "stale", status 1, connections 1
  get "k3": "right", status 1, connections 1
TEXT;
$meta = <<<'TEXT'
-- a value for another key (binary, meta: opaque)
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected meta reply (Value, opaque 1) (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected meta reply (Value, opaque 1) (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected meta reply (Value, opaque 1) (0)
  C extension: has no meta protocol
-- a second reply to one request
  get "k": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server after the last reply (0)
  C extension: has no meta protocol
-- a reply before the request
  get ["e1","e2"]: [], status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unexpected meta reply (Value, opaque 7) (0)
  get "kk": false, status 0, connections 2
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VA 5 f0 O7 (0)
  get "k3": false, status 0, connections 3
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: VA 5 f0 O7 (0)
  C extension: has no meta protocol
-- a late reply, for the key asked next
  get "k": "right", status 1, connections 1
  get "kk": false, status 0, connections 1
    Notice: MemcachePool::get(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: Unsolicited data from the server before the request (0)
  get "k3": "right", status 1, connections 2
  C extension: has no meta protocol
TEXT;
check_output_per_protocol("the cases under this run's protocol", $outcomes, $ascii, $binary, $meta);
?>
--EXPECT--
the cases under this run's protocol: ok
