--TEST--
__wakeup() calling get() on the same two-server pool during a multi get: every found key returned once, no spurious failure
--FILE--
<?php
include __DIR__ . '/connect.inc';

$wakeups = 0;
class Nested {
    public $name;
    function __construct($n) { $this->name = $n; }
    function __wakeup() {
        global $memcache, $wakeups, $seen;
        $wakeups++;
        $seen = $memcache->get('k134_plain');
    }
}

$memcache = test_connect_pool();
$keys = [];
// several keys so that both servers take part in the multi get
for ($i = 0; $i < 6; $i++) {
    var_dump($memcache->set("k134_obj$i", new Nested("n$i")));
    var_dump($memcache->set("k134_arr$i", [$i]));
    $keys[] = "k134_obj$i";
    $keys[] = "k134_arr$i";
}
var_dump($memcache->set('k134_plain', 'pool-plain'));
$keys[] = 'k134_plain';

$t = microtime(true);
$r = $memcache->get($keys);
var_dump(count($r), $wakeups, $seen);
foreach ($keys as $k) {
    if (!array_key_exists($k, $r)) echo "missing $k\n";
}
for ($i = 0; $i < 6; $i++) {
    if ($r["k134_obj$i"]->name !== "n$i" || $r["k134_arr$i"] !== [$i]) echo "wrong value for $i\n";
}
var_dump($memcache->getServerStatus($host, $port), $memcache->getServerStatus($host2, $port2));
var_dump(microtime(true) - $t < 0.9);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(13)
int(6)
string(10) "pool-plain"
int(1)
int(1)
bool(true)
