--TEST--
Array-form set/delete/increment when some entries' server failed (failover off): those entries get no reply, so they do not flip the bool result and are absent from increment's array; all servers down gives false / array(0) (as in the C extension) [memcache.shared_health=0: failure state per process, as in the C extension]
--INI--
memcache.shared_health=0
error_reporting=E_ALL & ~E_DEPRECATED
memcache.allow_failover=0
--FILE--
<?php
include __DIR__ . '/connect.inc';

$m = new Memcache;
$m->addServer($host, $port);
$m->addServer($nonExistingHost, $nonExistingPort);
$dead = "$nonExistingHost:$nonExistingPort";
$d = $l = [];
for ($i = 0; count($d) < 2 || count($l) < 2; $i++) {
    $k = "302_k$i";
    if ($m->findServer($k) === $dead) {
        if (count($d) < 2) $d[] = $k;
    } elseif (count($l) < 2) {
        $l[] = $k;
    }
}
$single = new Memcache;
$single->connect($host, $port);
$single->delete($l[0]);
$single->delete($l[1]);

echo "-- first contact inside an array set --\n";
var_dump($m->set([$l[0] => 1, $d[0] => 2, $l[1] => 3, $d[1] => 4]));
var_dump($single->get($l));
echo "-- server already failed --\n";
var_dump($m->set([$d[0] => 2, $l[0] => 10, $d[1] => 4]));
var_dump($m->increment([$l[0], $d[0], $l[1], $d[1]], 5));
var_dump($m->decrement([$d[1], $l[1]]));
var_dump($m->delete([$d[0], $l[0], $d[1]]));
var_dump($single->get($l[0]));
echo "-- a real miss on the live server still flips the result --\n";
var_dump($m->delete([$d[0], $l[0], $d[1]]));       // l0 already deleted: NOT_FOUND
var_dump($m->add([$l[1] => 'x', $d[0] => 'y']));     // l1 exists: NOT_STORED
var_dump($m->increment([$l[0], $d[0]]));             // l0 missing: "l0\0" => false, d0 absent
echo "-- only dead entries --\n";
var_dump($m->set([$d[0] => 1, $d[1] => 2]));
var_dump($m->delete($d));
var_dump($m->increment($d));
var_dump($m->get($d));

echo "-- a pool whose only server is down --\n";
$p = new MemcachePool;
$p->addServer($nonExistingHost, $nonExistingPort, 0, false);
var_dump($p->increment(['a302', 'b302']));
var_dump($p->increment(['a302', 'b302']));
var_dump($p->set(['a302' => 1, 'b302' => 2]), $p->delete(['a302', 'b302']), $p->get(['a302', 'b302']));

echo "-- failover on, every server down --\n";
ini_set('memcache.allow_failover', 1);
$s = stream_socket_server('tcp://127.0.0.1:0');        // a second closed port
$name = stream_socket_get_name($s, false);
fclose($s);
$p2 = new MemcachePool;
$p2->addServer($nonExistingHost, $nonExistingPort, 0, false);
$p2->addServer('127.0.0.1', (int) substr($name, strrpos($name, ':') + 1), 0, false);
$n = 0;
set_error_handler(function ($no, $str) use (&$n) { $n++; return true; });
var_dump($p2->increment(['a302', 'b302', 'c302', 'd302']));
var_dump($p2->set(['a302' => 1, 'b302' => 2]), $p2->delete(['a302', 'b302']), $p2->get(['a302', 'b302']));
restore_error_handler();
var_dump($n);
$single->delete($l[1]);
?>
--EXPECTF--
-- first contact inside an array set --

Notice: MemcachePool::set(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(true)
array(2) {
  ["%s"]=>
  int(%d)
  ["%s"]=>
  int(%d)
}
-- server already failed --
bool(true)
array(2) {
  ["%s"]=>
  int(15)
  ["%s"]=>
  int(8)
}
array(1) {
  ["%s"]=>
  int(7)
}
bool(true)
bool(false)
-- a real miss on the live server still flips the result --
bool(false)
bool(false)
array(1) {
  ["%s"]=>
  bool(false)
}
-- only dead entries --
bool(false)
bool(false)
array(0) {
}
array(0) {
}
-- a pool whose only server is down --

Notice: MemcachePool::increment(): Server %s (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
array(0) {
}
array(0) {
}
bool(false)
bool(false)
array(0) {
}
-- failover on, every server down --
array(0) {
}
bool(false)
bool(false)
array(0) {
}
int(2)
