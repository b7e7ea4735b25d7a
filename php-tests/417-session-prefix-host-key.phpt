--TEST--
memcache.session_prefix_host_key=1 with SERVER_NAME=www.shop.example.com (from the environment, $_SERVER not used by the script): the session key is <static prefix><host without www.><id> (spec §6, §12.2)
--ENV--
SERVER_NAME=www.shop.example.com
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memcache.session_prefix_static_key=app1_
memcache.session_prefix_host_key=1
--FILE--
<?php
include __DIR__ . '/session.inc';

$server = "tcp://$host:$port";
session_save_path($server);
$id = sess_new_id('s417');
session_id($id);
session_start();
$_SESSION['x'] = 1;
session_write_close();
foreach (["app1_shop.example.com$id", "app1_www.shop.example.com$id", "app1_$id", $id] as $key) {
    echo str_replace($id, '<id>', $key), ': ', sess_item($server, $key) !== null ? 'stored' : 'missing',
        ', lock ', sess_item($server, "$key.lock") !== null ? 'stored' : 'missing', "\n";
}
session_id($id);
session_start();
var_dump($_SESSION);
session_destroy();
var_dump(sess_item($server, "app1_shop.example.com$id"));
?>
--EXPECT--
app1_shop.example.com<id>: stored, lock stored
app1_www.shop.example.com<id>: missing, lock missing
app1_<id>: missing, lock missing
<id>: missing, lock missing
array(1) {
  ["x"]=>
  int(1)
}
NULL
