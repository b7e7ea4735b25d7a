#!/usr/bin/env bash
# Runs examples/quickstart.php with the given extension against two private memcached servers
# on loopback ports picked at start; the servers are stopped however the script ends.
#
#   scripts/demo.sh [EXTENSION.so]        (default: modules/php<version>/memcache.so)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

ext=${1:-$root/modules/php$PHP_VERSION/memcache.so}
[ -f "$ext" ] || mc_die "$ext not found (make build)"

dir=$(mc_state_dir "$root/build-test/demo")
trap 'mc_stop_all "$dir"' EXIT
trap 'exit 130' INT TERM
mc_stop_all "$dir"
MEMCACHE_DEMO_PORT1=$(mc_start "$dir" demo1 tcp)
MEMCACHE_DEMO_PORT2=$(mc_start "$dir" demo2 tcp)
export MEMCACHE_DEMO_PORT1 MEMCACHE_DEMO_PORT2
echo "demo: memcached on 127.0.0.1:$MEMCACHE_DEMO_PORT1 and 127.0.0.1:$MEMCACHE_DEMO_PORT2"
echo "demo: $PHP -n -d extension=$ext examples/quickstart.php ($("$PHP" -n -r 'echo "PHP ", PHP_VERSION;'))"
echo
"$PHP" -n -d display_errors=1 -d error_reporting=-1 -d extension="$ext" \
    "$root/examples/quickstart.php"
