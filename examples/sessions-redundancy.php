<?php
/*
 * Sessions in memcached, with two copies.
 *
 * session.save_handler = memcache writes each session to memcache.session_redundancy servers
 * (default 2). When the first copy is lost (the server was flushed or restarted), the session
 * is read from the next copy. The C extension starts an empty session instead, and writes
 * that empty session over both copies at the end of the request.
 *
 *   make demo     runs every example against private memcached servers, or by hand:
 *   MEMCACHE_DEMO_PORT1=21211 MEMCACHE_DEMO_PORT2=21212 \
 *       php -n -d extension=modules/php8.2/memcache.so examples/sessions-redundancy.php
 */

$port1 = (int) (getenv('MEMCACHE_DEMO_PORT1') ?: 21211);
$port2 = (int) (getenv('MEMCACHE_DEMO_PORT2') ?: 21212);

// Usually in php.ini or the FPM pool; no cookies here, this is the CLI.
ini_set('session.save_handler', 'memcache');
ini_set('session.save_path', "tcp://127.0.0.1:$port1, tcp://127.0.0.1:$port2");
ini_set('memcache.session_redundancy', '2');
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');

$id = 'demo' . bin2hex(random_bytes(8));
session_id($id);
session_start();
$_SESSION['cart'] = ['apple', 'pear'];
session_write_close();
echo "session $id written with cart = apple, pear\n";

// Where the copies are: each server asked directly for the session's key.
$servers = [];
foreach ([$port1, $port2] as $port) {
    $servers[$port] = new Memcache();
    $servers[$port]->addServer('127.0.0.1', $port);
    $copy = $servers[$port]->get($id);
    echo "  127.0.0.1:$port holds ", is_string($copy) ? "a copy: $copy" : 'no copy', "\n";
}

// The copy that is read first is on the server the session id hashes to.
$pool = new Memcache();
$pool->addServer('127.0.0.1', $port1);
$pool->addServer('127.0.0.1', $port2);
$first = (int) explode(':', $pool->findServer($id))[1];
$servers[$first]->flush();
echo "\n127.0.0.1:$first (the first copy) is flushed, as if it had restarted\n";

session_id($id);
session_start();
$cart = $_SESSION['cart'] ?? null;
echo "the next request reads cart = ", implode(', ', $_SESSION['cart'] ?? ['(empty session)']),
    ": from the second copy\n";
session_write_close();
$copy = $servers[$first]->get($id);
echo "and writing it back restores the first copy: ", is_string($copy) ? $copy : 'missing', "\n";

// (make demo fails if the example did not show what it says.)
exit($cart === ['apple', 'pear'] && is_string($copy) ? 0 : 1);
