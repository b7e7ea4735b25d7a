<?php
/*
 * One request of `make soak` (scripts/soak.sh), run by its php-fpm: one operation on a pool
 * of the soak's memcached servers (persistent connections), answered as one JSON line.
 *
 * FastCGI parameters: SOAK_SERVERS (comma-separated loopback ports), SOAK_TIMEOUT and
 * SOAK_RETRY (addServer's timeout and retry interval). Query: op=set&key=K&version=V&size=N
 * stores K's value for version V, op=get&keys=K1,K2,... reads them (one key: a single get,
 * several: a multi-get). A value names its key and version and carries a payload derived from
 * both, so the load generator can tell a wrong value from an old one and this script can tell
 * a damaged payload: "K|V|N|<payload of N bytes>".
 *
 * Answer: {"w": worker pid, "r": true|false (set) or {key: [what was read, own server up]}
 * (get), "e": [notices and warnings]}: what was read is "K|V", "damaged" or null (a miss);
 * own server up is true when the key's own server on the ring (findServer() without
 * failover) was up (getServerStatus() 1) both before and after the read, so that the read
 * was answered by it and not by a failover server.
 */

/** The value stored for version $version of $key, $size bytes of payload. */
function soak_value(string $key, int $version, int $size): string
{
    $seed = md5("$key|$version");
    return "$key|$version|$size|" . substr(str_repeat($seed, intdiv($size, 32) + 1), 0, $size);
}

/** What a read value says: "K|V" when it is a soak value with an intact payload, else "damaged". */
function soak_check($value): string
{
    if (!is_string($value) || count($parts = explode('|', $value, 4)) !== 4) {
        return 'damaged';
    }
    [$key, $version, $size] = $parts;
    return $value === soak_value($key, (int) $version, (int) $size) ? "$key|$version" : 'damaged';
}

$errors = [];
set_error_handler(function (int $no, string $message) use (&$errors): bool {
    $errors[] = $message;
    return true;
});
$m = new Memcache;
foreach (explode(',', $_SERVER['SOAK_SERVERS']) as $port) {
    $m->addServer('127.0.0.1', (int) $port, true, 1, (float) $_SERVER['SOAK_TIMEOUT'], (int) $_SERVER['SOAK_RETRY']);
}
if ($_GET['op'] === 'set') {
    $result = $m->set($_GET['key'], soak_value($_GET['key'], (int) $_GET['version'], (int) $_GET['size']));
} else {
    $status = fn() => array_map(fn($port) => $m->getServerStatus('127.0.0.1', (int) $port),
        array_combine(explode(',', $_SERVER['SOAK_SERVERS']), explode(',', $_SERVER['SOAK_SERVERS'])));
    $keys = explode(',', $_GET['keys']);
    $before = $status();
    $read = count($keys) === 1 ? [$keys[0] => $m->get($keys[0])] : $m->get($keys);
    $after = $status();
    ini_set('memcache.allow_failover', '0');        // findServer(): the key's own server
    $result = [];
    foreach (is_array($read) ? $read : [] as $key => $value) {
        $own = substr((string) $m->findServer((string) $key), 10);
        $result[$key] = [$value === false ? null : soak_check($value), ($before[$own] ?? 0) && ($after[$own] ?? 0)];
    }
}
echo json_encode(['w' => getmypid(), 'r' => $result, 'e' => $errors]);
