--TEST--
User subclasses of Memcache and MemcachePool work without a constructor or parent::__construct()
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

class MyMemcache205 extends Memcache
{
    public $extra = 'x';
    public function tag($k) { return '205_' . $k; }
}
class MyPool205 extends MemcachePool
{
    public function __construct() { /* no parent::__construct() */ }
}
class MyPoolChild205 extends MyPool205 {}

$m = new MyMemcache205;
var_dump($m instanceof Memcache, $m instanceof MemcachePool);
var_dump($m->connect($host, $port));
var_dump($m->set($m->tag('a'), 'sub-a'));
var_dump($m->get($m->tag('a')));
var_dump(memcache_get($m, '205_a'));
var_dump($m);

$p = new MyPoolChild205;
var_dump($p->addServer($host, $port));
var_dump($p->get('205_a'));
var_dump($p->set('205_b', 12));
var_dump(memcache_get($p, '205_b'));
var_dump($p->findServer('205_b') === "$host:$port");
var_dump($p->delete('205_a'), $p->delete('205_b'));
var_dump($p->close());
var_dump($p);

// Memcache-only functions refuse MemcachePool subclasses
try {
    memcache_add_server($p, $host, $port);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(memcache_add_server($m, $host2, $port2));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
string(5) "sub-a"
string(5) "sub-a"
object(MyMemcache205)#%d (2) {
  ["extra"]=>
  string(1) "x"
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
bool(true)
string(5) "sub-a"
bool(true)
int(12)
bool(true)
bool(true)
bool(true)
bool(true)
object(MyPoolChild205)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
memcache_add_server(): Argument #1 ($memcache) must be of type Memcache, MyPoolChild205 given
bool(true)
