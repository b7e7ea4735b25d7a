#!/usr/bin/env bash
# The build PIE runs (`pie install`: phpize, ./configure, make, make install, with config.m4 and
# Makefile.frag), on a copy of this work tree's files, installed under a private root:
#
#   scripts/phpize-test.sh            (PHP: PHP_VERSION, scripts/php-lib.sh)
#
# Checks that configure finds cargo, that make builds modules/memcache.so for this PHP, and that
# `make install INSTALL_ROOT=...` puts it in PHP's extension directory, where it loads as
# memcache with this version. The copy and its cargo target directory stay in
# target/phpize/php<VERSION>/, so a second run only rebuilds what changed. (The guard that
# refuses to overwrite Debian's own memcache.so is not run here: it would need a real install.)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

die() {
    echo "phpize-test: FAILED: $*" >&2
    exit 1
}

work=$root/target/phpize/php$PHP_VERSION
src=$work/src
rm -rf "$src" "$work/root"
mkdir -p "$src"
# The work tree's files as they are now (tracked, and new ones not ignored), modification times
# kept, so cargo rebuilds only what changed since the last run.
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 cp -p --parents --target-directory="$src")
cd "$src"
"phpize$PHP_VERSION" >"$work/phpize.log" 2>&1 || die "phpize (see $work/phpize.log)"
./configure --with-php-config="$(command -v "$PHP_CONFIG")" >"$work/configure.log" 2>&1 ||
    die "./configure (see $work/configure.log)"
CARGO_TARGET_DIR=$work/target make >"$work/make.log" 2>&1 || die "make (see $work/make.log)"
CARGO_TARGET_DIR=$work/target make install INSTALL_ROOT="$work/root" >>"$work/make.log" 2>&1 ||
    die "make install (see $work/make.log)"
so=$work/root$("$PHP_CONFIG" --extension-dir)/memcache.so
[ -f "$so" ] || die "make install put no memcache.so in $(dirname "$so")"
want=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
got=$("$PHP" -n -d extension="$so" -r 'echo phpversion("memcache");' 2>&1)
[ "$got" = "$want" ] || die "the installed memcache.so says '$got', not $want"
echo "phpize-test: PHP $PHP_VERSION: phpize, configure, make, make install: memcache $got loads"
