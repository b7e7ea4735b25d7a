--TEST--
Dynamic properties are allowed: creating "connection"/"_failureCallback" emits no deprecation (fails on Debian 4.0.5.2)
--FILE--
<?php
include __DIR__ . '/connect.inc';
error_reporting(E_ALL);

$m = new Memcache;
var_dump($m->addServer($host, $port));
var_dump($m->setFailureCallback(null));
$p = new MemcachePool;
var_dump($p->connect($host, $port));
$c = memcache_connect($host, $port);
var_dump($c instanceof Memcache);
$m->userProp = 1;
$p->userProp = 2;
var_dump(array_keys(get_object_vars($m)), array_keys(get_object_vars($p)));
echo "done\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
array(3) {
  [0]=>
  string(10) "connection"
  [1]=>
  string(16) "_failureCallback"
  [2]=>
  string(8) "userProp"
}
array(2) {
  [0]=>
  string(10) "connection"
  [1]=>
  string(8) "userProp"
}
done
