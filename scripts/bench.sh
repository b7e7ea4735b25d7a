#!/usr/bin/env bash
# Compares our extension with Debian's C memcache and the libmemcached-based memcached
# extension on the workloads of benches/bench.php, against three private memcached servers on
# 127.0.0.1, and prints one table (benches/table.php); then ours over TLS against plain TCP, on
# a fourth memcached that listens both ways (certificates by tls-certs.sh; needs openssl).
#
#   scripts/bench.sh [OURS.so]        (default: modules/php<version>/memcache.so)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP/PHP_CONFIG).
#
# Rounds are interleaved (ours, C, memcached, ours, C, ...) so drift hits all three alike;
# each cell is the best round (noise only ever slows a round down). Tunables: BENCH_ROUNDS (5), BENCH_SECONDS (0.3),
# BENCH_MAX_ITER (200000), BENCH_CPU (0).
#
# The servers and PHP are pinned to one CPU (BENCH_CPU, "none" to disable): on small VMs a
# round trip between two cores costs several times more than on one core, and which case a run
# gets is down to the scheduler, so unpinned numbers jump between two modes. On one CPU the
# numbers are stable and differ only by what the clients cost.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

php=$PHP
ours=${1:-$root/modules/php$PHP_VERSION/memcache.so}
ours=$(cd "$(dirname "$ours")" && pwd)/$(basename "$ours")
extdir=$("$PHP_CONFIG" --extension-dir)
rounds=${BENCH_ROUNDS:-5}
cpu=${BENCH_CPU:-0}
pin=()
if [ "$cpu" != none ]; then
    command -v taskset >/dev/null || mc_die "taskset not found (util-linux); or set BENCH_CPU=none"
    pin=(taskset -c "$cpu")
fi
export BENCH_SECONDS=${BENCH_SECONDS:-0.3} BENCH_MAX_ITER=${BENCH_MAX_ITER:-200000}

[ -f "$ours" ] || mc_die "$ours not found (make build)"
for so in memcache igbinary msgpack memcached; do
    [ -f "$extdir/$so.so" ] || mc_die "$extdir/$so.so not found (make deps-test)"
done

# label -> php arguments, and what the table says about it
declare -A args=(
    [ours]="-d extension=$ours"
    [c]="-d extension=memcache.so"
    [memcached]="-d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so"
)
declare -A api=([ours]=memcache [c]=memcache [memcached]=memcached)
declare -A ext_name=([ours]=memcache [c]=memcache [memcached]=memcached)

dir=$(mc_state_dir "$root/build-test/bench")
trap 'mc_stop_all "$dir"' EXIT
trap 'exit 130' INT TERM
mc_stop_all "$dir"
rm -f "$dir"/*.tsv "$dir"/*.desc
servers=()
for i in 1 2 3; do
    servers+=("127.0.0.1:$(mc_start "$dir" "server$i" tcp)")
done
BENCH_SERVERS=$(IFS=,; echo "${servers[*]}")
export BENCH_SERVERS
names=(server1 server2 server3)
if command -v openssl >/dev/null; then
    certs=$("$here/tls-certs.sh" "$dir/tls")
    tls_ports=$(MC_TLS_OPTIONS="ssl_chain_cert=$certs/server.pem,ssl_key=$certs/server.key" \
        mc_start "$dir" tls tcp)
    export BENCH_TLS_SERVER="127.0.0.1:${tls_ports/ /:}" BENCH_TLS_CA=$certs/ca.pem
    names+=(tls)
else
    echo "warning: openssl not found (make deps-test): no TLS rows" >&2
fi
if [ "$cpu" != none ]; then
    for name in "${names[@]}"; do
        taskset -a -p -c "$cpu" "$(cat "$dir/$name.pid")" >/dev/null
    done
fi

for label in ours c memcached; do
    # shellcheck disable=SC2086 # args are word lists on purpose
    version=$("$php" -n ${args[$label]} -r "echo phpversion('${ext_name[$label]}') ?: 'NOT LOADED';" 2>&1)
    echo "php -n ${args[$label]}  (${ext_name[$label]} $version)" >"$dir/$label.desc"
done
echo "bench: servers $BENCH_SERVERS, TLS ${BENCH_TLS_SERVER:-(none)}; $rounds rounds of ${BENCH_SECONDS}s / $BENCH_MAX_ITER ops per measurement; CPU $cpu"

for round in $(seq 1 "$rounds"); do
    for label in ours c memcached; do
        echo "bench: round $round/$rounds: $label" >&2
        # shellcheck disable=SC2086
        if ! "${pin[@]}" "$php" -n ${args[$label]} "$root/benches/bench.php" "${api[$label]}" "$label" \
            >"$dir/$label.$round.tsv"; then
            echo "warning: $label failed in round $round; its results are left out" >&2
            rm -f "$dir/$label.$round.tsv"
        fi
    done
done
echo
echo "$cpu" >"$dir/cpu"
"$php" -n "$root/benches/table.php" "$dir"
