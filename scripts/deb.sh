#!/usr/bin/env bash
# Builds the Debian package of the extension for one PHP version, from the extension `make
# build` made (modules/php<VERSION>/memcache.so):
#
#   scripts/deb.sh [VERSION]   writes target/deb/php<VERSION>-memcache-rs_<version>_<arch>.deb,
#                              checks it with lintian (errors and warnings fail) and prints its
#                              path (VERSION: PHP_VERSION, scripts/php-lib.sh)
#   scripts/deb.sh --versions  prints the PHP versions `make deb` builds for: this machine's, and
#                              every other supported one whose root is already there
#
# The package, like Debian's own php<VERSION>-memcache:
#   /usr/lib/php/<PHP API>/memcache_rs.so      the extension (stripped)
#   /etc/php/<VERSION>/mods-available/memcache_rs.ini
#                                              memcache_rs.ini of the repository, written by
#                                              the postinst (ucf: an administrator's changes
#                                              survive upgrades), enabled with phpenmod
#   /usr/share/php<VERSION>-memcache-rs/       that ini's template and packaging/module-switch,
#                                              which the maintainer scripts run
# Depends on phpapi-<PHP API> (the PHP it was built for), php<VERSION>-common, ucf and the
# shared libraries dpkg-shlibdeps finds. It neither conflicts with nor replaces Debian's
# php<VERSION>-memcache: the two install side by side (memcache.so and memcache_rs.so) and the
# maintainer scripts keep one of the two modules enabled (docs/install.md says why).
#
# The version is Cargo.toml's; the maintainer is DEBFULLNAME/DEBEMAIL, else the author of the
# commit built. PHP facts (extension directory, PHP API) come from php-config<VERSION>, inside
# the Debian root of scripts/php-env.sh for a version this machine does not have; the rest
# (dpkg-shlibdeps, dpkg-deb) runs here. Needs dpkg-dev and lintian (scripts/deps.sh host).
set -euo pipefail
umask 022

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
versions=false
if [ "${1:-}" = --versions ]; then
    versions=true
    shift
fi
[ $# -eq 0 ] || PHP_VERSION=$1
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"

if $versions; then
    host=$(php_host_version)
    echo "$host"
    for pair in $PHP_DEBIAN_RELEASES; do
        other=${pair%%:*}
        [ "$other" = "$host" ] || ! "$here/php-env.sh" "$other" --exists || echo "$other"
    done
    exit 0
fi

die() {
    echo "deb: error: $*" >&2
    exit 1
}

so=$root/modules/php$PHP_VERSION/memcache.so
[ -f "$so" ] || die "$so not found (make build PHP_VERSION=$PHP_VERSION)"
for tool in dpkg-deb dpkg-shlibdeps objcopy; do
    command -v "$tool" >/dev/null || die "$tool not found (scripts/deps.sh host)"
done

package=php$PHP_VERSION-memcache-rs
php_config() {
    "$here/php-env.sh" "$PHP_VERSION" "php-config$PHP_VERSION" "$@"
}
extension_dir=$(php_config --extension-dir)
phpapi=$(php_config --phpapi)
[[ "$phpapi" =~ ^[0-9]+$ ]] || die "php-config$PHP_VERSION --phpapi said '$phpapi'"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
arch=$(dpkg --print-architecture)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "${DEBEMAIL:-}" ]; then
    maintainer="${DEBFULLNAME:-$DEBEMAIL} <$DEBEMAIL>"
else
    maintainer=$(git -C "$root" log -1 --format='%an <%ae>')
fi
date=$(git -C "$root" log -1 --format=%aD 2>/dev/null || date -R)

out=$root/target/deb
work=$out/php$PHP_VERSION
rm -rf "$work"
tree=$work/debian/$package
mkdir -p "$tree/DEBIAN" "$tree$extension_dir" "$tree/usr/share/$package" "$tree/usr/share/doc/$package"

objcopy --strip-unneeded --remove-section=.comment "$so" "$tree$extension_dir/memcache_rs.so"
chmod 0644 "$tree$extension_dir/memcache_rs.so"
install -m 0644 "$root/memcache_rs.ini" "$tree/usr/share/$package/memcache_rs.ini"
install -m 0755 "$root/packaging/module-switch" "$tree/usr/share/$package/module-switch"

# The licenses of the Rust crates linked into the extension, after the project's own.
{
    cat "$root/packaging/debian/copyright"
    echo
    echo "Files: $extension_dir/memcache_rs.so"
    echo "Copyright: the memcache-rs authors, and the authors of the Rust crates it links"
    echo "License: MIT"
    echo "Comment: Rust crates linked statically into the extension, with their licenses:"
    (cd "$root" && cargo tree --locked --offline -e normal --prefix none --format '{p} ({l})' 2>/dev/null) |
        sed -e 's/ (\*)$//' -e 's/ (proc-macro)//' | sort -u | sed 's/^/ /'
} >"$tree/usr/share/doc/$package/copyright"
grep -q '^ ext-php-rs ' "$tree/usr/share/doc/$package/copyright" ||
    die "cargo tree listed no crates (run make build first)"
printf '%s (%s) unstable; urgency=medium\n\n  * Built by make deb from commit %s.\n\n -- %s  %s\n' \
    "$package" "$version" "$commit" "$maintainer" "$date" |
    gzip -9n >"$tree/usr/share/doc/$package/changelog.gz"

for script in postinst prerm postrm triggers; do
    sed "s/@PHP_VERSION@/$PHP_VERSION/g" "$root/packaging/debian/$script" >"$tree/DEBIAN/$script"
done
chmod 0755 "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" "$tree/DEBIAN/postrm"
chmod 0644 "$tree/DEBIAN/triggers"
# dpkg-shlibdeps reads a debian/control of the package being built.
printf 'Source: memcache-rs\n\nPackage: %s\nArchitecture: any\n' "$package" >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e"debian/$package$extension_dir/memcache_rs.so" |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || die "dpkg-shlibdeps found no shared libraries"

(cd "$tree" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$tree/DEBIAN/md5sums"
sed -e "s/@PHP_VERSION@/$PHP_VERSION/g" -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
    -e "s/@PHPAPI@/$phpapi/" -e "s|@SHLIBS@|$shlibs|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" \
    "$root/packaging/debian/control" >"$tree/DEBIAN/control"

deb=$out/${package}_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
if command -v lintian >/dev/null; then
    # (As root lintian also says that it should not run as root: left out.)
    status=0
    lintian --display-info --fail-on error,warning "$deb" 2>&1 | { grep -v 'running with root privileges' || true; } >&2 ||
        status=$?
    [ "$status" = 0 ] || die "lintian found errors or warnings in $deb"
else
    echo "deb: lintian not installed (scripts/deps.sh host): $deb not checked" >&2
fi
echo "$deb"
