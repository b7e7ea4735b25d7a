--TEST--
close() releases the connection of a non-persistent server at once (memcached's curr_connections goes up by 1 with the first request and back down after close(), for addServer(.., false), connect() and memcache_connect()/memcache_close()); a persistent connection stays open, both when another object is closed and when its own object calls close() (kept for the next pool, which reuses it); the same counts as the C extension
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/failure.inc';

[$pid, $p] = fm_start_memcached();    // a private memcached: only this test's connections count

// Run here and, with Debian's C extension, in a separate process, against the same memcached.
$code = '$p = ' . $p . ";\n" . <<<'PHP'
error_reporting(E_ALL & ~E_DEPRECATED);
ini_set('memcache.protocol', $protocol);
$statsConn = null;
/** memcached's open connections, once they stopped changing (bounded: about 1.2 s), minus $base. */
$open = function () use ($p, &$statsConn) {
    usleep(50000);
    $last = null;
    for ($i = 0; $i < 20; $i++) {
        $n = (int) (test_memcached_stats($p, $statsConn)['curr_connections'] ?? -1);
        if ($n === $last) {
            return $n;
        }
        $last = $n;
        usleep(50000);
    }
    return $last;
};
$base = $open();                      // this process's stats connection included
$show = function (string $label) use ($open, $base) { echo str_pad($label, 44), '+', $open() - $base, "\n"; };

$np = new Memcache;
$np->addServer('127.0.0.1', $p, false);
$np->get('336_k');
$show('addServer(.., false), get');
var_dump($np->close());
$show('close()');

$pp = new Memcache;
$pp->addServer('127.0.0.1', $p, true);
$pp->get('336_k');
$show('persistent addServer, get');
$np2 = new Memcache;
$np2->addServer('127.0.0.1', $p, false);
$np2->get('336_k');
$show('and a non-persistent one, get');
$np2->close();
$show('close() of the non-persistent one');
var_dump($pp->close());
$show('close() of the persistent one');
$pp2 = new Memcache;
$pp2->addServer('127.0.0.1', $p, true);
var_dump($pp2->get('336_k'));
$show('a new persistent pool, get (reuses it)');

$c = new Memcache;
$c->connect('127.0.0.1', $p);
$c->get('336_k');
$show('connect(), get');
$c->close();
$show('close()');
$f = memcache_connect('127.0.0.1', $p);
memcache_get($f, '336_k');
$show('memcache_connect(), get');
var_dump(memcache_close($f));
$show('memcache_close()');
PHP;

ob_start();
$protocol = test_protocol();
eval($code);
$ours = ob_get_clean();
echo $ours;
// The C extension has no meta: under meta it speaks ascii, and must behave the same.
$theirs = run_with_c_extension('$protocol = ' . var_export(c_extension_protocol(), true) . ";\n" . $code);
echo $theirs === $ours ? "C extension: the same\n" : "C extension differs:\n$theirs";
fm_kill($pid);
?>
--EXPECT--
addServer(.., false), get                   +1
bool(true)
close()                                     +0
persistent addServer, get                   +1
and a non-persistent one, get               +2
close() of the non-persistent one           +1
bool(true)
close() of the persistent one               +1
bool(false)
a new persistent pool, get (reuses it)      +1
connect(), get                              +2
close()                                     +1
memcache_connect(), get                     +2
bool(true)
memcache_close()                            +1
C extension: the same
