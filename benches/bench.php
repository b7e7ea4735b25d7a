<?php
/*
 * One benchmark round for one extension. scripts/bench.sh runs it once per extension and
 * round, then benches/table.php turns the results into one table.
 *
 *   php -n -d extension=... benches/bench.php memcache|memcached LABEL > results.tsv
 *
 * API "memcache" is the PECL memcache API (ours and Debian's C extension), "memcached" is the
 * Memcached class of the libmemcached-based extension, each with its default settings.
 *
 * Environment:
 *   BENCH_SERVERS    three memcached servers, "127.0.0.1:PORT,127.0.0.1:PORT,127.0.0.1:PORT"
 *   BENCH_TLS_SERVER one memcached with a plain and a TLS listener, "127.0.0.1:PORT:TLS_PORT",
 *                    and BENCH_TLS_CA the CA of its certificate: the tcp.* and tls.*
 *                    workloads, for an extension with TLS (memcache.tls_ca_file) only
 *                    An extension that speaks meta (memcache.remember_wait exists) also runs the
 *                    ascii.* and meta.* workloads: the same calls over each protocol
 *   BENCH_SECONDS    time limit of one measurement (default 0.3)
 *   BENCH_MAX_ITER   iteration limit of one measurement (default 200000)
 *
 * Output, one line per workload: id, title, operations per second, number of wrong results.
 * Every operation's result is checked, so a broken client cannot look fast.
 */

error_reporting(E_ALL & ~E_DEPRECATED);

[$api, $label] = [$argv[1] ?? '', $argv[2] ?? ''];
if (!in_array($api, ['memcache', 'memcached'], true) || $label === '') {
    fwrite(STDERR, "usage: bench.php memcache|memcached LABEL\n");
    exit(2);
}
$servers = [];
foreach (explode(',', (string) getenv('BENCH_SERVERS')) as $s) {
    [$host, $port] = explode(':', $s) + [1 => ''];
    if ($host !== '127.0.0.1' || !preg_match('/^[0-9]+$/', $port)) {
        fwrite(STDERR, "BENCH_SERVERS must be three 127.0.0.1:PORT entries\n");
        exit(2);
    }
    $servers[] = [$host, (int) $port];
}
if (count($servers) !== 3) {
    fwrite(STDERR, "BENCH_SERVERS must be three 127.0.0.1:PORT entries\n");
    exit(2);
}
$seconds = (float) (getenv('BENCH_SECONDS') ?: 0.3);
$maxIter = (int) (getenv('BENCH_MAX_ITER') ?: 200000);

/** A client for $servers with the extension's default settings. */
function client(string $api, array $servers): object
{
    $c = $api === 'memcache' ? new Memcache() : new Memcached();
    foreach ($servers as [$host, $port]) {
        $c->addServer($host, $port);
    }
    return $c;
}

/** Runs $op until $seconds passed or $maxIter calls; returns [ops per second, wrong results]. */
function measure(callable $op, float $seconds, int $maxIter): array
{
    $wrong = 0;
    $n = 0;
    $start = hrtime(true);
    $deadline = $start + (int) ($seconds * 1e9);
    do {
        if (!$op()) {
            $wrong++;
        }
        $n++;
        $now = hrtime(true);
    } while ($n < $maxIter && $now < $deadline);
    return [$n / (($now - $start) / 1e9), $wrong];
}

$one = client($api, [$servers[0]]);   // single-server pool
$all = client($api, $servers);        // three-server pool
$p = "bench:$label:";                 // each extension keeps to its own keys

$small = str_repeat('v', 32);
// ~100 KB of JSON-like rows: compresses well (about 6:1), like real cached payloads.
$big = '';
for ($i = 0; strlen($big) < 102400; $i++) {
    $big .= sprintf('{"id":%d,"name":"user%d","email":"user%d@example.com","score":%d},',
        $i, $i, $i, $i * 7919 % 1000);
}
$big = substr($big, 0, 102400);
$array = ['id' => 12345, 'name' => 'alice', 'email' => 'alice@example.com',
    'roles' => ['admin', 'dev'], 'active' => true, 'score' => 98.6];
$keysOne = $keysAll = $keys300 = [];
for ($i = 0; $i < 100; $i++) {
    $keysOne[] = "{$p}m1:$i";
    $keysAll[] = "{$p}m3:$i";
}
for ($i = 0; $i < 300; $i++) {
    $keys300[] = "{$p}m300:$i";
}

// The same calls in both APIs, except multi-get (get(array) vs getMulti) and the
// set signature (flags argument in memcache).
$isMc = $api === 'memcache';
$set = $isMc ? fn($c, $k, $v) => $c->set($k, $v, 0, 0) : fn($c, $k, $v) => $c->set($k, $v, 0);
$multi = $isMc ? fn($c, $keys) => $c->get($keys) : fn($c, $keys) => $c->getMulti($keys);

foreach ($keysOne as $k) {
    $set($one, $k, $small);
}
foreach (array_merge($keysAll, $keys300) as $k) {
    $set($all, $k, $small);
}
$set($all, "{$p}hit", $small);
$set($all, "{$p}counter", 0);
$set($all, "{$p}big", $big);
$all->delete("{$p}miss");

$workloads = [
    'set32' => ['set 32 B value', fn() => $set($all, "{$p}set", $small)],
    'get32' => ['get hit 32 B', fn() => $all->get("{$p}hit") === $small],
    'miss' => ['get miss', fn() => $all->get("{$p}miss") === false],
    'mget1' => ['multi-get 100 keys, 1 server',
        fn() => count($multi($one, $keysOne) ?: []) === 100],
    'mget3' => ['multi-get 100 keys, 3 servers',
        fn() => count($multi($all, $keysAll) ?: []) === 100],
    'mget300' => ['multi-get 300 keys, 3 servers',
        fn() => count($multi($all, $keys300) ?: []) === 300],
    'incr' => ['increment', fn() => $all->increment("{$p}counter") !== false],
    'set100k' => ['set 100 KB compressible', fn() => $set($all, "{$p}big", $big)],
    'get100k' => ['get 100 KB compressible', fn() => $all->get("{$p}big") === $big],
    'array' => ['set+get small array', fn() => $set($all, "{$p}arr", $array)
        && $all->get("{$p}arr") === $array],
];

// TLS: the same single-server workloads over plain TCP and over tls:// to one memcached that
// listens both ways (ids tcp.* and tls.*), for the TLS/plain ratio; only for an extension
// that has TLS (the C and libmemcached extensions have none).
$tlsServer = (string) getenv('BENCH_TLS_SERVER');
if ($isMc && ini_get('memcache.tls_ca_file') !== false
    && preg_match('/^127\.0\.0\.1:([0-9]+):([0-9]+)$/', $tlsServer, $m)) {
    ini_set('memcache.tls_ca_file', (string) getenv('BENCH_TLS_CA'));
    $transports = ['tcp' => ['127.0.0.1', (int) $m[1]], 'tls' => ['tls://127.0.0.1', (int) $m[2]]];
    $keysTls = [];
    for ($i = 0; $i < 100; $i++) {
        $keysTls[] = "{$p}t:$i";
    }
    foreach ($transports as $name => [$host, $port]) {
        $c = client($api, [[$host, $port]]);
        foreach ($keysTls as $k) {
            $set($c, $k, $small);
        }
        $fresh = function () use ($host, $port, $p, $small) {
            $c = new Memcache();
            $c->addServer($host, $port, false);    // not persistent: closed with $c
            return $c->get("{$p}t:0") === $small;
        };
        $workloads += [
            "$name.set32" => ['set 32 B value, 1 server', fn() => $set($c, "{$p}tset", $small)],
            "$name.get32" => ['get hit 32 B, 1 server', fn() => $c->get("{$p}t:1") === $small],
            "$name.mget" => ['multi-get 100 keys, 1 server',
                fn() => count($multi($c, $keysTls) ?: []) === 100],
            "$name.fresh" => ['new connection + get hit (not persistent)', $fresh],
        ];
    }
}

// Meta: the same calls over memcached's meta commands and over the text protocol, on the
// three servers (ids ascii.* and meta.*), for the meta/ascii ratio; only for an extension that
// speaks meta (ours).
if ($isMc && ini_get('memcache.remember_wait') !== false) {
    foreach (['ascii', 'meta'] as $protocol) {
        ini_set('memcache.protocol', $protocol);   // read when the pool is created
        $c = client($api, $servers);
        ini_restore('memcache.protocol');
        $keysProtocol = [];
        for ($i = 0; $i < 100; $i++) {
            $keysProtocol[] = "{$p}$protocol:$i";
            $set($c, end($keysProtocol), $small);
        }
        $workloads += [
            "$protocol.set32" => ['set 32 B value', fn() => $set($c, "{$p}$protocol:set", $small)],
            "$protocol.get32" => ['get hit 32 B', fn() => $c->get("{$p}$protocol:1") === $small],
            "$protocol.mget" => ['multi-get 100 keys, 3 servers',
                fn() => count($multi($c, $keysProtocol) ?: []) === 100],
        ];
    }
}

foreach ($workloads as $id => [$title, $op]) {
    measure($op, 0.05, 200); // warm-up: connections, allocator, caches
    [$ops, $wrong] = measure($op, $seconds, $maxIter);
    printf("%s\t%s\t%.1f\t%d\n", $id, $title, $ops, $wrong);
}
