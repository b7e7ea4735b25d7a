<?php
/*
 * Multi-get and compression.
 *
 * get() with an array of keys fetches them all with one request per server, and returns the
 * keys that were found. Values of memcache.compress_threshold bytes or more (default 20000)
 * are stored zlib-compressed when that saves at least 20 %, and come back decompressed, with
 * MEMCACHE_COMPRESSED in their flags. Both are byte for byte what the C extension does, so
 * the two can share a cache.
 *
 *   make demo     runs every example against private memcached servers, or by hand:
 *   MEMCACHE_DEMO_PORT1=21211 MEMCACHE_DEMO_PORT2=21212 \
 *       php -n -d extension=modules/php8.2/memcache.so examples/multiget-compression.php
 */

$port1 = (int) (getenv('MEMCACHE_DEMO_PORT1') ?: 21211);
$port2 = (int) (getenv('MEMCACHE_DEMO_PORT2') ?: 21212);

$memcache = new Memcache();
$memcache->addServer('127.0.0.1', $port1);
$memcache->addServer('127.0.0.1', $port2);

// Multi-get.
$keys = [];
for ($i = 1; $i <= 100; $i++) {
    $memcache->set("product:$i", ['id' => $i, 'price' => $i * 1.5]);
    $keys[] = "product:$i";
}
$perServer = array_count_values(array_map([$memcache, 'findServer'], $keys));
ksort($perServer);
echo "100 products stored, spread over the servers: ", json_encode($perServer), "\n";
$found = $memcache->get(array_merge($keys, ['product:999']), $flags);
echo "get of 101 keys (one request per server): ", count($found), " found; product:42 = ",
    json_encode($found['product:42']), "; product:999 is not in the result\n\n";

// Compression: what the value takes on its server, from the server's own byte count.
$ok = count($found) === 100;
$page = str_repeat("<li>memcache stores this line again and again</li>\n", 4000);
$serverOf = fn(string $key) => $memcache->findServer($key);
$bytesOn = function (string $server) use ($memcache): int {
    return (int) $memcache->getExtendedStats()[$server]['bytes'];
};
foreach ([20000 => 'default threshold 20000', 0 => 'threshold 0: compression off'] as $threshold => $label) {
    $memcache->setCompressThreshold($threshold);
    $key = "page:$threshold";
    $before = $bytesOn($serverOf($key));
    $memcache->set($key, $page);
    $stored = $bytesOn($serverOf($key)) - $before;
    $back = $memcache->get($key, $itemFlags);
    $ok = $ok && $back === $page && (bool) ($itemFlags & MEMCACHE_COMPRESSED) === ($threshold > 0);
    printf("%-30s %d bytes of HTML take %6d bytes on the server; compressed flag %s; read back %s\n",
        $label . ':', strlen($page), $stored, ($itemFlags & MEMCACHE_COMPRESSED) ? 'set' : 'not set',
        $back === $page ? 'intact' : 'DIFFERENT');
}

// MEMCACHE_COMPRESSED asks for compression of one value whatever the threshold.
$memcache->set('note', str_repeat('abc', 100), MEMCACHE_COMPRESSED);
$memcache->get('note', $noteFlags);
echo "set('note', ..., MEMCACHE_COMPRESSED): flags ", $noteFlags, " (MEMCACHE_COMPRESSED = ", MEMCACHE_COMPRESSED, ")\n";

// (make demo fails if the example did not show what it says.)
exit($ok && ($noteFlags & MEMCACHE_COMPRESSED) ? 0 : 1);
