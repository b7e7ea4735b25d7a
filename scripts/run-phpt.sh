#!/usr/bin/env bash
# Runs the phpt suite with PHP's run-tests.php against one extension .so, with private
# memcached servers (scripts/test-env.sh) that are stopped again however this script ends.
#
#   scripts/run-phpt.sh EXTENSION.so [TEST_DIR_OR_FILE...]     (default: php-tests/)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP/PHP_CONFIG/FPM_BIN), passed on to
# test-env.sh and the tests (the php-fpm they start).
# Every test process runs as `php -n -d extension=EXTENSION.so`: no php.ini, so the system's
# memcache.so is never loaded; and with a server health table of its own (scripts/phpt-php.sh). The MEMCACHE_TEST_* variables reach the tests through the
# environment (run-tests.php hands its own environment to each test). MEMCACHE_PROTOCOL, if
# set (make test-php PROTOCOL=binary|meta; make test sets it for its second and third runs), is passed on as
# -d memcache.protocol=... to the tests and the harness's php-fpm; unset: the default (ascii).
# The last line printed is "N passed, N failed, N skipped (memcache.protocol=P)"; exit status
# 1 if anything failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"
php=$(command -v "$PHP") || { echo "error: $PHP not found (make deps)" >&2; exit 1; }
php_config=$PHP_CONFIG
PHP=$php
export PHP_VERSION PHP PHP_CONFIG FPM_BIN

ext=${1:?usage: $0 EXTENSION.so [TESTS...]}
shift
ext=$(cd "$(dirname "$ext")" && pwd)/$(basename "$ext")
[ $# -gt 0 ] || set -- "$root/php-tests"

run_tests="$("$php_config" --extension-dir)/build/run-tests.php"
[ -f "$run_tests" ] || { echo "error: $run_tests not found (php$PHP_VERSION-dev)" >&2; exit 1; }

# A suite where every test skips because the extension failed to load would look green.
if ! loaded=$("$php" -n -d display_startup_errors=1 -d extension="$ext" \
    -r 'echo extension_loaded("memcache") ? phpversion("memcache") : "NOT LOADED";' 2>&1) ||
    [ "$loaded" = "NOT LOADED" ] || [[ "$loaded" == *Warning* ]]; then
    echo "error: $ext does not load as the memcache extension: $loaded" >&2
    exit 1
fi
protocol=${MEMCACHE_PROTOCOL:-ascii}
how="-d memcache.protocol=$protocol"
[ -n "${MEMCACHE_PROTOCOL:-}" ] || how="memcache.protocol not set: $protocol, the default"
echo "phpt: testing $ext (memcache $loaded) with $php, $how"

work=$root/build-test
export MEMCACHE_TEST_DIR=$work/phpt
trap '"$here/test-env.sh" stop' EXIT
trap 'exit 130' INT TERM
"$here/test-env.sh" start "$ext"
# shellcheck source=/dev/null
. "$MEMCACHE_TEST_DIR/env.sh"

mkdir -p "$work/sessions"
results=$work/phpt-results.txt
rm -f "$results"
extra=()
if [ -n "${MEMCACHE_PROTOCOL:-}" ]; then
    export MEMCACHE_PROTOCOL
    extra+=(-d "memcache.protocol=$MEMCACHE_PROTOCOL")
fi

# Each test process gets a health table of its own (scripts/phpt-php.sh).
export TEST_PHP_EXECUTABLE=$php NO_INTERACTION=1 MEMCACHE_PHPT_PHP=$php
# run-tests.php's exit status is only a hint: the verdict comes from the -W results file.
color=--no-color
[ -t 1 ] && color=--color
"$php" -n "$run_tests" -n -q -p "$here/phpt-php.sh" "$color" --show-diff --set-timeout 60 -W "$results" \
    -d "extension=$ext" -d "session.save_path=$work/sessions" "${extra[@]}" "$@" || true

count() { grep -c "^$1"$'\t' "$results" || true; }
[ -f "$results" ] || : >"$results"
passed=$(($(count PASSED) + $(count WARNED)))
failed=$(($(count FAILED) + $(count BORKED) + $(count LEAKED)))
skipped=$(count SKIPPED)
xfailed=$(count XFAILED)
summary="$passed passed, $failed failed, $skipped skipped"
[ "$xfailed" -eq 0 ] || summary="$summary, $xfailed xfailed"
summary="$summary (memcache.protocol=$protocol)"

status=0
if [ $((passed + failed)) -eq 0 ]; then
    echo "error: no test ran (are there .phpt files in $*?)" >&2
    status=1
fi
[ "$failed" -eq 0 ] || status=1
echo "$summary"
exit "$status"
