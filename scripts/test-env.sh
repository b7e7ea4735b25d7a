#!/usr/bin/env bash
# Starts or stops the servers the phpt suite talks to (see php-tests/connect.inc): two TCP
# memcached and one unix-socket memcached on loopback, a memcached that requires SASL (binary
# protocol), a memcached with TLS and a plain listener of its own (the SASL one has both
# too; certificates made by tls-certs.sh), a port nothing listens on, and a
# php-fpm (static pool of 2 workers) on a loopback port that loads the extension under test.
#
#   scripts/test-env.sh start [EXT.so]  stops leftovers of a previous run, starts fresh servers
#                               and writes $MEMCACHE_TEST_DIR/env.sh (default build-test/phpt).
#                               php-fpm loads EXT.so (default modules/php<version>/memcache.so);
#                               it is skipped with a warning if php-fpm/cgi-fcgi are missing.
#                               The PHP: scripts/php-lib.sh (PHP_VERSION, PHP_CONFIG, FPM_BIN).
#   scripts/test-env.sh stop    stops exactly the servers it started (pid files), including
#                               memcached that tests started with test_memcached_start()
#
# To poke at a test by hand:
#   scripts/test-env.sh start && . build-test/phpt/env.sh && php -n -d extension=... x.php
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/fpm-lib.sh
. "$here/fpm-lib.sh"

dir=$(mc_state_dir "${MEMCACHE_TEST_DIR:-$here/../build-test/phpt}")
envfile="$dir/env.sh"
# php-fpm's files (no unix socket there, so no length limit: it stays under build-test/).
fpmdir=${MEMCACHE_TEST_DIR:-$here/../build-test/phpt}/fpm
mkdir -p "$fpmdir"
fpmdir=$(cd "$fpmdir" && pwd)

start() {
    local ext=${1:-$here/../modules/php$PHP_VERSION/memcache.so} port1 port2 sock closed c_ext fpm="" sasl_port=""
    local tls_certs="" tls_options="" tls_plain_port="" tls_port="" sasl_tls_port="" ports
    local sasl_user=memcache-test sasl_password=memcache-test-secret
    local -a fpm_args=()
    fpm_stop "$fpmdir"
    mc_stop_all "$dir"
    rm -f "$envfile"
    # Certificates for the TLS listeners of the tls and sasl servers (tls:// tests).
    if command -v openssl >/dev/null; then
        tls_certs=$("$here/tls-certs.sh" "$dir/tls")
        tls_options="ssl_chain_cert=$tls_certs/server.pem,ssl_key=$tls_certs/server.key"
        ports=$(MC_TLS_OPTIONS=$tls_options mc_start "$dir" tls tcp)
        read -r tls_plain_port tls_port <<<"$ports"
    else
        echo "warning: openssl is missing (make deps-test): TLS tests skip" >&2
    fi
    port1=$(mc_start "$dir" tcp1 tcp)
    port2=$(mc_start "$dir" tcp2 tcp)
    sock=$(mc_start "$dir" unix unix)
    closed=$(mc_free_port)
    # A memcached that requires SASL (binary protocol only), for the setSaslAuthData tests.
    if command -v saslpasswd2 >/dev/null && compgen -G '/usr/lib/*/sasl2/libplain.so' >/dev/null; then
        ports=$(SASL_CONF_PATH=$(mc_sasl_config "$dir/sasl" "$sasl_user" "$sasl_password") \
            MC_TLS_OPTIONS=$tls_options mc_start "$dir" sasl sasl)
        read -r sasl_port sasl_tls_port <<<"$ports"
    else
        echo "warning: saslpasswd2 or the SASL PLAIN plugin is missing (make deps-test):" \
            "SASL tests skip" >&2
    fi
    # Debian's C extension for this PHP (php<version>-memcache), for the interop tests.
    c_ext="$("$PHP_CONFIG" --extension-dir)/memcache.so"
    [ -f "$c_ext" ] || echo "warning: Debian's C extension $c_ext is missing (make deps-test)" >&2
    if [ -n "${MEMCACHE_PROTOCOL:-}" ]; then
        fpm_args+=(-d "memcache.protocol=$MEMCACHE_PROTOCOL")
    fi
    if ! fpm_bin >/dev/null; then
        echo "warning: $FPM_BIN or cgi-fcgi is missing (make deps-test): FPM tests skip" >&2
    elif [ ! -f "$ext" ]; then
        echo "warning: $ext is missing: no php-fpm, FPM tests skip" >&2
    else
        ext=$(cd "$(dirname "$ext")" && pwd)/$(basename "$ext")
        fpm=127.0.0.1:$(fpm_start "$fpmdir" "$ext" "${fpm_args[@]}")
    fi
    {
        echo "# written by scripts/test-env.sh start; source it"
        printf 'export MEMCACHE_TEST_HOST=%q\n' 127.0.0.1
        printf 'export MEMCACHE_TEST_PORT1=%q\n' "$port1"
        printf 'export MEMCACHE_TEST_PORT2=%q\n' "$port2"
        printf 'export MEMCACHE_TEST_UNIX=%q\n' "$sock"
        printf 'export MEMCACHE_TEST_CLOSED_PORT=%q\n' "$closed"
        printf 'export MEMCACHE_TEST_SASL_PORT=%q\n' "$sasl_port"
        printf 'export MEMCACHE_TEST_SASL_TLS_PORT=%q\n' "$sasl_tls_port"
        printf 'export MEMCACHE_TEST_SASL_USER=%q\n' "$sasl_user"
        printf 'export MEMCACHE_TEST_SASL_PASSWORD=%q\n' "$sasl_password"
        printf 'export MEMCACHE_TEST_TLS_PORT=%q\n' "$tls_port"
        printf 'export MEMCACHE_TEST_TLS_PLAIN_PORT=%q\n' "$tls_plain_port"
        printf 'export MEMCACHE_TEST_TLS_CERTS=%q\n' "$tls_certs"
        printf 'export MEMCACHE_C_EXT=%q\n' "$c_ext"
        printf 'export MEMCACHE_TEST_STATE_DIR=%q\n' "$dir"
        printf 'export MEMCACHE_TEST_FPM=%q\n' "$fpm"
        printf 'export MEMCACHE_TEST_FPM_ROOT=%q\n' "$(cd "$here/../php-tests/fpm" && pwd)"
    } >"$envfile"
    echo "test servers: tcp 127.0.0.1:$port1, tcp 127.0.0.1:$port2, unix $sock," \
        "sasl ${sasl_port:-(none)}, tls ${tls_port:-(none)} (plain ${tls_plain_port:-(none)})," \
        "closed port $closed, php-fpm ${fpm:-(none)} (env: $envfile)"
}

stop() {
    fpm_stop "$fpmdir"
    mc_stop_all "$dir"
    rm -f "$envfile"
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop ;;
*)
    echo "usage: $0 start [EXT.so] | stop" >&2
    exit 2
    ;;
esac
