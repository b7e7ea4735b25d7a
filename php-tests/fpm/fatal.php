<?php
// One request of the fatal-error test (359): a persistent server and a get of ?keys (comma
// separated). With ?fatal=1, unserializing a W359 object ends the request with a fatal error
// (a bailout: the extension's code is left by longjmp, in the middle of the reply).
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
class W359
{
    public function __wakeup()
    {
        if (!empty($_GET['fatal'])) {
            trigger_error('fatal error in __wakeup', E_USER_ERROR);
        }
    }
}
$m = new Memcache;
$m->addServer($_GET['host'], (int) $_GET['port'], true);
$values = $m->get(explode(',', $_GET['keys']));
echo 'get: ', json_encode(array_map(fn ($v) => is_object($v) ? get_class($v) : $v, $values)), "\n";
echo 'pid=', getmypid(), "\n";
