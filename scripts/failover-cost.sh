#!/usr/bin/env bash
# What a hung memcached costs a PHP-FPM pool, with our extension and with Debian's C memcache:
# the measurement of php-tests/fpm-cost.inc (test 370 runs it for ours), once per extension,
# each in its own php-fpm (-n, only that extension loaded; never both in one process), and
# one table at the end.
#
#   scripts/failover-cost.sh [OURS.so]        (default: modules/php<version>/memcache.so)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP/PHP_CONFIG/FPM_BIN).
#
# Each run: a private php-fpm with COST_WORKERS (8) static workers, two private memcached on
# loopback, a warm-up, then one memcached is stopped with SIGSTOP (connects succeed, replies
# never come) and COST_REQUESTS (1000) requests arrive at COST_RATE (50) per second, at most
# COST_INFLIGHT (4) at a time; each gets keys of both servers (persistent servers, timeout
# COST_TIMEOUT (0.5) s, retry interval COST_RETRY (2) s) and times its get. A failure
# callback counts failure events; every one of them is a timeout paid by some request.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/fpm-lib.sh
. "$here/fpm-lib.sh"

php=$(command -v "$PHP") || mc_die "$PHP not found (make deps)"
ours=${1:-$root/modules/php$PHP_VERSION/memcache.so}
[ -f "$ours" ] || mc_die "$ours not found (make build)"
ours=$(cd "$(dirname "$ours")" && pwd)/$(basename "$ours")
c_ext="$("$PHP_CONFIG" --extension-dir)/memcache.so"
[ -f "$c_ext" ] || mc_die "$c_ext not found (make deps-test)"
fpm_bin >/dev/null || mc_die "$FPM_BIN or cgi-fcgi missing (make deps-test)"

dir=$(mc_state_dir "$root/build-test/failover-cost")
cleanup() {
    local fpmdir
    for fpmdir in "$dir"/fpm-*; do
        [ -d "$fpmdir" ] || continue
        fpm_stop "$fpmdir"
        rm -rf "$fpmdir"
    done
    mc_stop_all "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup
rm -f "$dir"/*.json
export MEMCACHE_TEST_STATE_DIR=$dir
export PHP_VERSION FPM_BIN # the tests' php-fpm helpers (fpm-lib.sh) use the same PHP

# One run, in a PHP process without the extension (fpm_private_start loads MEMCACHE_TEST_EXT
# into the php-fpm); prints the figures as JSON.
# shellcheck disable=SC2016 # PHP code, not shell
driver='
require $argv[1] . "/connect.inc";
require $argv[1] . "/fpm-cost.inc";
$env = fn ($name, $default) => getenv($name) === false ? $default : getenv($name) + 0;
$r = failover_cost_run([
    "workers" => $env("COST_WORKERS", 8), "requests" => $env("COST_REQUESTS", 1000),
    "rate" => $env("COST_RATE", 50), "inflight" => $env("COST_INFLIGHT", 4),
    "timeout" => $env("COST_TIMEOUT", 0.5), "retry" => $env("COST_RETRY", 2),
]);
$r["extension"] = $argv[2];
fwrite(STDERR, failover_cost_report($r));
foreach (array_slice($r["bad"], 0, 3) as $body) {
    fwrite(STDERR, "unexpected reply: " . trim($body) . "\n");
}
echo json_encode($r), "\n";
'

# shellcheck disable=SC2016 # PHP code, not shell
table='
$rows = array_map(fn ($f) => json_decode(file_get_contents($f), true), array_slice($argv, 1));
$r = $rows[0];
printf("\nfailover cost: %d workers, timeout %.1f s, retry_interval %d s, %d requests at %s/s (%d at a time), one of two memcached SIGSTOPped\n\n",
    $r["workers"], $r["timeout"], $r["retry"], $r["sent"], getenv("COST_RATE") ?: 50, $r["inflight"]);
$head = ["extension", "requests", "failure events", "requests that waited", "time waiting (s)", "mean per request (ms)", "run (s)"];
$lines = [$head];
foreach ($rows as $r) {
    $lines[] = [$r["extension"], "$r[answered]/$r[sent]", (string) $r["events"], (string) $r["slow"],
        sprintf("%.2f", $r["total_s"]), sprintf("%.2f", $r["mean_ms"]), sprintf("%.1f", $r["duration"])];
}
$widths = array_map(fn ($i) => max(array_map(fn ($l) => strlen($l[$i]), $lines)), array_keys($head));
foreach ($lines as $n => $l) {
    $cells = [];
    foreach ($l as $i => $cell) {
        $cells[] = $i === 0 ? str_pad($cell, $widths[$i]) : str_pad($cell, $widths[$i], " ", STR_PAD_LEFT);
    }
    echo rtrim(implode("  ", $cells)), "\n";
    if ($n === 0) {
        echo str_repeat("-", array_sum($widths) + 2 * (count($widths) - 1)), "\n";
    }
}
echo "\nfailure events: failures reported (failure callback), each one a timeout some request paid;\n";
echo "requests that waited: gets that took >= 0.8 x timeout; time waiting: total time in the gets.\n";
'

version() {
    "$php" -n -d extension="$1" -r 'echo phpversion("memcache") ?: "NOT LOADED";' 2>&1
}

for label in ours c; do
    if [ "$label" = ours ]; then so=$ours; else so=$c_ext; fi
    name="$label (memcache $(version "$so"))"
    echo "failover-cost: $name: $so" >&2
    MEMCACHE_TEST_EXT=$so "$php" -n -d display_errors=stderr -r "$driver" \
        "$root/php-tests" "$name" >"$dir/$label.json"
done
"$php" -n -r "$table" "$dir/ours.json" "$dir/c.json"
