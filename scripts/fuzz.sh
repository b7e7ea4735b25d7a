#!/usr/bin/env bash
# `make fuzz`: every cargo fuzz target in fuzz/ (or those named) for a number of seconds each, in
# turn, under `nice -n 19`, then one line per target: executions, seconds, verdict.
#
#   scripts/fuzz.sh SECONDS [TARGET...]
#
# Built on stable without a sanitizer (`-s none`; safe Rust needs none to report its panics),
# with debug assertions on, so an integer overflow is a crash too. Each target starts from its
# committed seeds (fuzz/seeds/<target>/, read only) and the corpus of earlier runs
# (fuzz/corpus/<target>/, not committed), with fuzz/<target>.dict as dictionary if there is
# one. A crash stops that target: libFuzzer saves the input under fuzz/artifacts/<target>/,
# `cargo fuzz run <target> <that file>` replays it, and it becomes a unit test with its fix.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../fuzz"
seconds=${1:?usage: $0 SECONDS [TARGET...]}
shift
command -v cargo-fuzz >/dev/null || { echo "error: cargo-fuzz not found: cargo install cargo-fuzz" >&2; exit 1; }
[ $# -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
[ $# -eq 0 ] || targets=("$@")
flags=(-s none --release --debug-assertions)
nice -n 19 cargo fuzz build "${flags[@]}"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
summary=() total=0 failed=0
for t in "${targets[@]}"; do
    inputs=("corpus/$t")
    mkdir -p "corpus/$t"
    [ -d "seeds/$t" ] && inputs+=("seeds/$t")
    options=(-max_total_time="$seconds" -print_final_stats=1)
    [ -f "$t.dict" ] && options+=(-dict="$t.dict")
    echo "== $t: ${seconds} s"
    if nice -n 19 cargo fuzz run "${flags[@]}" "$t" "${inputs[@]}" -- "${options[@]}" \
        >"$logs/$t" 2>&1; then
        verdict="0 crashes"
    else
        verdict="CRASH: $(grep -m1 -oE 'artifact_prefix=[^;]*; Test unit written to [^ ]+' "$logs/$t" | sed 's/.*written to //' || true)"
        failed=1
        tail -n 30 "$logs/$t"
    fi
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$logs/$t" | tail -n 1)
    took=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$logs/$t" | tail -n 1)
    total=$((total + ${runs:-0}))
    summary+=("$(printf '%-20s %12s executions %6s s  %s' "$t" "${runs:-?}" "${took:-?}" "$verdict")")
    echo "${summary[-1]}"
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
echo "total: $total executions over ${#targets[@]} targets"
exit "$failed"
