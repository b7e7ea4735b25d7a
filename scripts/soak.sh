#!/usr/bin/env bash
# `make soak`: php-fpm (4 workers, persistent connections) over 3 memcached on loopback, a
# bounded load generator and a bounded chaos loop; prints the report of scripts/soak/driver.php
# and fails if a value was wrong or stale or a worker crashed.
#
#   scripts/soak.sh [EXTENSION.so]        (default: modules/php<version>/memcache.so)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP/FPM_BIN), through fpm-lib.sh.
#
# Load (scripts/soak/driver.php): SOAK_CONCURRENCY (4) FastCGI clients with one request in
# flight each, until SOAK_REQUESTS (200000) requests or SOAK_SECONDS (900, or SOAK_REQUESTS /
# 250 if that is more: about an hour for a million) seconds, whichever comes first. Each
# request runs scripts/soak/app.php: a set (40%), a get (45%) or a multi-get of 8 keys (15%)
# with persistent servers, timeout SOAK_TIMEOUT (0.5) s, retry interval
# SOAK_RETRY (2) s, memcache.protocol SOAK_PROTOCOL (ascii), memcache.failback_flush
# SOAK_FAILBACK_FLUSH (unset: the default, auto; `never` shows what the detector finds
# without the flush), memcache.failover_ttl SOAK_FAILOVER_TTL (unset: the default, 0).
#
# Chaos, in turn, each phase SOAK_PHASE_SECONDS (6) s, while the load runs:
#   steady; server 1 hung (SIGSTOP), then resumed; its failback; server 2 killed (SIGKILL) and
#   restarted at once, empty; server 3 stopped, so its port refuses, then restarted; its
#   failback; server 1 replaced by a fake that sends half replies and closes
#   (php-tests/hostile-server.inc), then memcached again; its failback.
#
# Everything listens on 127.0.0.1 and lives in build-test/soak/; every process started here is
# stopped on exit, on error and on Ctrl-C (a SIGSTOPped server is resumed first).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/fpm-lib.sh
. "$here/fpm-lib.sh"

php=$(command -v "$PHP") || mc_die "$PHP not found (make deps)"
ext=${1:-$root/modules/php$PHP_VERSION/memcache.so}
[ -f "$ext" ] || mc_die "$ext not found (make build)"
ext=$(cd "$(dirname "$ext")" && pwd)/$(basename "$ext")
fpm_bin >/dev/null || mc_die "$FPM_BIN or cgi-fcgi missing (make deps-test)"
phase_seconds=${SOAK_PHASE_SECONDS:-6}

dir=$(mc_state_dir "$root/build-test/soak")
fake_tag="soak-fake@$dir"
chaos_pid=

# Stops the fake server if its pid file points at it.
fake_stop() {
    local pid
    [ -f "$dir/fake.pid" ] || return 0
    pid=$(cat "$dir/fake.pid")
    if [ "$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | head -n 1)" = "$fake_tag" ]; then
        kill -9 "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    fi
    rm -f "$dir/fake.pid"
}

cleanup() {
    local pidfile
    touch "$dir/stop"
    if [ -n "$chaos_pid" ]; then
        wait "$chaos_pid" 2>/dev/null || true # it stops within 0.2 s of the stop file
    fi
    fake_stop
    for pidfile in "$dir"/mc*.pid; do # a server stopped with SIGSTOP cannot act on SIGTERM
        if [ -e "$pidfile" ]; then
            kill -CONT "$(cat "$pidfile")" 2>/dev/null || true
        fi
    done
    mc_stop_all "$dir"
    fpm_stop "$dir/fpm"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup
rm -f "$dir/stop" "$dir/phases.log" "$dir/chaos.log"
mkdir -p "$dir/fpm"
: >"$dir/fpm/php-fpm.log"

ports=()
for n in 1 2 3; do
    ports+=("$(mc_start "$dir" "mc$n" tcp)")
done
fpm_args=(-d "memcache.protocol=${SOAK_PROTOCOL:-ascii}")
[ -z "${SOAK_FAILBACK_FLUSH:-}" ] || fpm_args+=(-d "memcache.failback_flush=$SOAK_FAILBACK_FLUSH")
[ -z "${SOAK_FAILOVER_TTL:-}" ] || fpm_args+=(-d "memcache.failover_ttl=$SOAK_FAILOVER_TTL")
fpm_port=$(FPM_WORKERS=4 fpm_start "$dir/fpm" "$ext" "${fpm_args[@]}")
echo "soak: memcached on 127.0.0.1:${ports[*]}, php-fpm (4 workers) on 127.0.0.1:$fpm_port, $ext"

# The chaos loop's helpers. `nap` sleeps in steps and fails once the stop file exists.
phase() { echo "$(date +%s.%N) $*" >>"$dir/phases.log"; }
nap() {
    local i
    for ((i = 0; i < $1 * 5; i++)); do
        [ ! -e "$dir/stop" ] || return 1
        sleep 0.2
    done
}
server_pid() { cat "$dir/mc$1.pid"; }
server_restart() { MC_PORT=${ports[$1 - 1]} mc_start "$dir" "mc$1" tcp >/dev/null; }
fake_start() {
    local config
    # shellcheck disable=SC2016 # PHP code, not shell
    config=$("$php" -n -r 'echo base64_encode(serialize(["mode" => "half_reply", "protocol" => $argv[1],
        "port" => (int) $argv[2], "lifetime" => (float) $argv[3], "accepts" => $argv[4], "claim" => "0",
        "extra_key" => "k"]));' "${SOAK_PROTOCOL:-ascii}" "$1" "$((phase_seconds * 3))" "$dir/fake.accepts")
    (exec -a "$fake_tag" "$php" -n "$root/php-tests/hostile-server.inc" "$config") \
        </dev/null >/dev/null 2>&1 &
    echo $! >"$dir/fake.pid"
}

chaos() {
    phase steady
    nap "$phase_seconds" || return 0
    while true; do
        phase "hung (server 1 SIGSTOP)"
        kill -STOP "$(server_pid 1)"
        nap "$phase_seconds" || return 0
        kill -CONT "$(server_pid 1)"
        phase "after hung: failback"
        nap "$phase_seconds" || return 0
        phase "killed (server 2 SIGKILL, restart)"
        kill -9 "$(server_pid 2)"
        server_restart 2
        nap "$phase_seconds" || return 0
        phase "refused (server 3 down)"
        mc_stop_one "$dir" mc3
        nap "$phase_seconds" || return 0
        server_restart 3
        phase "after refused: failback"
        nap "$phase_seconds" || return 0
        phase "half replies (fake as server 1)"
        mc_stop_one "$dir" mc1
        fake_start "${ports[0]}"
        nap "$phase_seconds" || return 0
        fake_stop
        server_restart 1
        phase "after half replies: failback"
        nap "$phase_seconds" || return 0
        phase steady
        nap "$phase_seconds" || return 0
    done
}
# Its own errors (and the shell's notes on the processes it kills) go to a log of their own.
chaos 2>>"$dir/chaos.log" &
chaos_pid=$!

status=0
SOAK_FPM=127.0.0.1:$fpm_port SOAK_SERVERS=$(
    IFS=,
    echo "${ports[*]}"
) SOAK_PHASES=$dir/phases.log SOAK_FPM_POOL=$(fpm_pool "$dir/fpm") \
    SOAK_FPM_LOG=$dir/fpm/php-fpm.log SOAK_APP=$here/soak/app.php \
    "$php" -n "$here/soak/driver.php" || status=$?
exit "$status"
