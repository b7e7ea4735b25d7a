#!/usr/bin/env bash
# Installs what the project needs on Debian, and only what is missing, for PHP $PHP_VERSION
# (scripts/php-lib.sh: by default the PHP of this machine's Debian release, 8.2 on Debian 12).
#
#   scripts/deps.sh build   PHP CLI + headers, clang (for bindgen), memcached, and Rust
#                           (rustup's stable) when no cargo >= 1.85 is there
#   scripts/deps.sh test    Debian's C memcache and libmemcached-based memcached extensions
#                           (interop tests, benchmarks), php-fpm and cgi-fcgi, the SASL
#                           tools and PLAIN plugin for a SASL-enabled test memcached, and
#                           openssl and ca-certificates for the TLS tests (their certificates,
#                           and the system trust store tls:// uses by default)
#   scripts/deps.sh bench   valgrind and strace, for the instructions and system calls per
#                           call of `make callgrind` (and `make bench`)
#   scripts/deps.sh root    what scripts/php-env.sh needs to build a Debian root for another
#                           PHP (debootstrap), and Rust as for build (the root uses the host's)
#   scripts/deps.sh host    what only this machine runs, never a root of scripts/php-env.sh:
#                           dpkg-dev and lintian (make deb), composer (the composer.json test)
#                           and nutcracker (twemproxy, the proxy test); inside such a root it
#                           installs nothing (the root's packages are fixed by its recipe)
#   scripts/deps.sh list build|test...   prints those packages, one per line, installs nothing
#                           (scripts/php-env.sh installs them into a root)
#
# Runs apt-get as root, through sudo when not root. Services that apt starts when it installs
# memcached or php-fpm are stopped and disabled again: the project runs its own servers
# on ports it picks and never talks to the system ones.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

# The packages of one set (build, test or root).
packages_of() {
    case "$1" in
    build) echo "php$PHP_VERSION-cli php$PHP_VERSION-dev clang libclang-dev memcached" ;;
    test) echo "php$PHP_VERSION-memcache php$PHP_VERSION-memcached libfcgi-bin php$PHP_VERSION-fpm sasl2-bin libsasl2-modules openssl ca-certificates" ;;
    bench) echo "valgrind strace" ;;
    root) echo "debootstrap" ;;
    host) echo "dpkg-dev lintian composer nutcracker" ;;
    *)
        echo "usage: $0 build|test|bench|root|host, or $0 list build|test..." >&2
        exit 2
        ;;
    esac
}

if [ "${1:-}" = list ]; then
    shift
    for set in "$@"; do
        # shellcheck disable=SC2046 # one word per package
        printf '%s\n' $(packages_of "$set")
    done
    exit 0
fi
read -ra packages <<<"$(packages_of "${1:-}")"
if [ "$1" = host ] && [ -e /etc/memcache-rs-root ]; then
    echo "deps: inside a root of scripts/php-env.sh: not installing ${packages[*]}"
    exit 0
fi

installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

# Rust: Debian 12's own rustc (1.63) is too old for ext-php-rs (edition 2024 needs Rust >= 1.85).
# Without a cargo that new, rustup installs the stable toolchain (with rustfmt and clippy) for
# the current user, in ~/.cargo and ~/.rustup; the Makefile puts ~/.cargo/bin first on PATH.
rust_ok() {
    local cargo minor
    cargo=$(command -v cargo || echo "$HOME/.cargo/bin/cargo")
    [ -x "$cargo" ] || return 1
    minor=$("$cargo" --version 2>/dev/null | sed -n 's/^cargo 1\.\([0-9]*\)\..*/\1/p')
    [ -n "$minor" ] && [ "$minor" -ge 85 ]
}
install_rust=false
if [ "$1" != test ] && [ "$1" != bench ] && [ "$1" != host ] && ! rust_ok; then
    install_rust=true
    packages+=(curl ca-certificates)
fi

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

sudo=()
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${missing[@]}" </dev/null
    for service in memcached "php$PHP_VERSION-fpm" nutcracker; do
        [[ " ${missing[*]} " == *" $service "* ]] || continue
        echo "deps: stopping and disabling the $service service that apt started"
        if [ -d /run/systemd/system ]; then
            "${sudo[@]}" systemctl disable --now "$service" || true
        else
            "${sudo[@]}" service "$service" stop || true
        fi
    done
else
    echo "deps: ${packages[*]} already installed"
fi

if $install_rust; then
    echo "deps: installing the stable Rust toolchain with rustup (into $HOME/.cargo and $HOME/.rustup)"
    # RUSTUP_INIT_SKIP_PATH_CHECK: an old Debian rustc in /usr/bin must not stop the install.
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
        RUSTUP_INIT_SKIP_PATH_CHECK=yes sh -s -- -y --no-modify-path --profile minimal \
            --default-toolchain stable --component rustfmt,clippy
    "$HOME/.cargo/bin/cargo" --version
fi

