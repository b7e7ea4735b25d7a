--TEST--
Replies that are not server failures: NOT_STORED/EXISTS/NOT_FOUND are a plain false; SERVER_ERROR object too large and CLIENT_ERROR (incr of a non-numeric value) give a notice (even with a failure callback set) and false; none of them calls the callback, marks the server failed or moves keys
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

$calls = 0;
$m = new Memcache;
$m->addServer($host, $port, false);
$m->addServer($host2, $port2, false, 1, 1.0, 15, true, function () use (&$calls) { $calls++; echo "CALLBACK\n"; });
$k1 = $k2 = null;
for ($i = 0; $k1 === null || $k2 === null; $i++) {
    $k = "320_k$i";
    if ($m->findServer($k) === "$host:$port") $k1 ??= $k; else $k2 ??= $k;
}
$before = [$m->findServer($k1), $m->findServer($k2)];
$one = new Memcache; $one->connect($host, $port);
$two = new Memcache; $two->connect($host2, $port2);
foreach ([$k1, $k2] as $k) { $m->delete($k); $m->delete("$k-missing"); }

foreach ([$k1, $k2] as $n => $k) {
    echo "-- server ", $n + 1, " --\n";
    var_dump($m->set($k, 'v'));
    echo "add existing:      "; var_dump($m->add($k, 'x'));
    echo "replace missing:   "; var_dump($m->replace("$k-missing", 'x'));
    echo "append missing:    "; var_dump($m->append("$k-missing", 'x'));
    echo "prepend missing:   "; var_dump($m->prepend("$k-missing", 'x'));
    echo "cas mismatch:      "; $m->get($k, $f, $cas); var_dump($m->cas($k, 'x', 0, 0, $cas + 1000));
    // cas 0: ASCII sends "cas ... 0" (EXISTS, false); binary sends a SET with CAS 0, a plain set
    check_per_protocol('cas 0', $m->cas($k, 'x', 0, 0, 0), false, true);
    check_per_protocol('value after cas 0', $m->get($k), 'v', 'x');
    echo "delete missing:    "; var_dump($m->delete("$k-missing"));
    echo "incr missing:      "; var_dump($m->increment("$k-missing"), $m->decrement("$k-missing"));
    echo "get missing:       "; var_dump($m->get("$k-missing"));
    // the notices quote memcached's text, which differs per protocol; each names the key's server
    $bigPort = (int) explode(':', $m->findServer("$k-big"))[1];
    [$r, $errors] = test_collect_errors(fn() => $m->set("$k-big", random_bytes(1200000)));
    echo "too large:         "; var_dump($r);
    check_per_protocol('too large notice', $errors,
        [test_failure_notice('MemcachePool::set', 'SERVER_ERROR object too large for cache', 3, $bigPort)],
        [test_failure_notice('MemcachePool::set', 'Too large.', 3, $bigPort)]);
    [$r, $errors] = test_collect_errors(fn() => $m->increment($k));
    echo "incr non-numeric:  "; var_dump($r);
    check_per_protocol('incr non-numeric notice', $errors,
        [test_failure_notice('MemcachePool::increment', 'CLIENT_ERROR cannot increment or decrement non-numeric value', 6, $n ? $port2 : $port)],
        [test_failure_notice('MemcachePool::increment', 'Non-numeric server-side value for incr or decr', 6, $n ? $port2 : $port)]);
    echo "status:            "; var_dump($m->getServerStatus($host, $port), $m->getServerStatus($host2, $port2));
    echo "still on primary:  "; var_dump($m->set($k, 'after'), ($n ? $two : $one)->get($k));
}
var_dump([$m->findServer($k1), $m->findServer($k2)] === $before, $calls);
$m->delete($k1);
$m->delete($k2);
?>
--EXPECT--
-- server 1 --
bool(true)
add existing:      bool(false)
replace missing:   bool(false)
append missing:    bool(false)
prepend missing:   bool(false)
cas mismatch:      bool(false)
cas 0: ok
value after cas 0: ok
delete missing:    bool(false)
incr missing:      bool(false)
bool(false)
get missing:       bool(false)
too large:         bool(false)
too large notice: ok
incr non-numeric:  bool(false)
incr non-numeric notice: ok
status:            int(1)
int(1)
still on primary:  bool(true)
string(5) "after"
-- server 2 --
bool(true)
add existing:      bool(false)
replace missing:   bool(false)
append missing:    bool(false)
prepend missing:   bool(false)
cas mismatch:      bool(false)
cas 0: ok
value after cas 0: ok
delete missing:    bool(false)
incr missing:      bool(false)
bool(false)
get missing:       bool(false)
too large:         bool(false)
too large notice: ok
incr non-numeric:  bool(false)
incr non-numeric notice: ok
status:            int(1)
int(1)
still on primary:  bool(true)
string(5) "after"
bool(true)
int(0)
