#!/usr/bin/env bash
# Installs the Debian package that `make deb` built into a clean Debian with PHP, loads it in
# the CLI and in php-fpm, removes and purges it, and checks what each step leaves:
#
#   scripts/deb-test.sh [VERSION]     (VERSION: PHP_VERSION, scripts/php-lib.sh)
#
# It runs inside a throwaway copy of the Debian root of scripts/php-env.sh (--throwaway: an
# overlay, gone when the test ends; for this machine's own PHP a root of its release is built
# once), never on this machine's system. That root has Debian's C extension
# (php<VERSION>-memcache) installed and enabled, as on a server being migrated; memcached runs
# inside on a free loopback port.
#
# 1. With the C extension and settings in its memcache.ini (the server's port as
#    memcache.default_port, sessions in memcached, one setting the template does not list):
#    installing says what it carried over and that it disabled the C module; the CLI and php-fpm
#    (the SAPIs' own configuration) load this extension, alone, with those settings, and store
#    values and sessions. Reinstalling the C package (its upgrade path) leaves its module off;
#    upgrading this one leaves php-fpm on the C module where the administrator put it back.
#    Removing this package enables the C module again, with its settings; purging leaves no
#    file of the package and no module state behind, and memcache.ini as it was.
# 2. With the C package purged first: installing carries nothing over; installing the C package
#    afterwards (its postinst enables its module) has its module switched off again by this
#    package's trigger; removal enables it again; purge leaves nothing.
# 3. `make install` and `make uninstall` switch the same way and leave nothing either.
# The C package is reinstalled from its installed files (the root keeps no .deb).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

if [ "${1:-}" != --inside ]; then
    [ $# -eq 0 ] || PHP_VERSION=$1
    # shellcheck source=scripts/php-lib.sh
    . "$here/php-lib.sh"
    version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
    deb=$root/target/deb/php$PHP_VERSION-memcache-rs_${version}_$(dpkg --print-architecture).deb
    [ -f "$deb" ] || { echo "deb-test: $deb not found (make deb PHP_VERSION=$PHP_VERSION)" >&2; exit 1; }
    start=$SECONDS
    status=0
    "$here/php-env.sh" "$PHP_VERSION" --throwaway "$here/deb-test.sh" --inside "$PHP_VERSION" "$deb" ||
        status=$?
    echo "deb-test: PHP $PHP_VERSION: $([ "$status" = 0 ] && echo passed || echo FAILED)" \
        "in $((SECONDS - start)) s"
    exit "$status"
fi

# ---- inside the throwaway root, as root --------------------------------------------------

PHP_VERSION=$2
deb=$3
export DEBIAN_FRONTEND=noninteractive
# shellcheck source=scripts/memcached-lib.sh
. "$here/memcached-lib.sh"
# shellcheck source=scripts/fpm-lib.sh
. "$here/fpm-lib.sh"

V=$PHP_VERSION
ours=php$V-memcache-rs
c_package=php$V-memcache
our_version=$(dpkg-deb -f "$deb" Version)
mods=/etc/php/$V/mods-available
dir=/tmp/deb-test
mkdir -p "$dir/fpm"
trap 'fpm_stop "$dir/fpm"; mc_stop_all "$dir"' EXIT
trap 'exit 130' INT TERM

failures=0
# check DESCRIPTION COMMAND...: runs COMMAND, counts a failure if it fails.
check() {
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
    else
        echo "FAIL $what"
        failures=$((failures + 1))
    fi
}
step() {
    echo
    echo "== $* =="
}
# contains TEXT PATTERN: grep -E PATTERN in TEXT; lacks: the opposite.
contains() {
    grep -Eq -- "$2" <<<"$1"
}
lacks() {
    ! contains "$@"
}
# What a PHP process prints for the probe: the memcache extension's version, a set/get on the
# server of memcache.default_port, and a session stored through session.save_handler.
cat >"$dir/probe.php" <<'EOF'
<?php
$m = new Memcache();
$m->addServer('127.0.0.1');
$key = 'deb-test-' . PHP_SAPI;
$stored = $m->set($key, 'value') && $m->get($key) === 'value';
session_id('debtest' . str_replace('-', '', PHP_SAPI));
session_start();
$_SESSION['sapi'] = PHP_SAPI;
session_write_close();
$session = $m->get(session_id());
echo 'memcache ', phpversion('memcache'), ' get=', $stored ? 'ok' : 'FAILED',
    ' session=', is_string($session) && str_contains($session, PHP_SAPI) ? 'ok' : 'FAILED',
    ' gc_maxlifetime=', ini_get('session.gc_maxlifetime'), "\n";
EOF
cli() { # the probe in the CLI, with the CLI's configuration; stderr included
    "php$V" -d display_startup_errors=1 "$dir/probe.php" 2>&1 || true
}
fpm() { # the probe through php-fpm, with the FPM SAPI's configuration
    local port
    port=$(fpm_start "$dir/fpm" "" -d display_startup_errors=1) || return 0
    fpm_get "$port" "$dir/probe.php"
    fpm_stop "$dir/fpm"
}
# dpkg ARGS...: runs dpkg, shows its output, keeps it in $out, and checks that it succeeded.
run_dpkg() {
    local status=0
    out=$(dpkg "$@" 2>&1 </dev/null) || status=$?
    echo "$out"
    check "dpkg $* succeeds" [ "$status" = 0 ]
}
# linked_alone MODULE OTHER: for the CLI and php-fpm, MODULE is linked into conf.d and OTHER not.
linked_alone() {
    local sapi
    for sapi in cli fpm; do
        check "$sapi: $1 linked, $2 not" \
            bash -c "[ -e /etc/php/$V/$sapi/conf.d/20-$1.ini ] && [ ! -e /etc/php/$V/$sapi/conf.d/20-$2.ini ]"
    done
}
# probes EXPECTED WHAT [last-line]: the probe gives EXPECTED in the CLI and through php-fpm
# (with last-line, php-fpm's last line: Debian's 4.0.5.2 adds a deprecation notice there).
probes() {
    local got
    got=$(cli)
    echo "CLI: $got"
    check "CLI: $2" [ "$got" = "$1" ]
    got=$(fpm)
    echo "php-fpm: $got"
    [ "${3:-}" != last-line ] || got=${got##*$'\n'}
    check "php-fpm: $2" [ "$got" = "$1" ]
}
# Nothing of our package left: files, module state, ucf's records.
leftovers() {
    {
        find /etc /usr /var -path /var/log -prune -o \( -name '*memcache_rs*' -o -name "*$ours*" \) -print
        grep -l memcache_rs /var/lib/ucf/hashfile /var/lib/ucf/registry 2>/dev/null || true
    } | sort
}
# The C package again, from its installed files (same version: dpkg runs its upgrade path).
repack_c() {
    local tree=$dir/repack file script
    mkdir -p "$tree/DEBIAN"
    while IFS= read -r file; do
        if [ -f "$file" ] || [ -L "$file" ]; then
            mkdir -p "$tree$(dirname "$file")"
            cp -a "$file" "$tree$file"
        fi
    done < <(dpkg-query -L "$c_package")
    dpkg-query -W -f='${Conffiles}\n' "$c_package" | awk 'NF { print $1 }' >"$tree/DEBIAN/conffiles"
    # The conffile as the package ships it (the test edits the installed one).
    dpkg-query -s "$c_package" | awk '
        /^[A-Za-z-]+:/ { keep = ($1 != "Status:" && $1 != "Conffiles:") }
        keep' >"$tree/DEBIAN/control"
    for script in preinst postinst prerm postrm; do
        [ ! -f "/var/lib/dpkg/info/$c_package.$script" ] ||
            install -m 0755 "/var/lib/dpkg/info/$c_package.$script" "$tree/DEBIAN/$script"
    done
    dpkg-deb --root-owner-group --build "$tree" "$dir/c-package.deb" >/dev/null
}

port=$(mc_start "$dir" memcached tcp)
repack_c

step "1. Debian's C extension enabled, with settings in its memcache.ini"
check "the root has $c_package installed and enabled for cli and fpm" \
    bash -c "dpkg-query -W $c_package >/dev/null && phpquery -q -v $V -s cli -m memcache && phpquery -q -v $V -s fpm -m memcache"
cat >>"$mods/memcache.ini" <<EOF
memcache.default_port = $port
session.save_handler = memcache
session.save_path = "tcp://127.0.0.1:$port"
session.gc_maxlifetime = 4321
EOF
cp "$mods/memcache.ini" "$dir/memcache.ini.before"
c_cli=$(cli)
echo "C extension, CLI: $c_cli"
check "the C extension serves the probe in the CLI" contains "$c_cli" '^memcache [0-9.]+ get=ok session=ok gc_maxlifetime=4321$'
check "the C extension is not this one" lacks "$c_cli" "^memcache $our_version "

step "1a. dpkg -i $(basename "$deb")"
run_dpkg -i "$deb"
check "it says what it carried over" contains "$out" "carried over from $mods/memcache.ini into $mods/memcache_rs.ini: memcache.default_port session.save_handler session.save_path session.gc_maxlifetime"
check "it says it disabled the C module for cli and fpm" contains "$out" "disabled Debian's memcache module \(the C extension\) for:.*cli.*; it is enabled"
linked_alone memcache_rs memcache
check "memcache_rs.ini is the commented template with the settings in place" \
    bash -c "grep -qx 'memcache.default_port = $port' $mods/memcache_rs.ini && grep -qx ';memcache.default_port = 11211' $mods/memcache_rs.ini && grep -qx 'session.gc_maxlifetime = 4321' $mods/memcache_rs.ini && grep -q '^; ---- Carried over from' $mods/memcache_rs.ini && grep -qx 'extension=memcache_rs.so' $mods/memcache_rs.ini"
probes "memcache $our_version get=ok session=ok gc_maxlifetime=4321" "this extension alone, with the carried settings"

step "1b. the C package reinstalled (its upgrade path) while this one is installed"
run_dpkg -i --force-confold "$dir/c-package.deb"
check "cli and fpm keep the C module off" bash -c "! phpquery -q -v $V -s cli -m memcache && ! phpquery -q -v $V -s fpm -m memcache"
check "CLI: still this extension alone" [ "$(cli)" = "memcache $our_version get=ok session=ok gc_maxlifetime=4321" ]

step "1c. php-fpm put back on the C extension by the administrator, then the package upgraded"
phpdismod -v "$V" -s fpm memcache_rs && phpenmod -v "$V" -s fpm memcache
run_dpkg -i "$deb"
check "fpm stays on the C module, cli on this one" \
    bash -c "phpquery -q -v $V -s fpm -m memcache && ! phpquery -q -v $V -s fpm -m memcache_rs && phpquery -q -v $V -s cli -m memcache_rs && ! phpquery -q -v $V -s cli -m memcache"

step "1d. dpkg -r $ours"
run_dpkg -r "$ours"
check "it says it enabled the C module again" contains "$out" "enabled Debian's memcache module \(the C extension\) again for:.*cli"
linked_alone memcache memcache_rs
check "the extension is gone, memcache_rs.ini stays until purge" \
    bash -c "[ ! -e \$(php-config$V --extension-dir)/memcache_rs.so ] && [ -f $mods/memcache_rs.ini ]"
probes "$c_cli" "the C extension again, with its settings" last-line

step "1e. dpkg -P $ours"
run_dpkg -P "$ours"
left=$(leftovers)
[ -z "$left" ] || echo "left behind: $left"
check "nothing of the package is left (files, module state, ucf)" [ -z "$left" ]
check "memcache.ini is as it was" cmp -s "$mods/memcache.ini" "$dir/memcache.ini.before"
check "the C module stays enabled" bash -c "phpquery -q -v $V -s cli -m memcache && phpquery -q -v $V -s fpm -m memcache"

step "2. no C extension; then the C package installed after this one"
dpkg -P "$c_package" >/dev/null 2>&1 </dev/null
run_dpkg -i "$deb"
check "nothing to carry over, no C module to disable" lacks "$out" "carried over|disabled Debian"
got=$("php$V" -r 'echo phpversion("memcache");' 2>&1)
check "CLI loads this extension ($got)" [ "$got" = "$our_version" ]
run_dpkg -i "$dir/c-package.deb"
check "the trigger switched the new C module off again" contains "$out" "disabled Debian's memcache module \(the C extension\) for:.*cli"
got=$("php$V" -d display_startup_errors=1 -r 'echo phpversion("memcache");' 2>&1)
check "CLI loads this extension alone ($got)" [ "$got" = "$our_version" ]
run_dpkg -r "$ours"
got=$("php$V" -d display_startup_errors=1 -r 'echo phpversion("memcache");' 2>&1)
check "after removal the CLI loads the C extension ($got)" contains "$got" '^[0-9.]+$'
check "... not this one" [ "$got" != "$our_version" ]
dpkg -P "$ours" >/dev/null 2>&1 </dev/null
left=$(leftovers)
[ -z "$left" ] || echo "left behind: $left"
check "after purge nothing of the package is left" [ -z "$left" ]

step "3. make install and make uninstall (the same switch, without a package)"
out=$(make -s -C "$root" install PHP_VERSION="$V" 2>&1 </dev/null) || check "make install succeeds" false
echo "$out"
check "it says it disabled the C module" contains "$out" "disabled Debian's memcache module \(the C extension\) for:.*cli"
got=$("php$V" -d display_startup_errors=1 -r 'echo phpversion("memcache");' 2>&1)
check "CLI loads this extension alone ($got)" [ "$got" = "$our_version" ]
out=$(make -s -C "$root" uninstall PHP_VERSION="$V" 2>&1 </dev/null) || check "make uninstall succeeds" false
echo "$out"
got=$("php$V" -d display_startup_errors=1 -r 'echo phpversion("memcache");' 2>&1)
check "after make uninstall the CLI loads the C extension ($got)" contains "$got" '^[0-9.]+$'
check "... not this one" [ "$got" != "$our_version" ]
left=$(leftovers)
[ -z "$left" ] || echo "left behind: $left"
check "nothing of make install is left" [ -z "$left" ]

echo
if [ "$failures" -ne 0 ]; then
    echo "deb-test: $failures check(s) failed"
    exit 1
fi
echo "deb-test: every check passed"
