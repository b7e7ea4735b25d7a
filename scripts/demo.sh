#!/usr/bin/env bash
# Runs every example of examples/ (quickstart.php first) with the given extension against two
# private memcached servers on loopback ports picked at start; the servers are stopped however
# the script ends. Each example runs in its own PHP process with a server health table of its
# own (memcache.shared_health_file in the demo's directory); it also gets a loopback port
# nothing listens on (a server that is down) and a free port for a memcached it starts itself.
#
#   scripts/demo.sh [EXTENSION.so]        (default: modules/php<version>/memcache.so)
#
# With the PHP of scripts/php-lib.sh (PHP_VERSION, or PHP). Fails if an example fails.
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
MEMCACHE_DEMO_CLOSED_PORT=$(mc_free_port)
MEMCACHE_DEMO_SPARE_PORT=$(mc_free_port)
while [ "$MEMCACHE_DEMO_SPARE_PORT" = "$MEMCACHE_DEMO_CLOSED_PORT" ]; do
    MEMCACHE_DEMO_SPARE_PORT=$(mc_free_port)
done
MEMCACHE_DEMO_EXT=$ext
export MEMCACHE_DEMO_PORT1 MEMCACHE_DEMO_PORT2 MEMCACHE_DEMO_CLOSED_PORT MEMCACHE_DEMO_SPARE_PORT MEMCACHE_DEMO_EXT
echo "demo: memcached on 127.0.0.1:$MEMCACHE_DEMO_PORT1 and 127.0.0.1:$MEMCACHE_DEMO_PORT2"
echo "demo: $PHP -n -d extension=$ext ($("$PHP" -n -r 'echo "PHP ", PHP_VERSION;'))"
examples=("$root/examples/quickstart.php")
for example in "$root"/examples/*.php; do
    [ "$example" = "${examples[0]}" ] || examples+=("$example")
done
for example in "${examples[@]}"; do
    echo
    echo "=== examples/$(basename "$example") ==="
    rm -f "$dir/health"
    # Bounded: each example's own timeouts are below a second; 60 s means it hangs.
    timeout 60 "$PHP" -n -d display_errors=1 -d error_reporting=-1 -d extension="$ext" \
        -d memcache.shared_health_file="$dir/health" "$example"
done
