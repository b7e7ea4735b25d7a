<?php
// One request of the memcached-restart test (353): a persistent server with a failure
// callback; ?first=get reads ?key then stores ?value, ?first=set does it the other way round.
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
$host = $_GET['host'];
$port = (int) $_GET['port'];
$key = $_GET['key'];
$m = new Memcache;
$m->addServer($host, $port, true, 1, 1, 15, true, function (...$args) {
    echo 'failure callback: ', json_encode($args), "\n";
});
$steps = ($_GET['first'] ?? 'get') === 'get' ? ['get', 'set'] : ['set', 'get'];
foreach ($steps as $step) {
    $result = $step === 'get' ? $m->get($key) : $m->set($key, $_GET['value']);
    echo "$step: ", var_export($result, true), "\n";
}
echo 'status: ', $m->getServerStatus($host, $port), "\n";
echo 'pid=', getmypid(), "\n";
