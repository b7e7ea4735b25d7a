#!/usr/bin/env bash
# Starts or stops the memcached servers the phpt suite talks to (see php-tests/connect.inc):
# two TCP servers and one unix-socket server on loopback, plus a port nothing listens on.
#
#   scripts/test-env.sh start   stops leftovers of a previous run, starts fresh servers and
#                               writes $MEMCACHE_TEST_DIR/env.sh (default build-test/phpt)
#   scripts/test-env.sh stop    stops exactly the servers it started (pid files)
#
# To poke at a test by hand:
#   scripts/test-env.sh start && . build-test/phpt/env.sh && php -n -d extension=... x.php
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"

dir=$(mc_state_dir "${MEMCACHE_TEST_DIR:-$here/../build-test/phpt}")
envfile="$dir/env.sh"

start() {
    local port1 port2 sock closed c_ext
    mc_stop_all "$dir"
    rm -f "$envfile"
    port1=$(mc_start "$dir" tcp1 tcp)
    port2=$(mc_start "$dir" tcp2 tcp)
    sock=$(mc_start "$dir" unix unix)
    closed=$(mc_free_port)
    c_ext="$(php-config8.2 --extension-dir 2>/dev/null || php-config --extension-dir)/memcache.so"
    [ -f "$c_ext" ] || echo "warning: Debian's C extension $c_ext is missing (make deps-test)" >&2
    {
        echo "# written by scripts/test-env.sh start; source it"
        printf 'export MEMCACHE_TEST_HOST=%q\n' 127.0.0.1
        printf 'export MEMCACHE_TEST_PORT1=%q\n' "$port1"
        printf 'export MEMCACHE_TEST_PORT2=%q\n' "$port2"
        printf 'export MEMCACHE_TEST_UNIX=%q\n' "$sock"
        printf 'export MEMCACHE_TEST_CLOSED_PORT=%q\n' "$closed"
        printf 'export MEMCACHE_C_EXT=%q\n' "$c_ext"
    } >"$envfile"
    echo "test servers: tcp 127.0.0.1:$port1, tcp 127.0.0.1:$port2, unix $sock," \
        "closed port $closed (env: $envfile)"
}

stop() {
    mc_stop_all "$dir"
    rm -f "$envfile"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
