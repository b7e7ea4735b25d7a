#!/usr/bin/env bash
# Installs what the project needs on Debian 12, and only what is missing.
#
#   scripts/deps.sh build   PHP 8.2 CLI + headers, clang (for bindgen), memcached, Rust
#   scripts/deps.sh test    Debian's C memcache and libmemcached-based memcached extensions
#                           (interop tests, benchmarks), php-fpm and cgi-fcgi, and the SASL
#                           tools and PLAIN plugin for a SASL-enabled test memcached
#
# Runs apt-get as root, through sudo when not root. Services that apt starts when it installs
# memcached or php8.2-fpm are stopped and disabled again: the project runs its own servers
# on ports it picks and never talks to the system ones.
set -euo pipefail

case "${1:-}" in
build) packages=(php8.2-cli php8.2-dev clang libclang-dev memcached) ;;
test) packages=(php8.2-memcache php8.2-memcached libfcgi-bin php8.2-fpm sasl2-bin libsasl2-modules) ;;
*)
    echo "usage: $0 build|test" >&2
    exit 2
    ;;
esac

installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

# Rust: Debian 12's rustc is too old for ext-php-rs (edition 2024 needs Rust >= 1.85), so a
# recent stable toolchain must already be installed (rustup's stable, with rustfmt and clippy).
if [ "$1" = build ] && ! command -v cargo >/dev/null && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
    echo "error: no cargo found: install a stable Rust toolchain (>= 1.85) with rustup first" >&2
    exit 1
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
    for service in memcached php8.2-fpm; do
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

