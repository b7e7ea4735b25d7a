<?php
/*
 * The load generator of `make soak` (scripts/soak.sh starts it): SOAK_CONCURRENCY lanes, each
 * a FastCGI client with one request in flight, send requests to the soak's php-fpm
 * (scripts/soak/app.php) until SOAK_REQUESTS requests or SOAK_SECONDS seconds, whichever
 * comes first; then it prints the report and exits 1 if a value was wrong or stale or a worker
 * crashed.
 *
 * Keys belong to lanes: a lane's requests run one after the other, so the operations on a key
 * never overlap and what a read may return is exact. The generator remembers, per key, the
 * version of its last acknowledged write (set() returned true) and the versions written since
 * whose set() failed (a failed write may still have reached a server). A read then returns:
 *   - nothing (a miss): always allowed, a cache may lose anything;
 *   - the acknowledged version or one of the failed writes since: correct;
 *   - an older version of the key: STALE. Served by the key's own server (it was up before and
 *     after the read, see app.php), it is STALE AFTER FAILBACK: the server kept the value from
 *     before its failure while later writes went to a failover server, and came back with it:
 *     what memcache.failback_flush=auto prevents; must be 0 with the defaults. Served by
 *     another server (the key's own server was down), it is STALE FROM AN EARLIER FAILOVER: a
 *     copy a failover server got during an earlier failure of the key's server, read again
 *     during a later one (memcache.failover_ttl bounds how long such copies live; the default,
 *     0, as in the C extension, does not);
 *   - anything else (another key's value, a version never written, a damaged payload, a key
 *     not asked for): WRONG; must always be 0.
 *
 * Fault phases come from the chaos loop's log (SOAK_PHASES: "<unix time> <phase>" lines, read
 * as it grows); each request counts in the phase it started in.
 */

$env = fn(string $name, $default) => getenv($name) === false || getenv($name) === '' ? $default : getenv($name);
$opt = [
    'fpm' => $env('SOAK_FPM', '127.0.0.1:9000'),
    'app' => $env('SOAK_APP', __DIR__ . '/app.php'),
    'servers' => $env('SOAK_SERVERS', ''),
    'requests' => (int) $env('SOAK_REQUESTS', 200000),
    'seconds' => (float) $env('SOAK_SECONDS', max(900, (int) $env('SOAK_REQUESTS', 200000) / 250)),
    'lanes' => (int) $env('SOAK_CONCURRENCY', 4),
    'keys' => (int) $env('SOAK_KEYS', 500),
    'timeout' => $env('SOAK_TIMEOUT', '0.5'),
    'retry' => $env('SOAK_RETRY', '2'),
    'phases' => $env('SOAK_PHASES', ''),
    'pool' => $env('SOAK_FPM_POOL', ''),
    'fpm_log' => $env('SOAK_FPM_LOG', ''),
    'warmup' => (int) $env('SOAK_WARMUP', 2000),
    'flush' => $env('SOAK_FAILBACK_FLUSH', 'auto'),
    'protocol' => $env('SOAK_PROTOCOL', 'ascii'),
    'failover_ttl' => $env('SOAK_FAILOVER_TTL', '0'),
];
$run = bin2hex(random_bytes(3));

// ---- FastCGI (responder role, one request per connection) ----

/** One FastCGI record. */
function fcgi_record(int $type, string $content): string
{
    return pack('CCnnCx', 1, $type, 1, strlen($content), 0) . $content;
}

/** FastCGI name-value pairs. */
function fcgi_params(array $params): string
{
    $out = '';
    foreach ($params as $name => $value) {
        foreach ([strlen($name), strlen($value)] as $len) {
            $out .= $len < 128 ? chr($len) : pack('N', $len | 0x80000000);
        }
        $out .= $name . $value;
    }
    return $out;
}

/** The bytes of a GET request of $script with $query. */
function fcgi_request(string $script, array $query, array $extra): string
{
    $params = fcgi_params($extra + ['SCRIPT_FILENAME' => $script, 'REQUEST_METHOD' => 'GET',
        'QUERY_STRING' => http_build_query($query), 'SERVER_PROTOCOL' => 'HTTP/1.1']);
    return fcgi_record(1, pack('nCx5', 1, 0)) . fcgi_record(4, $params) . fcgi_record(4, '')
        . fcgi_record(5, '');
}

/**
 * Parses the records in $buffer: [stdout so far, true once END_REQUEST arrived]. Consumes what
 * it parsed.
 */
function fcgi_parse(string &$buffer, string &$stdout): bool
{
    while (strlen($buffer) >= 8) {
        $h = unpack('Cversion/Ctype/nid/nlength/Cpadding', $buffer);
        $total = 8 + $h['length'] + $h['padding'];
        if (strlen($buffer) < $total) {
            return false;
        }
        if ($h['type'] === 6) {
            $stdout .= substr($buffer, 8, $h['length']);
        }
        $buffer = (string) substr($buffer, $total);
        if ($h['type'] === 3) {
            return true;
        }
    }
    return false;
}

// ---- the model of what each key may hold ----

$keys = [];          // key => ['acked' => version|0, 'failed' => [versions since], 'next' => next version]
$counts = ['requests' => 0, 'set' => 0, 'set_true' => 0, 'set_false' => 0, 'get' => 0, 'mget' => 0,
    'keys_read' => 0, 'hits' => 0, 'misses' => 0, 'wrong' => 0, 'stale after failback' => 0,
    'stale from an earlier failover' => 0];
$errorKinds = [];    // kind => count (notices and warnings the requests saw)
$failures = [];      // kind => count (requests that got no answer from the app)
$examples = [];      // wrong/stale details (first few)
$phaseNames = [];    // phase => first start
$latency = [];       // phase => [ms...]
$phaseErrors = [];   // phase => requests with a notice or without an answer
$workerPids = [];    // pid => requests served

/** The kind of a notice, by its message. */
function error_kind(string $message): string
{
    foreach (['Network timeout' => 'timeout', 'Connection timed out' => 'connect timeout',
        'Connection refused' => 'connection refused', 'Connection reset' => 'connection reset', 'Read failed' => 'read failed (closed mid-reply)',
        'Malformed' => 'malformed reply', 'Unsolicited' => 'unsolicited data', 'Unexpected' => 'unexpected reply',
        'Value of' => 'value too large', 'Failed to uncompress' => 'uncompress failed'] as $needle => $kind) {
        if (str_contains($message, $needle)) {
            return $kind;
        }
    }
    $why = preg_replace('/^.*failed with: /', '', $message);
    return 'other: ' . preg_replace('/\(\d+\)$|\d+/', '', substr($why, 0, 60));
}

/**
 * Records one read of $key that returned $seen ("K|V", "damaged" or null); $own: the key's own
 * server was up throughout, so it answered.
 */
function check_read(string $key, $seen, bool $own, string $phase): void
{
    global $keys, $counts, $examples;
    $counts['keys_read']++;
    if ($seen === null) {
        $counts['misses']++;
        return;
    }
    $counts['hits']++;
    $state = $keys[$key] ?? ['acked' => 0, 'failed' => [], 'next' => 1];
    [$seenKey, $version] = array_pad(explode('|', (string) $seen, 2), 2, '');
    $version = (int) $version;
    $verdict = null;
    if ($seen === 'damaged' || $seenKey !== $key || $version < 1 || $version >= $state['next']) {
        $verdict = 'wrong';
    } elseif ($version < $state['acked']) {
        // (versions above the ack were all failed writes: allowed)
        $verdict = $own ? 'stale after failback' : 'stale from an earlier failover';
    }
    if ($verdict !== null) {
        $counts[$verdict]++;
        if (count(array_filter($examples, fn($e) => str_starts_with($e, $verdict))) < 8) {
            $examples[] = "$verdict in phase '$phase': $key read as " . json_encode($seen)
                . " (acknowledged v{$state['acked']}, failed since: [" . implode(',', $state['failed'])
                . '], next v' . $state['next'] . ')';
        }
    }
}

// ---- phases ----

$phaseLog = ['offset' => 0, 'current' => 'start'];
/** The current fault phase (the last line of the chaos loop's log). */
function current_phase(): string
{
    global $opt, $phaseLog, $phaseNames;
    if ($opt['phases'] === '' || !is_file($opt['phases'])) {
        return $phaseLog['current'];
    }
    clearstatcache(false, $opt['phases']);
    if (filesize($opt['phases']) > $phaseLog['offset']) {
        $text = (string) file_get_contents($opt['phases'], false, null, $phaseLog['offset']);
        $complete = strrpos($text, "\n");
        if ($complete !== false) {
            $phaseLog['offset'] += $complete + 1;
            foreach (explode("\n", substr($text, 0, $complete)) as $line) {
                $phaseLog['current'] = explode(' ', $line, 2)[1] ?? $phaseLog['current'];
            }
        }
    }
    $phaseNames[$phaseLog['current']] ??= count($phaseNames);
    return $phaseLog['current'];
}

// ---- workers ----

/** Pids of the soak pool's php-fpm workers. */
function worker_pids(string $pool): array
{
    $pids = [];
    foreach (glob('/proc/[0-9]*') as $proc) {
        if (rtrim(str_replace("\0", ' ', (string) @file_get_contents("$proc/cmdline"))) === "php-fpm: pool $pool") {
            $pids[] = (int) basename($proc);
        }
    }
    sort($pids);
    return $pids;
}

/** pid => [open descriptors, RSS in KB] of each worker. */
function worker_usage(array $pids): array
{
    $usage = [];
    foreach ($pids as $pid) {
        $fds = count(glob("/proc/$pid/fd/*", GLOB_NOSORT) ?: []);
        preg_match('/^VmRSS:\s+(\d+)/m', (string) @file_get_contents("/proc/$pid/status"), $m);
        $usage[$pid] = [$fds, (int) ($m[1] ?? 0)];
    }
    return $usage;
}

// ---- the load ----

mt_srand(crc32($run));
$sizes = [64, 64, 64, 2000, 2000, 30000];       // 30000: above the 20000-byte compression threshold
$extra = ['SOAK_SERVERS' => $opt['servers'], 'SOAK_TIMEOUT' => $opt['timeout'], 'SOAK_RETRY' => $opt['retry']];
[$fpmHost, $fpmPort] = explode(':', $opt['fpm']);

/** The next request of lane $lane: [query, op]. */
function next_request(int $lane): array
{
    global $keys, $opt, $run, $sizes;
    $key = fn() => "soak:$run:$lane:" . mt_rand(0, $opt['keys'] - 1);
    $dice = mt_rand(1, 100);
    if ($dice <= 40) {
        $k = $key();
        $keys[$k] ??= ['acked' => 0, 'failed' => [], 'next' => 1];
        $version = $keys[$k]['next']++;
        return [['op' => 'set', 'key' => $k, 'version' => $version, 'size' => $sizes[mt_rand(0, count($sizes) - 1)]],
            'set'];
    }
    $n = $dice <= 85 ? 1 : 8;
    $ks = [];
    while (count($ks) < $n) {
        $ks[$key()] = true;
    }
    return [['op' => 'get', 'keys' => implode(',', array_keys($ks))], $n === 1 ? 'get' : 'mget'];
}

/** Records the answer $body (null: none) of request $req, which took $ms, in $phase. */
function record(array $req, ?string $body, ?string $failure, float $ms, string $phase): void
{
    global $counts, $keys, $errorKinds, $failures, $latency, $phaseErrors, $workerPids;
    $counts['requests']++;
    $counts[$req['kind']]++;
    $latency[$phase][] = $ms;
    $answer = $body === null ? null : json_decode($body, true);
    if (!is_array($answer) || !array_key_exists('r', $answer)) {
        $failure ??= 'no JSON answer (' . substr(preg_replace('/\s+/', ' ', (string) $body), 0, 60) . ')';
    }
    $query = $req['query'];
    if ($failure !== null) {
        $failures[$failure] = ($failures[$failure] ?? 0) + 1;
        $phaseErrors[$phase] = ($phaseErrors[$phase] ?? 0) + 1;
        if ($query['op'] === 'set') {
            $keys[$query['key']]['failed'][] = $query['version'];   // it may have been stored
        }
        return;
    }
    $workerPids[$answer['w']] = ($workerPids[$answer['w']] ?? 0) + 1;
    foreach ($answer['e'] as $message) {
        $kind = error_kind($message);
        $errorKinds[$kind] = ($errorKinds[$kind] ?? 0) + 1;
    }
    if ($answer['e']) {
        $phaseErrors[$phase] = ($phaseErrors[$phase] ?? 0) + 1;
    }
    if ($query['op'] === 'set') {
        if ($answer['r'] === true) {
            $counts['set_true']++;
            $keys[$query['key']]['acked'] = $query['version'];
            $keys[$query['key']]['failed'] = [];
        } else {
            $counts['set_false']++;
            $keys[$query['key']]['failed'][] = $query['version'];
        }
        return;
    }
    $asked = explode(',', $query['keys']);
    foreach ($answer['r'] as $key => [$seen, $own]) {
        if (!in_array((string) $key, $asked, true)) {
            check_read((string) $key, 'damaged', $own, $phase);     // a key nobody asked for: wrong
        }
    }
    foreach ($asked as $key) {
        [$seen, $own] = $answer['r'][$key] ?? [null, false];
        check_read($key, $seen, $own, $phase);
    }
}

$lanes = array_fill(0, $opt['lanes'], null);
$start = microtime(true);
$deadline = $start + $opt['seconds'];
$issued = 0;
$usageStart = null;
$pidsStart = [];
while (true) {
    $now = microtime(true);
    $phase = current_phase();
    foreach ($lanes as $lane => $busy) {
        if ($busy !== null || $issued >= $opt['requests'] || $now >= $deadline) {
            continue;
        }
        [$query, $kind] = next_request($lane);
        $sock = @stream_socket_client("tcp://$fpmHost:$fpmPort", $errno, $errstr, 5);
        $req = ['query' => $query, 'kind' => $kind, 'start' => microtime(true), 'phase' => $phase];
        $issued++;
        if (!$sock) {
            record($req, null, "php-fpm connect failed: $errstr", 0.0, $phase);
            continue;
        }
        fwrite($sock, fcgi_request($opt['app'], $query, $extra));
        stream_set_blocking($sock, false);
        $lanes[$lane] = $req + ['sock' => $sock, 'buffer' => '', 'stdout' => ''];
    }
    $read = [];
    foreach ($lanes as $lane => $busy) {
        if ($busy !== null) {
            $read[$lane] = $busy['sock'];
        }
    }
    if (!$read) {
        break;                           // nothing in flight and nothing more to send
    }
    $w = $e = null;
    $ready = $read;
    if (@stream_select($ready, $w, $e, 0, 50000) === false) {
        $ready = [];
    }
    foreach ($read as $lane => $sock) {
        $req = &$lanes[$lane];
        $failure = null;
        $done = false;
        if (in_array($sock, $ready, true)) {
            $data = fread($sock, 65536);
            if ($data === '' || $data === false) {
                $done = true;
                $failure = feof($sock) ? 'php-fpm closed the connection without an answer' : null;
            } else {
                $req['buffer'] .= $data;
                $done = fcgi_parse($req['buffer'], $req['stdout']);
            }
        }
        if (!$done && microtime(true) - $req['start'] > 30) {
            [$done, $failure] = [true, 'no answer within 30 s'];
        }
        if ($done) {
            $ms = (microtime(true) - $req['start']) * 1000;
            [$head, $body] = array_pad(explode("\r\n\r\n", $req['stdout'], 2), 2, null);
            if ($failure === null && preg_match('/^Status: (\d+)/mi', (string) $head, $m) && $m[1] !== '200') {
                $failure = "HTTP status $m[1]";
            }
            fclose($sock);
            $finished = $req;
            unset($req);
            $lanes[$lane] = null;
            record($finished, $failure === null ? $body : null, $failure, $ms, $finished['phase']);
        } else {
            unset($req);
        }
    }
    if ($usageStart === null && $counts['requests'] >= $opt['warmup']) {
        $pidsStart = worker_pids($opt['pool']);
        $usageStart = worker_usage($pidsStart);
    }
}
$elapsed = microtime(true) - $start;
$pidsEnd = worker_pids($opt['pool']);
$usageEnd = worker_usage($pidsEnd);
$usageStart ??= $usageEnd;

// ---- crashes: php-fpm's log and the worker pids ----
$signals = [];
foreach (explode("\n", (string) @file_get_contents($opt['fpm_log'])) as $line) {
    if (preg_match('/child \d+ exited on signal (\d+ \(\w+\))|child \d+ exited with code ([1-9]\d*)/', $line, $m)) {
        $signals[] = trim($line);
    }
}
$respawned = array_diff($pidsEnd, array_keys($usageStart));
$crashes = count($signals);

// ---- the report ----
/** p-th percentile of sorted $values. */
function percentile(array $sorted, float $p): float
{
    return $sorted ? $sorted[min(count($sorted) - 1, (int) ceil($p / 100 * count($sorted)) - 1)] : 0.0;
}

printf("soak: %d requests in %.1f s (%.0f/s); %d lanes over %d php-fpm workers; 3 memcached; memcache.protocol=%s, failback_flush=%s, failover_ttl=%s; timeout %s s, retry interval %s s\n",
    $counts['requests'], $elapsed, $counts['requests'] / max($elapsed, 0.001), $opt['lanes'], count($pidsEnd),
    $opt['protocol'], $opt['flush'], $opt['failover_ttl'], $opt['timeout'], $opt['retry']);
printf("operations: set %d (true %d, false %d); get %d; multi-get of 8 keys %d; keys read %d: %d hits, %d misses\n",
    $counts['set'], $counts['set_true'], $counts['set_false'], $counts['get'], $counts['mget'], $counts['keys_read'],
    $counts['hits'], $counts['misses']);
printf("values: %d wrong; stale (older than the key's last acknowledged write): %d after failback (from the key's own server), %d from an earlier failover (from another server)\n",
    $counts['wrong'], $counts['stale after failback'], $counts['stale from an earlier failover']);
foreach ($examples as $example) {
    echo "  $example\n";
}
arsort($errorKinds);
echo 'notices by kind: ', $errorKinds ? implode(', ', array_map(fn($k, $n) => "$k $n", array_keys($errorKinds), $errorKinds)) : 'none', "\n";
arsort($failures);
echo 'requests without an answer: ', $failures ? implode(', ', array_map(fn($k, $n) => "$k $n", array_keys($failures), $failures)) : 'none', "\n";
echo "latency by fault phase (each request counts in the phase it started in):\n";
printf("  %-34s %9s %8s %8s %8s %9s\n", 'phase', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms');
asort($phaseNames);
foreach (array_keys($phaseNames) as $phase) {
    $l = $latency[$phase] ?? [];
    sort($l);
    printf("  %-34s %9d %8d %8.2f %8.2f %9.1f\n", $phase, count($l), $phaseErrors[$phase] ?? 0, percentile($l, 50),
        percentile($l, 99), $l ? end($l) : 0);
}
echo "php-fpm workers (after the first {$opt['warmup']} requests -> at the end): open descriptors, RSS\n";
foreach ($usageEnd as $pid => [$fds, $rss]) {
    [$fds0, $rss0] = $usageStart[$pid] ?? [0, 0];
    printf("  pid %d: fds %d -> %d, RSS %.1f -> %.1f MB, %d requests\n", $pid, $fds0, $fds, $rss0 / 1024, $rss / 1024,
        $workerPids[$pid] ?? 0);
}
printf("worker crashes: %d (php-fpm log: %s; workers started during the run: %s)\n", $crashes,
    $signals ? implode(' | ', $signals) : 'no worker exited on a signal or with an error',
    $respawned ? implode(', ', $respawned) : 'none');
// Stale values after failback must be 0 unless failback_flush=never (the C behaviour) was asked
// for; copies left by an earlier failover are reported, not judged (memcache.failover_ttl).
$staleCounts = $opt['flush'] !== 'never';
$ok = $counts['wrong'] === 0 && (!$staleCounts || $counts['stale after failback'] === 0) && $crashes === 0
    && !$respawned;
echo $ok ? "soak passed\n" : "soak FAILED\n";
exit($ok ? 0 : 1);
