--TEST--
SERVER_ERROR out of memory storing object (memcached -M with its memory full) is not a server failure: the store gives the notice "SERVER_ERROR out of memory storing object (130)" (also with a failure callback set) and false, the callback is not called, the server stays up (status 1) and keeps its keys, the next store reaches it again; the same as the C extension
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (test_protocol() === 'binary') {
    die('skip the fake server speaks the ASCII protocol (binary status 0x82 is mapped in src/protocol/binary.rs)');
}
if (test_protocol() === 'meta') {
    die('skip the fake server speaks the ASCII protocol and the comparison is with the C extension, which has no meta; a meta store answered with the out-of-memory error: tests/meta.rs (out_of_memory_is_an_error_reply_not_a_failure)');
}
?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

// A fake memcached that answers every store with memcached's out-of-memory error.
[$fakePid, $fp] = fm_start_fake(["SERVER_ERROR out of memory storing object\r\n"]);

// Run here and, with Debian's C extension, in a separate process, against the same servers.
$code = '$fp = ' . $fp . ";\n" . <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
$calls = 0;
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer('127.0.0.1', $fp, false, 1, 1.0, 15, true, function () use (&$calls) { $calls++; });
$k = null;
for ($i = 0; $k === null && $i < 1000; $i++) {
    if ($m->findServer("333_k$i") === "127.0.0.1:$fp") $k = "333_k$i";
}
foreach (['set', 'add', 'set'] as $op) {
    [$r, $errors] = test_collect_errors(fn() => $m->$op($k, 'v'));
    echo "$op: ", var_export($r, true), "\n";
    foreach ($errors as $e) echo '  ', str_replace("tcp $fp,", 'tcp FAKE,', $e), "\n";
    echo '  status: ', $m->getServerStatus('127.0.0.1', $fp), ', key still on it: ',
        var_export($m->findServer($k) === "127.0.0.1:$fp", true), ", callback calls: $calls\n";
}
PHP;

ob_start();
eval($code);
$ours = ob_get_clean();
echo $ours;
$theirs = run_with_c_extension($code);
echo $theirs === $ours ? "C extension: the same\n" : "C extension differs:\n$theirs";
fm_kill($fakePid);
?>
--EXPECT--
set: false
  Notice: MemcachePool::set(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: SERVER_ERROR out of memory storing object (130)
  status: 1, key still on it: true, callback calls: 0
add: false
  Notice: MemcachePool::add(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: SERVER_ERROR out of memory storing object (130)
  status: 1, key still on it: true, callback calls: 0
set: false
  Notice: MemcachePool::set(): Server 127.0.0.1 (tcp FAKE, udp 0) failed with: SERVER_ERROR out of memory storing object (130)
  status: 1, key still on it: true, callback calls: 0
C extension: the same
