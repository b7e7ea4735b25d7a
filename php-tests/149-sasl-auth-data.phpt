--TEST--
setSaslAuthData()/memcache_set_sasl_auth_data(): false for an empty name or password, otherwise true with public username/password properties
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
$m = new Memcache;
var_dump($m->setSaslAuthData('', 'secret'), $m->setSaslAuthData('user', ''));
var_dump($m);
var_dump($m->setSaslAuthData('user', 'secret'));
var_dump($m);
$p = new MemcachePool;
var_dump(memcache_set_sasl_auth_data($p, 'other', 'pw'), $p->username, $p->password);
try { memcache_set_sasl_auth_data('x', 'a', 'b'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(false)
bool(false)
object(Memcache)#1 (0) {
}
bool(true)
object(Memcache)#1 (2) {
  ["username"]=>
  string(4) "user"
  ["password"]=>
  string(6) "secret"
}
bool(true)
string(5) "other"
string(2) "pw"
memcache_set_sasl_auth_data(): Argument #1 ($memcache) must be of type MemcachePool, string given
