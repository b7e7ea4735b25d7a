#!/usr/bin/env bash
# The PHP that run-tests.php runs every test section with (scripts/run-phpt.sh passes it as
# -p): $MEMCACHE_PHPT_PHP with a machine-wide server health table of its own
# (memcache.shared_health_file in a fresh directory, removed afterwards). Each test then starts
# on a machine where no server has failed yet, as when it runs alone, instead of inheriting
# the failures of the tests before it. A test that starts other PHP processes meant to share
# its table passes them ini_get('memcache.shared_health_file'); a test's own --INI-- setting
# comes later on the command line and wins.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/memcache-rs-phpt.XXXXXX") || exit 1
"${MEMCACHE_PHPT_PHP:?}" -d "memcache.shared_health_file=$dir/health" "$@"
status=$?
rm -rf "$dir"
exit "$status"
