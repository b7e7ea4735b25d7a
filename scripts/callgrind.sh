#!/usr/bin/env bash
# CPU and system calls per call, ours against Debian's C memcache: instructions counted by
# callgrind (user space, deterministic, so the figures hold on a busy machine) and system calls,
# for the workloads of benches/percall.php against one private memcached on 127.0.0.1; and the
# system calls of the libmemcached-based memcached extension.
#
#   scripts/callgrind.sh [OURS.so]     (default: modules/php<version>/memcache.so)
#
# Each figure is the difference of two runs, N and 3N calls, divided by 2N: PHP's start-up, the
# module's and the connection's set-up cancel out. Each run is repeated CALLGRIND_RUNS times (3)
# and the median taken. CALLGRIND_WORKLOADS picks workloads (default: all), CALLGRIND_LABELS
# the extensions ("ours c memcached"; memcached gets no instruction count). With the PHP of
# scripts/php-lib.sh.
#
# System calls are counted by perf's syscall tracepoints where perf can read them, which leaves
# the client's timing alone, else by strace, which stops it at every call: a client whose
# calls depend on timing (libmemcached reads, and polls only when nothing has arrived yet) then
# looks cheaper than it is, since the server answers while strace holds the client.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

ours=${1:-$root/modules/php$PHP_VERSION/memcache.so}
ours=$(cd "$(dirname "$ours")" && pwd)/$(basename "$ours")
[ -f "$ours" ] || mc_die "$ours not found (make build)"
[ -f "$("$PHP_CONFIG" --extension-dir)/memcache.so" ] || mc_die "Debian's memcache.so not found (make deps-test)"
for tool in valgrind strace; do
    command -v "$tool" >/dev/null || mc_die "$tool not found (make deps-test)"
done
for so in igbinary msgpack memcached; do
    [ -f "$("$PHP_CONFIG" --extension-dir)/$so.so" ] || mc_die "$so.so not found (make deps-test)"
done
runs=${CALLGRIND_RUNS:-3}
read -ra workloads <<<"${CALLGRIND_WORKLOADS:-get-hit get-miss set increment delete multi-get-100}"
read -ra labels <<<"${CALLGRIND_LABELS:-ours c memcached}"
declare -A args=([ours]="-d extension=$ours" [c]="-d extension=memcache.so"
    [memcached]="-d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so")
counter=strace
if command -v perf >/dev/null && perf stat -e syscalls:sys_enter_getpid true >/dev/null 2>&1; then
    counter=perf
fi

dir=$(mc_state_dir "$root/build-test/callgrind")
trap 'mc_stop_all "$dir"' EXIT
trap 'exit 130' INT TERM
mc_stop_all "$dir"
BENCH_SERVERS="127.0.0.1:$(mc_start "$dir" server tcp)"
export BENCH_SERVERS

# Calls per short run: a multi-get costs a hundred single calls.
calls() {
    case "$1" in
    multi-get-100) echo 200 ;;
    *) echo 1000 ;;
    esac
}

# Prints the median of the numbers given.
median() {
    printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# Instructions of one run: LABEL WORKLOAD N.
instructions() {
    local out=$dir/run.callgrind
    # shellcheck disable=SC2086 # args are word lists on purpose
    valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$PHP" -n ${args[$1]} "$root/benches/percall.php" "$2" "$3" 2>"$dir/run.log" ||
        mc_die "$1 $2 failed under callgrind: $(tail -n 5 "$dir/run.log")"
    sed -n 's/^summary: //p' "$out"
}

# System calls of one run, one "name count" line each: LABEL WORKLOAD N.
syscalls() {
    local out=$dir/run.syscalls
    if [ "$counter" = perf ]; then
        # shellcheck disable=SC2086
        perf stat -x, -e 'syscalls:sys_enter_*' -o "$out" -- \
            "$PHP" -n ${args[$1]} "$root/benches/percall.php" "$2" "$3" ||
            mc_die "$1 $2 failed under perf stat"
        # perf stat -x,: "count,unit,event,..."; unsupported counters say so instead of a count.
        awk -F, '$1 ~ /^[0-9]+$/ && $1 > 0 {sub(/^syscalls:sys_enter_/, "", $3); print $3, $1}' "$out"
        return
    fi
    # shellcheck disable=SC2086
    strace -f -c -o "$out" "$PHP" -n ${args[$1]} "$root/benches/percall.php" "$2" "$3" ||
        mc_die "$1 $2 failed under strace"
    # strace -c: "% time seconds usecs/call calls [errors] syscall"; the errors column may be empty.
    awk '$1 ~ /^[0-9.]+$/ && $NF != "total" {print $NF, $4}' "$out"
}

# Per-call figures of one label and workload: "instructions total-syscalls name:count,...".
measure() {
    local label=$1 workload=$2 n small large per=() _
    n=$(calls "$workload")
    # The instructions of libmemcached are not what this table compares: system calls only.
    if [ "$label" = memcached ]; then
        per=(-)
    else
        for _ in $(seq 1 "$runs"); do
            small=$(instructions "$label" "$workload" "$n")
            large=$(instructions "$label" "$workload" $((3 * n)))
            per+=($(((large - small) / (2 * n))))
        done
    fi
    syscalls "$label" "$workload" "$n" >"$dir/small.txt"
    syscalls "$label" "$workload" $((3 * n)) >"$dir/large.txt"
    # Per system call: (count at 3N - count at N) / 2N, those that grow with N only.
    local names
    names=$(awk -v n="$n" 'NR == FNR {small[$1] = $2; next}
        {d = ($2 - small[$1]) / (2 * n); if (d >= 0.05) {printf "%s%s:%.2g", sep, $1, d; sep = ","; t += d}}
        END {printf " %.2f", t}' "$dir/small.txt" "$dir/large.txt")
    echo "$(median "${per[@]}") ${names##* } ${names% *}"
}

echo "callgrind: one memcached at $BENCH_SERVERS; $runs runs of N and 3N calls per figure (median)" >&2
declare -A result
for workload in "${workloads[@]}"; do
    for label in "${labels[@]}"; do
        echo "callgrind: $workload: $label" >&2
        result[$label.$workload]=$(measure "$label" "$workload")
    done
done

echo
echo "Per call, lower is better: instructions in user space (callgrind) and system calls"
echo "($counter), each the difference of N and 3N calls on one memcached over 2N; memcached is the"
echo "libmemcached-based extension (system calls only)."
printf '%-14s | %11s | %11s | %6s | %-38s | %-38s | %-38s\n' workload "ours instr" "C instr" ours/C \
    "ours syscalls" "C syscalls" "memcached syscalls"
printf -- '---------------+-------------+-------------+--------+----------------------------------------+----------------------------------------+---------------------------------------\n'
for workload in "${workloads[@]}"; do
    read -r oi os on <<<"${result[ours.$workload]:-- - -}"
    read -r ci cs cn <<<"${result[c.$workload]:-- - -}"
    read -r _ ms mn <<<"${result[memcached.$workload]:-- - -}"
    ratio=-
    if [[ "$oi" =~ ^[0-9]+$ && "$ci" =~ ^[0-9]+$ && "$ci" -gt 0 ]]; then
        ratio=$(awk -v o="$oi" -v c="$ci" 'BEGIN {printf "%.2f", o / c}')
    fi
    printf '%-14s | %11s | %11s | %6s | %-38s | %-38s | %-38s\n' "$workload" "$oi" "$ci" "$ratio" \
        "$os ($on)" "$cs ($cn)" "$ms ($mn)"
done
