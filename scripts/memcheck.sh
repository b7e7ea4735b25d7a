#!/usr/bin/env bash
# `make memcheck`: the phpt suite under valgrind memcheck, under memcache.protocol ascii, binary
# and meta (MEMCACHE_PROTOCOL=ascii|binary|meta: that one only), and a verdict on what valgrind
# found.
#
#   scripts/memcheck.sh EXTENSION.so [TESTS...]     (default: php-tests/)
#
# run-tests.php's own -m runs each test's PHP under `valgrind --tool=memcheck` with
# USE_ZEND_ALLOC=0 (every allocation goes through malloc, so valgrind sees it) and
# ZEND_DONT_UNLOAD_MODULES=1 (the extension stays mapped at exit, so its frames stay
# resolvable in leak reports). VALGRIND_OPTS adds a full leak check (definite leaks count as
# errors), the suppressions of scripts/memcheck.supp (PHP's own reports, each commented), and
# keeps valgrind out of the helper processes a test starts (memcached, shells, fake servers,
# Debian's C extension): only PHP running this extension is checked. Two settings keep PHP's
# own noise out without hiding anything of ours: pcre.jit=0 (PCRE's JIT code reads 16 bytes at
# a time past the end of strings, valgrind cannot see it is harmless) and
# scripts/memcheck-collect.php appended to every test (it collects the reference cycles left at
# the end, which PHP without its allocator would report as lost).
#
# Not covered: the FPM tests (those that send requests to php-fpm), because the harness starts
# php-fpm outside valgrind, whose workers would run the extension unchecked; they are listed
# as skipped. Tests that measure time fail under valgrind's slowdown: their failures are
# reported but do not decide the verdict, valgrind's findings do. The verdict: 0 invalid reads
# or writes, 0 uses of uninitialised values, 0 other memory errors and 0 definite leaks
# (after the suppressions). Reports are kept in build-test/memcheck/<protocol>/. Runs under
# `nice`; the whole suite takes a long while (about an hour per protocol on 2 cores).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
ext=${1:?usage: $0 EXTENSION.so [TESTS...]}
shift
[ $# -gt 0 ] || set -- "$root/php-tests"
command -v valgrind >/dev/null || { echo "error: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }

# The tests to run: every .phpt named (or in a directory named), minus the FPM ones.
tests=() fpm=()
for arg in "$@"; do
    if [ -d "$arg" ]; then
        files=("$arg"/*.phpt)
    else
        files=("$arg")
    fi
    for t in "${files[@]}"; do
        if [[ "$t" == *-fpm-* ]] || grep -qE 'fpm_request|fpm_private_start|failover_cost_run' "$t"; then
            fpm+=("$(basename "$t")")
        else
            tests+=("$t")
        fi
    done
done
[ "${#tests[@]}" -gt 0 ] || { echo "error: no test to run" >&2; exit 1; }

out=$root/build-test/memcheck
rm -rf "$out"
mkdir -p "$out"
export VALGRIND_OPTS="--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
 --num-callers=40 --suppressions=$here/memcheck.supp
 --trace-children-skip=*/memcached,*/bash,*/sh,*/dash,*/cgi-fcgi,*/timeout,*/setsid,*/env
 --trace-children-skip-by-arg=*hostile-server.inc*,*fmfake*,*/20220829/memcache.so*"
VALGRIND_OPTS=$(echo "$VALGRIND_OPTS" | tr '\n' ' ')

protocols=(ascii binary meta)
[ -z "${MEMCACHE_PROTOCOL:-}" ] || protocols=("$MEMCACHE_PROTOCOL")
echo "memcheck: ${#tests[@]} tests under ${protocols[*]}; ${#fpm[@]} FPM tests skipped (php-fpm runs" \
    "outside valgrind): ${fpm[*]:-none}"

# Counts the memcheck findings of the .mem reports in $1 and prints them; nonzero if any.
verdict() {
    local dir=$1 invalid uninit leaks other ours
    shopt -s nullglob
    local reports=("$dir"/*.mem)
    shopt -u nullglob
    if [ "${#reports[@]}" -eq 0 ]; then
        echo "  valgrind: 0 invalid reads/writes, 0 uninitialised values, 0 definite leaks, 0 other errors"
        return 0
    fi
    invalid=$(cat "${reports[@]}" | grep -cE '== Invalid (read|write|free)' || true)
    uninit=$(cat "${reports[@]}" | grep -cE '== (Conditional jump or move depends on uninitialised|Use of uninitialised|Syscall param .* uninitialised)' || true)
    leaks=$(cat "${reports[@]}" | grep -cE 'are definitely lost in loss record' || true)
    other=$(cat "${reports[@]}" | grep -cE '^==[0-9]+== [^ ]' || true)  # every report's first line
    other=$((other - invalid - uninit - leaks))
    ours=$(grep -l 'memcache::' "${reports[@]}" | wc -l)
    echo "  valgrind: $invalid invalid reads/writes/frees, $uninit uninitialised values, $leaks definite" \
        "leaks, $other other reports; ${#reports[@]} tests with reports ($ours naming the extension):"
    for r in "${reports[@]}"; do echo "    $r"; done
    return 1
}

status=0
for protocol in "${protocols[@]}"; do
    echo "== memcache.protocol=$protocol"
    log=$out/$protocol.log
    MEMCACHE_PROTOCOL=$protocol nice "$here/run-phpt.sh" "$ext" -m -d pcre.jit=0 \
        -d "auto_append_file=$here/memcheck-collect.php" "${tests[@]}" >"$log" 2>&1 || true
    mkdir -p "$out/$protocol"
    find "$root/php-tests" -maxdepth 1 -name '*.mem' -exec mv {} "$out/$protocol/" \;
    echo "  phpt: $(tail -n 1 "$log") (timing tests may fail under valgrind; full log: $log)"
    verdict "$out/$protocol" || status=1
done
[ "$status" -eq 0 ] && echo "memcheck passed: no memory errors and no definite leaks" ||
    echo "memcheck FAILED: see the reports above" >&2
exit "$status"
