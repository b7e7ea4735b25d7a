--TEST--
Keys and values that try to inject a second command (CR, LF, NUL, space, tab, more than 250 bytes, a 10 MB key, invalid UTF-8, meta commands; values carrying ASCII and meta commands and a binary FLUSH frame), under the suite run's protocol: memcached's own log (-vv) shows exactly the requests the calls make, keys sanitised and cut at 250 bytes, no flush and no injected key, every value read back intact; the C extension (ascii and binary: it has no meta) sends the same requests
--SKIPIF--
<?php include __DIR__ . '/connect.inc'; ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memory_limit=256M
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

$run = <<<'PHP'
function injection_run(string $protocol): void
{
    $server = test_memcached_start(0, ['-vv']);
    $m = new Memcache;
    $m->addServer('127.0.0.1', $server['port']);
    $flushFrame = pack('CCnCCnNNJ', 0x80, 0x08, 0, 0, 0, 0, 0, 0, 0);
    $keys = ["crlf\r\nflush_all", "nul\0delete victim", "space set injected 0 0 1", "tab\tvt\x0bff\x0c",
        "cr\rlf\nonly", str_repeat('a', 250) . "\r\nflush_all\r\n", "bad\xff\xfe\xc3\x28utf8",
        str_repeat('t', 10 << 20) . "\r\nset injected 0 0 1\r\nx\r\n", "meta\r\nmd victim q\r\nmn"];
    $values = ["v\r\nflush_all\r\n", "v\r\nset injected 0 0 1\r\nx\r\n", "\0\r\n\0", $flushFrame . "\r\nflush_all\r\n",
        "v\r\nMN\r\nmd victim q\r\nms injected 1 T0\r\nx\r\nmn\r\n"];
    $m->set('victim', 'intact');
    $ok = 0;
    foreach ($keys as $i => $key) {
        $ok += $m->set($key, "v$i") && $m->get($key) === "v$i" && $m->delete($key);
    }
    foreach ($values as $i => $value) {
        $ok += $m->set("value$i", $value) && $m->get("value$i") === $value;
    }
    $m->close();
    usleep(100000);                                      // let memcached write its log
    echo "  round trips: $ok of ", count($keys) + count($values), "\n";
    foreach (hostile_logged_requests($server['log'], $protocol) as $request) {
        echo '  ', preg_replace_callback('/(\S)\1{29,}/', fn($r) => $r[1] . '{' . strlen($r[0]) . '}',
            addcslashes($request, "\0..\37\177..\377")), "\n";
    }
    echo '  victim: ', test_memcached_command($server['port'], 'get victim'),
        '  injected: ', test_memcached_command($server['port'], 'get injected'),
        '  flushes: ', test_memcached_stats($server['port'])['cmd_flush'], "\n";
    test_memcached_stop($server);
}
PHP;
eval($run);

// Under the suite run's protocol (make test runs the suite under each): ours, then the C
// extension's.
$protocol = test_protocol();
ob_start();
injection_run($protocol);
$ours = ob_get_clean();
if ($protocol === 'meta') {
    $c = "  C extension: has no meta protocol\n";
} else {
    $c = hostile_c_result(hostile_run_c($run . "\ninjection_run('$protocol');\n", $protocol, 10.0), 10.0);
    $c = $c === "\n$ours" ? "  C extension: the same\n" : "  C extension: $c";
}

$ascii = <<<'TEXT'
  round trips: 14 of 14
  version
  set victim 0 0 6
  set crlf__flush_all 0 0 2
  get crlf__flush_all
  delete crlf__flush_all
  set nul_delete_victim 0 0 2
  get nul_delete_victim
  delete nul_delete_victim
  set space_set_injected_0_0_1 0 0 2
  get space_set_injected_0_0_1
  delete space_set_injected_0_0_1
  set tab_vt_ff_ 0 0 2
  get tab_vt_ff_
  delete tab_vt_ff_
  set cr_lf_only 0 0 2
  get cr_lf_only
  delete cr_lf_only
  set a{250} 0 0 2
  get a{250}
  delete a{250}
  set bad\377\376\303(utf8 0 0 2
  get bad\377\376\303(utf8
  delete bad\377\376\303(utf8
  set t{250} 0 0 2
  get t{250}
  delete t{250}
  set meta__md_victim_q__mn 0 0 2
  get meta__md_victim_q__mn
  delete meta__md_victim_q__mn
  set value0 0 0 14
  get value0
  set value1 0 0 26
  get value1
  set value2 0 0 4
  get value2
  set value3 0 0 37
  get value3
  set value4 0 0 45
  get value4
  victim: VALUE victim 0 6
  injected: END
  flushes: 0
  C extension: the same
TEXT;
$binary = <<<'TEXT'
  round trips: 14 of 14
  0x01 key=6 body=20
  0x01 key=15 body=25
  0x00 key=15 body=15
  0x04 key=15 body=15
  0x01 key=17 body=27
  0x00 key=17 body=17
  0x04 key=17 body=17
  0x01 key=24 body=34
  0x00 key=24 body=24
  0x04 key=24 body=24
  0x01 key=10 body=20
  0x00 key=10 body=10
  0x04 key=10 body=10
  0x01 key=10 body=20
  0x00 key=10 body=10
  0x04 key=10 body=10
  0x01 key=250 body=260
  0x00 key=250 body=250
  0x04 key=250 body=250
  0x01 key=11 body=21
  0x00 key=11 body=11
  0x04 key=11 body=11
  0x01 key=250 body=260
  0x00 key=250 body=250
  0x04 key=250 body=250
  0x01 key=21 body=31
  0x00 key=21 body=21
  0x04 key=21 body=21
  0x01 key=6 body=28
  0x00 key=6 body=6
  0x01 key=6 body=40
  0x00 key=6 body=6
  0x01 key=6 body=18
  0x00 key=6 body=6
  0x01 key=6 body=51
  0x00 key=6 body=6
  0x01 key=6 body=59
  0x00 key=6 body=6
  victim: VALUE victim 0 6
  injected: END
  flushes: 0
  C extension: the same
TEXT;
$meta = <<<'TEXT'
  round trips: 14 of 14
  version
  ms victim 6 F0 T0 O0
  ms crlf__flush_all 2 F0 T0 O0
  mg crlf__flush_all v f q O0
  mn
  md crlf__flush_all O0
  ms nul_delete_victim 2 F0 T0 O0
  mg nul_delete_victim v f q O0
  mn
  md nul_delete_victim O0
  ms space_set_injected_0_0_1 2 F0 T0 O0
  mg space_set_injected_0_0_1 v f q O0
  mn
  md space_set_injected_0_0_1 O0
  ms tab_vt_ff_ 2 F0 T0 O0
  mg tab_vt_ff_ v f q O0
  mn
  md tab_vt_ff_ O0
  ms cr_lf_only 2 F0 T0 O0
  mg cr_lf_only v f q O0
  mn
  md cr_lf_only O0
  ms a{250} 2 F0 T0 O0
  mg a{250} v f q O0
  mn
  md a{250} O0
  ms bad\377\376\303(utf8 2 F0 T0 O0
  mg bad\377\376\303(utf8 v f q O0
  mn
  md bad\377\376\303(utf8 O0
  ms t{250} 2 F0 T0 O0
  mg t{250} v f q O0
  mn
  md t{250} O0
  ms meta__md_victim_q__mn 2 F0 T0 O0
  mg meta__md_victim_q__mn v f q O0
  mn
  md meta__md_victim_q__mn O0
  ms value0 14 F0 T0 O0
  mg value0 v f q O0
  mn
  ms value1 26 F0 T0 O0
  mg value1 v f q O0
  mn
  ms value2 4 F0 T0 O0
  mg value2 v f q O0
  mn
  ms value3 37 F0 T0 O0
  mg value3 v f q O0
  mn
  ms value4 45 F0 T0 O0
  mg value4 v f q O0
  mn
  victim: VALUE victim 0 6
  injected: END
  flushes: 0
  C extension: has no meta protocol
TEXT;
check_output_per_protocol("the requests under this run's protocol", $ours . $c, $ascii, $binary, $meta);
?>
--EXPECT--
the requests under this run's protocol: ok
