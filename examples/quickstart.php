<?php
/*
 * A short tour of the memcache extension (the PECL memcache API).
 *
 *   make demo
 *
 * starts two memcached servers on loopback and runs this script. To run it by hand, start
 * memcached yourself and pass the ports:
 *
 *   memcached -l 127.0.0.1 -p 21211 -U 0 & memcached -l 127.0.0.1 -p 21212 -U 0 &
 *   MEMCACHE_DEMO_PORT1=21211 MEMCACHE_DEMO_PORT2=21212 \
 *       php -n -d extension=modules/php8.2/memcache.so examples/quickstart.php
 */

$port1 = (int) (getenv('MEMCACHE_DEMO_PORT1') ?: 21211);
$port2 = (int) (getenv('MEMCACHE_DEMO_PORT2') ?: 21212);

// A pool of two servers. Keys are spread over them by hashing (consistent hashing by
// default); nothing connects until the first command needs a server.
$memcache = new Memcache();
$memcache->addServer('127.0.0.1', $port1);
$memcache->addServer('127.0.0.1', $port2);
echo "pool: 127.0.0.1:$port1 and 127.0.0.1:$port2\n\n";

// Strings are stored as they are. set($key, $value, $flags, $expire): flags 0, and
// expire 300 seconds (0 would mean "never").
$memcache->set('greeting', 'hello from memcache', 0, 300);
echo "set greeting        -> get: ", var_export($memcache->get('greeting'), true), "\n";

// Integers, floats and booleans come back with their type.
$memcache->set('answer', 42);
echo "set answer = 42     -> get: ", var_export($memcache->get('answer'), true), "\n";

// Arrays and objects are serialized with PHP's serialize() and restored on get.
$memcache->set('user:1', ['id' => 1, 'name' => 'Ada', 'roles' => ['admin', 'dev']]);
echo "set user:1 (array)  -> get: ", json_encode($memcache->get('user:1')), "\n";

// Multi-get: pass an array of keys, get back an array of the keys that were found.
// Each server is asked once for all of its keys.
$found = $memcache->get(['greeting', 'answer', 'no-such-key']);
echo "get 3 keys at once  -> found: ", implode(', ', array_keys($found)), "\n";

// Counters: increment works on numeric values and returns the new value.
$memcache->set('visits', 10);
$memcache->increment('visits');
echo "increment visits    -> ", var_export($memcache->increment('visits', 5), true), " (10 + 1 + 5)\n";

// Delete removes the key; get returns false for a key that is not there.
$memcache->delete('greeting');
echo "delete greeting     -> get: ", var_export($memcache->get('greeting'), true), "\n";
