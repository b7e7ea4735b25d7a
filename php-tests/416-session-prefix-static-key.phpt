--TEST--
memcache.session_prefix_static_key: the data key is <prefix><id> and the lock <prefix><id>.lock, the server is that of "<prefix><id>-0"; the prefix is taken at request start (a runtime ini_set() changes nothing until the next request), and a prefix with a dot is refused
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_prefix_static_key=app1_
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$addresses = ["$host:$port" => "tcp://$host:$port", "$host2:$port2" => "tcp://$host2:$port2"];
$pool = new MemcachePool;
$pool->addServer($host, $port);
$pool->addServer($host2, $port2);
session_save_path(implode(',', $addresses));
$where = fn (string $key) => implode(',', array_keys(array_filter($addresses, fn ($a) => sess_item($a, $key) !== null)));

$placed = $unprefixed = $read = 0;
for ($i = 0; $i < 20; $i++) {
    $id = sess_new_id('s416');
    session_id($id);
    session_start();
    $_SESSION['i'] = $i;
    session_write_close();
    $placed += $where("app1_$id") === $pool->findServer("app1_$id-0") && $where("app1_$id.lock") === $where("app1_$id");
    $unprefixed += $where($id) !== '' || $where("$id.lock") !== '';
    session_id($id);
    session_start();
    $read += ($_SESSION['i'] ?? null) === $i;
    session_destroy();
    $unprefixed += $where("app1_$id") !== '';
}
echo "20 sessions: $placed under app1_<id> on the server of app1_<id>-0, $read read back, $unprefixed left or stored elsewhere\n";

echo "-- runtime ini_set: no effect in this request --\n";
var_dump(ini_set('memcache.session_prefix_static_key', 'app2_'), ini_get('memcache.session_prefix_static_key'));
$id = sess_new_id('s416');
session_id($id);
session_start();
$_SESSION['x'] = 1;
session_write_close();
echo 'app1_: ', $where("app1_$id") !== '' ? 'yes' : 'no', ', app2_: ', $where("app2_$id") !== '' ? 'yes' : 'no', "\n";
session_id($id);
session_start();
session_destroy();

echo "-- a dot is refused --\n";
var_dump(ini_set('memcache.session_prefix_static_key', 'a.b'), ini_get('memcache.session_prefix_static_key'));
?>
--EXPECTF--
20 sessions: 20 under app1_<id> on the server of app1_<id>-0, 20 read back, 0 left or stored elsewhere
-- runtime ini_set: no effect in this request --
string(5) "app1_"
string(5) "app2_"
app1_: yes, app2_: no
-- a dot is refused --

Warning: ini_set(): memcache.session_prefix_static_key cannot have dot inside (.) in %s on line %d
bool(false)
string(5) "app2_"
