--TEST--
Failover outcomes identical to the C extension on 500 keys: findServer before/after the dead servers are marked failed, set result, the live server(s) each key lands on (single-server clients), get, multi-get and notice count, for 2/3/4-server pools with dead servers, weights, failover off, max_failover_attempts 1/2 and redundancy 2/3 [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$s = stream_socket_server('tcp://127.0.0.1:0');     // a second closed loopback port
$name = stream_socket_get_name($s, false);
fclose($s);
putenv('FM322_DEAD2=' . substr($name, strrpos($name, ':') + 1));

$code = <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
$dead2 = (int) getenv('FM322_DEAD2');
$keys = [];
for ($i = 0; $i < 500; $i++) $keys[] = "322_$i" . ($i % 5 == 0 ? "\xc3\xa9" : '') . ($i % 7 == 0 ? str_repeat('x', $i % 200) : '');
$singles = [];
foreach ([[$host, $port], [$host2, $port2]] as [$h, $p]) {
    $c = new Memcache;
    $c->connect($h, $p);
    $c->delete($keys);
    $singles[] = $c;
}
$L1 = [$host, $port, 1]; $L2 = [$host2, $port2, 1];
$D1 = [$nonExistingHost, $nonExistingPort, 1]; $D2 = ['127.0.0.1', $dead2, 1];
$configs = [
    'A live+dead'                 => [[$L1, $D1], 1, 20, 1],
    'B live+dead+live'            => [[$L1, $D1, $L2], 1, 20, 1],
    'C dead+live(w2)+dead+live'   => [[$D1, [$host, $port, 2], $D2, $L2], 1, 20, 1],
    'D as C, max_failover 1'      => [[$D1, [$host, $port, 2], $D2, $L2], 1, 1, 1],
    'E as C, max_failover 2'      => [[$D1, [$host, $port, 2], $D2, $L2], 1, 2, 1],
    'F live+dead, failover off'   => [[$L1, $D1], 0, 20, 1],
    'G live+dead+live, redund. 2' => [[$L1, $D1, $L2], 1, 20, 2],
    'H dead+live+live, redund. 3' => [[$D1, $L1, $L2], 1, 20, 3],
];
foreach ($configs as $name => [$servers, $failover, $maxFailover, $redundancy]) {
    ini_set('memcache.allow_failover', $failover);
    ini_set('memcache.max_failover_attempts', $maxFailover);
    ini_set('memcache.redundancy', $redundancy);
    $m = new MemcachePool;
    $codes = [];
    foreach ($servers as $i => [$h, $p, $w]) {
        $m->addServer($h, $p, 0, false, $w, 1.0, 15);
        $codes["$h:$p"] ??= $i;
    }
    $notices = 0;
    set_error_handler(function () use (&$notices) { $notices++; return true; }, E_NOTICE | E_WARNING);
    $before = '';
    foreach ($keys as $k) $before .= $codes[$m->findServer($k)] ?? '?';
    // the C extension marks a server failed only once it was tried: touch every server first
    $m->getExtendedStats();
    $after = '';
    foreach ($keys as $k) $after .= $codes[$m->findServer($k)] ?? '?';
    $set = '';
    foreach ($keys as $k) $set .= (int) $m->set($k, $name);
    $got = [];
    foreach ($singles as $i => $c) $got[$i] = $c->get($keys);
    $land = '';
    foreach ($keys as $k) {
        $mask = 0;
        foreach ($singles as $i => $c) {
            if (($got[$i][$k] ?? null) === $name) $mask |= 1 << $i;
        }
        $land .= $mask;
    }
    $get = '';
    foreach ($keys as $k) $get .= (int) ($m->get($k) === $name);
    $multi = $m->get($keys);
    $mg = '';
    foreach ($keys as $k) $mg .= (int) (($multi[$k] ?? null) === $name);
    restore_error_handler();
    foreach ($singles as $c) $c->delete($keys);
    echo "$name|$before|$after|$set|$land|$get|$mg|$notices\n";
}
PHP;

ob_start();
eval($code);
$ours = ob_get_clean();
$theirs = run_with_c_extension($code);

$o = explode("\n", trim($ours));
$t = explode("\n", trim($theirs));
var_dump(count($o), count($t));
$fields = ['findServer before', 'findServer after', 'set', 'landed on', 'get', 'multi-get', 'notices'];
foreach ($o as $i => $line) {
    $a = explode('|', $line);
    $b = explode('|', $t[$i] ?? '');
    echo str_pad($a[0], 28), ': ';
    $diffs = [];
    foreach ($fields as $f => $label) {
        $x = $a[$f + 1] ?? '';
        $y = $b[$f + 1] ?? '';
        if ($f === 6) {
            if ($x !== $y) $diffs[] = "$label ours=$x c=$y";
            continue;
        }
        $n = 0;
        for ($j = 0; $j < max(strlen($x), strlen($y)); $j++) $n += ($x[$j] ?? '') !== ($y[$j] ?? '');
        if ($n) $diffs[] = "$label: $n keys differ";
    }
    echo $diffs ? implode('; ', $diffs) : 'identical', "\n";
    // sanity, independent of the ports: what the config must show in any case
    [$name, $before, $after, $set, $land, $get, $mg] = $a;
    $facts = [];
    $facts[] = 'moved=' . (int) ($before !== $after);
    $facts[] = 'some stored=' . (int) str_contains($set, '1');
    $facts[] = 'get=set:' . (int) ($get === $set);
    $facts[] = 'multi=get:' . (int) ($mg === $get);
    $facts[] = 'on both=' . (int) str_contains($land, '3');
    echo str_repeat(' ', 30), implode(' ', $facts), "\n";
}
?>
--EXPECT--
int(8)
int(8)
A live+dead                 : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=0
B live+dead+live            : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=0
C dead+live(w2)+dead+live   : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=0
D as C, max_failover 1      : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=0
E as C, max_failover 2      : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=0
F live+dead, failover off   : identical
                              moved=0 some stored=1 get=set:1 multi=get:1 on both=0
G live+dead+live, redund. 2 : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=1
H dead+live+live, redund. 3 : identical
                              moved=1 some stored=1 get=set:1 multi=get:1 on both=1
