--TEST--
Data path on a two-server pool: array set/get/increment/delete span both servers, each item lives only on the server findServer() names, cas works per server
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_has($h, $p, $key) {
    $s = stream_socket_client("tcp://$h:$p", $errno, $errstr, 2);
    fwrite($s, "get $key\r\n");
    $line = fgets($s);
    if ($line === "END\r\n") return false;
    [, , , $len] = explode(' ', rtrim($line, "\r\n"));
    $data = '';
    while (strlen($data) < $len + 2) $data .= fread($s, $len + 2 - strlen($data));
    fgets($s);
    return true;
}

$m = test_connect_pool();
$data = [];
for ($i = 0; $i < 40; $i++) {
    $data["k144_$i"] = $i;
}
var_dump($m->set($data));

$on = [0 => 0, 1 => 0];
$bad = 0;
foreach ($data as $k => $v) {
    $a = raw_has($host, $port, $k);
    $b = raw_has($host2, $port2, $k);
    $where = $m->findServer($k);
    if ($a === $b) $bad++;
    if ($a && $where !== "$host:$port") $bad++;
    if ($b && $where !== "$host2:$port2") $bad++;
    $on[$a ? 0 : 1]++;
}
var_dump($bad, $on[0] > 0, $on[1] > 0);

$r = $m->get(array_keys($data), $flags, $cas);
ksort($r, SORT_NATURAL);
var_dump($r === $data, count($flags), count($cas));

foreach ($data as $k => $v) {
    if ($m->get($k) !== $v) echo "single get mismatch $k\n";
}

$inc = $m->increment(array_keys($data), 100);
ksort($inc, SORT_NATURAL);
var_dump(count($inc), $inc['k144_0'], $inc['k144_39']);

// cas on items from both servers
$okCas = 0;
foreach ($cas as $k => $c) {
    $m->get($k, $f, $fresh);
    if ($m->cas($k, "cas-$k", 0, 0, $fresh)) $okCas++;
}
var_dump($okCas);
var_dump($m->get('k144_7'));

var_dump($m->delete(array_keys($data)));
var_dump($m->get(array_keys($data)));
var_dump(raw_has($host, $port, 'k144_7') || raw_has($host2, $port2, 'k144_7'));
?>
--EXPECT--
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
int(40)
int(40)
int(40)
int(100)
int(139)
int(40)
string(10) "cas-k144_7"
bool(true)
array(0) {
}
bool(false)
