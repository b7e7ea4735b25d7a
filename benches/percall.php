<?php
/*
 * One workload of scripts/callgrind.sh: N calls of one operation, after a warm-up, so that the
 * difference of two runs with different N is what N calls cost (PHP's start-up, the module's
 * and the connection's set-up cancel out).
 *
 *   php -n -d extension=... benches/percall.php WORKLOAD N
 *
 * Environment: BENCH_SERVERS, one memcached "127.0.0.1:PORT". The Memcache API (ours and
 * Debian's C extension), or, when only the libmemcached-based extension is loaded, its
 * Memcached class with the same calls (getMulti for the multi-get). Every result is checked: a
 * wrong one exits non-zero, so a broken client cannot look cheap.
 */

error_reporting(E_ALL & ~E_DEPRECATED);

[$workload, $n] = [$argv[1] ?? '', (int) ($argv[2] ?? 0)];
[$host, $port] = explode(':', (string) getenv('BENCH_SERVERS')) + [1 => ''];
if ($host !== '127.0.0.1' || !preg_match('/^[0-9]+$/', $port) || $n < 1) {
    fwrite(STDERR, "usage: BENCH_SERVERS=127.0.0.1:PORT percall.php WORKLOAD N\n");
    exit(2);
}
$isMc = class_exists('Memcache');
$m = $isMc ? new Memcache() : new Memcached();
$m->addServer($host, (int) $port);
$set = $isMc ? fn($k, $v) => $m->set($k, $v, 0, 0) : fn($k, $v) => $m->set($k, $v, 0);
$multi = $isMc ? fn($keys) => $m->get($keys) : fn($keys) => $m->getMulti($keys);

$small = str_repeat('v', 32);
$keys = [];
for ($i = 0; $i < 100; $i++) {
    $keys[] = "percall:m:$i";
    $set("percall:m:$i", $small);
}
$set('percall:hit', $small);
$set('percall:counter', 0);
$m->delete('percall:miss');

$workloads = [
    'get-hit' => fn() => $m->get('percall:hit') === $small,
    'get-miss' => fn() => $m->get('percall:miss') === false,
    'set' => fn() => $set('percall:set', $small),
    'increment' => fn() => $m->increment('percall:counter') !== false,
    'delete' => fn() => $m->delete('percall:miss') === false,
    'multi-get-100' => fn() => count($multi($keys) ?: []) === 100,
];
$op = $workloads[$workload] ?? null;
if ($op === null) {
    fwrite(STDERR, "unknown workload $workload: " . implode(', ', array_keys($workloads)) . "\n");
    exit(2);
}
for ($i = 0; $i < 10; $i++) {
    $op();
}
for ($i = 0; $i < $n; $i++) {
    if (!$op()) {
        fwrite(STDERR, "$workload: wrong result at call $i\n");
        exit(1);
    }
}
// A server taken for failed (say, a record of the shared health table left by another
// process that used the same port) answers get-miss and delete with false as well, without
// a round trip: figures measured so would be a failure's.
if ($isMc && $m->getServerStatus($host, (int) $port) !== 1) {
    fwrite(STDERR, "$workload: the server was taken for failed\n");
    exit(1);
}
// The same for the Memcached class: a miss is one only if the server said so.
if (!$isMc && !in_array($m->getResultCode(), [Memcached::RES_SUCCESS, Memcached::RES_NOTFOUND], true)) {
    fwrite(STDERR, "$workload: " . $m->getResultMessage() . "\n");
    exit(1);
}
