--TEST--
memcache.session_save_path, when set, is the handler's save path instead of session.save_path (which may then be anything); restored to unset, session.save_path is used again
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_redundancy=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$one = "tcp://$host:$port";
$two = "tcp://$host2:$port2";
$round = function (string $label) use ($one, $two) {
    $id = sess_new_id('s405');
    session_id($id);
    $started = session_start();
    $_SESSION['x'] = $label;
    session_write_close();
    printf("%s: start %s, on server 1: %s, on server 2: %s\n", $label, var_export($started, true),
        sess_item($one, $id) ? 'yes' : 'no', sess_item($two, $id) ? 'yes' : 'no');
    sess_raw($one, "delete $id");
    sess_raw($two, "delete $id");
};

var_dump(ini_get('memcache.session_save_path'));
session_save_path($one);
$round('session.save_path only');
ini_set('memcache.session_save_path', $two);
$round('both set');
session_save_path('/not/a/memcache/path');
$round('session.save_path not for memcache');
ini_restore('memcache.session_save_path');
var_dump(ini_get('memcache.session_save_path'));
session_save_path($one);
$round('restored');
?>
--EXPECT--
string(0) ""
session.save_path only: start true, on server 1: yes, on server 2: no
both set: start true, on server 1: no, on server 2: yes
session.save_path not for memcache: start true, on server 1: no, on server 2: yes
string(0) ""
restored: start true, on server 1: yes, on server 2: no
