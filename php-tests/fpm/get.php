<?php
// One request of the connection-count tests (351, 352, 355, 356): a new Memcache, one server
// added persistently (?persistent=1, the default) or not, one get of ?key.
// ?api=pconnect or memcache_pconnect connects with those instead of addServer; ?close=1
// calls close() at the end.
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
$host = $_GET['host'];
$port = (int) $_GET['port'];
switch ($_GET['api'] ?? 'addServer') {
    case 'pconnect':
        $m = new Memcache;
        $ok = $m->pconnect($host, $port);
        break;
    case 'memcache_pconnect':
        $m = memcache_pconnect($host, $port);
        $ok = $m instanceof Memcache;
        break;
    default:
        $m = new Memcache;
        $ok = $m->addServer($host, $port, (bool) ($_GET['persistent'] ?? 1));
}
echo 'connect: ', var_export($ok, true), "\n";
$value = $m->get($_GET['key'] ?? 'k');
echo 'get: ', var_export($value, true), "\n";
if (!empty($_GET['close'])) {
    $closed = $m->close();
    echo 'close: ', var_export($closed, true), "\n";
}
echo 'pid=', getmypid(), "\n";
