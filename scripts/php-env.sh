#!/usr/bin/env bash
# Runs a command with a given PHP version: directly when this machine's Debian release ships
# that PHP, otherwise inside a Debian root that has it, built on first use and cached outside
# the clone. `make <goal> PHP_VERSION=8.4` runs make itself through this script.
#
#   scripts/php-env.sh VERSION CMD [ARG...]   run CMD (in the current directory if it is inside
#                                             this work tree, else at its top)
#   scripts/php-env.sh VERSION --create       build the root if it is missing; nothing else
#   scripts/php-env.sh VERSION --path         print the root's directory (building it if missing)
#   scripts/php-env.sh VERSION --remove       delete every cached root of VERSION (waits until
#                                             no command runs in one)
#   scripts/php-env.sh VERSION --exists       succeed if the root is there (or not needed)
#   scripts/php-env.sh VERSION --throwaway CMD [ARG...]
#                                             run CMD as root in a throwaway copy of the root
#                                             (also for this machine's own PHP: a root is built
#                                             for it then), see below
#   scripts/php-env.sh --host-version         print the PHP version of this machine's release
#
# VERSION is 8.2 (Debian 12 "bookworm") or 8.4 (Debian 13 "trixie"): scripts/php-lib.sh.
#
# The root. ${XDG_CACHE_HOME:-$HOME/.cache}/memcache-rs/debian-<release>-php<VERSION>-<id>, where
# <id> is a checksum of what goes into it (the recipe version below and the package list), so
# a change of either builds a new root instead of patching one that commands may be using.
# It is `debootstrap --variant=minbase` plus the packages `scripts/deps.sh list build test`
# names for VERSION (PHP CLI, headers, FPM, Debian's C memcache and memcached extensions,
# memcached, cgi-fcgi, SASL tools, clang), make and ca-certificates; services never start in it
# (policy-rc.d). The mirror is the one of this machine's own apt sources (/etc/apt/sources.list,
# sources.list.d/*.list and *.sources: the entry of the host's release, and its -updates and
# -security suites), with the suite names of the root's release; MEMCACHE_DEBIAN_MIRROR=URL
# overrides it (a host whose sources are not Debian's). Building takes about a minute and
# 1.5 GB; its output goes to <root>.log (the last lines are shown if it fails). It happens under an exclusive flock(1) on <cache>/debian-<release>-php<VERSION>.lock,
# so concurrent callers build it once; it is built in a temporary directory next to it and
# renamed into place only when complete, so an interrupted build (Ctrl-C, kill, a full disk)
# leaves nothing a later run would trust; the next build removes such leftovers.
#
# --throwaway runs the command in a copy of the root that only it sees: an overlay (overlayfs)
# of the cached root with an upper directory next to it (<cache>/.<root name>-throwaway.XXXXXX),
# deleted when the command ends. What the command changes (packages it installs or removes, files
# under /etc) never reaches the cached root, which other commands may be using at the same time.
# It always runs as root, and otherwise like any command (below). For this machine's own PHP it
# builds (once) and uses a root of this machine's release: a clean Debian, not the host.
#
# A command runs with a shared lock on the same file (so --remove never pulls a root from under
# it) in a mount namespace of its own (unshare --mount --propagation private): every mount
# below exists only for that command and disappears however it ends, and concurrent commands
# never see each other's mounts. Inside: /proc and /dev (with /dev/pts and /dev/shm) bound from
# the host, a private tmpfs on /tmp, the work tree at its own absolute path, the host's Rust
# (${CARGO_HOME:-~/.cargo}, ${RUSTUP_HOME:-~/.rustup}: Debian 13's rustc is too old for the
# lockfile) and the host's /etc/resolv.conf, /etc/hosts and CA bundle (read-only). The network
# is the host's: loopback servers started inside are reachable outside and vice versa.
# The environment is rebuilt from scratch: PATH (Rust first), HOME, LANG=C.UTF-8, TERM,
# PHP_VERSION=VERSION, and of the caller's only CI, MAKEFLAGS/MFLAGS (so `make VAR=value`
# overrides reach the inner make), proxies and MEMCACHE_*, CARGO_* (not CARGO_TARGET_DIR:
# it may point outside the work tree), RUSTUP_*, RUST_*, RUSTFLAGS, DEBIAN_FRONTEND, NO_COLOR.
# Host settings such as PHP, PHP_CONFIG or FPM_BIN would name host binaries and never get in.
#
# Needs root (mounts, chroot): run as another user, it re-runs itself through sudo and runs the
# command as that user (files it writes in the work tree stay theirs). On the host it needs
# debootstrap (scripts/deps.sh root installs it when missing), unshare, flock and chroot.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tree=$(cd "$here/.." && pwd)

die() {
    echo "php-env: error: $*" >&2
    exit 1
}

if [ "${1:-}" = --host-version ]; then
    unset PHP_VERSION
    # shellcheck source=scripts/php-lib.sh
    . "$here/php-lib.sh"
    echo "$PHP_VERSION"
    exit 0
fi

# Bump when what goes into a root changes in a way the package list does not show.
RECIPE=2

# Mounts and enters the root; runs in the private mount namespace that unshare made for it
# (the last lines of this script, and in_new_root).
#   php-env.sh --enter ROOT CWD USER CMD...   (USER: uid:gid, or "" for root)
enter() {
    local root=$1 cwd=$2 user=$3 dir name
    shift 3
    mount --bind /proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
    for dir in "$tree" "${CARGO_HOME:-$HOME/.cargo}" "${RUSTUP_HOME:-$HOME/.rustup}"; do
        [ -d "$dir" ] || continue
        mkdir -p "$root$dir"
        mount --bind "$dir" "$root$dir"
    done
    # While the root is being built its own CA bundle stays writable: a newer ca-certificates
    # from the -security suite rewrites it (and fails on a read-only bind).
    local -a host_files=(/etc/resolv.conf /etc/hosts)
    [ -n "${PHP_ENV_BUILDING:-}" ] || host_files+=(/etc/ssl/certs/ca-certificates.crt)
    for name in "${host_files[@]}"; do
        if [ ! -f "$name" ] || [ ! -f "$root$name" ]; then
            continue
        fi
        mount --bind "$name" "$root$name"
        mount -o remount,bind,ro "$root$name"
    done
    local -a env=(
        "PATH=${CARGO_HOME:-$HOME/.cargo}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        "HOME=$HOME" "LANG=C.UTF-8" "TERM=${TERM:-dumb}" "PHP_VERSION=$version"
    )
    while IFS= read -r name; do
        case $name in
        CARGO_TARGET_DIR) ;;
        CI | MAKEFLAGS | MFLAGS | MEMCACHE_* | CARGO_* | RUSTUP_* | RUST_* | RUSTFLAGS | \
            http_proxy | https_proxy | no_proxy | HTTP_PROXY | HTTPS_PROXY | NO_PROXY | \
            DEBIAN_FRONTEND | NO_COLOR)
            env+=("$name=${!name}")
            ;;
        esac
    done < <(compgen -e)
    local -a as=()
    [ -z "$user" ] || as=(--userspec="$user" --groups="${user#*:}")
    exec chroot "${as[@]}" "$root" /usr/bin/env -i -C "$cwd" "${env[@]}" "$@"
}

if [ "${1:-}" = --enter ]; then
    version=${PHP_ENV_VERSION:?}
    shift
    enter "$@"
fi

# The root at LOWER seen through an overlay whose changes go to SCRATCH (the --throwaway mode):
#   php-env.sh --enter-throwaway LOWER SCRATCH CWD USER CMD...
if [ "${1:-}" = --enter-throwaway ]; then
    version=${PHP_ENV_VERSION:?}
    lower=$2 scratch=$3
    shift 3
    mkdir -p "$scratch/upper" "$scratch/work" "$scratch/root"
    mount -t overlay overlay -o "lowerdir=$lower,upperdir=$scratch/upper,workdir=$scratch/work" \
        "$scratch/root"
    enter "$scratch/root" "$@"
fi

version=${1:-}
[ $# -ge 2 ] || die "usage: $0 VERSION [--throwaway] CMD [ARG...] | VERSION --create|--path|--remove|--exists | --host-version"
shift
throwaway=false
mode=()
if [ "$1" = --throwaway ]; then
    throwaway=true
    mode=(--throwaway)
    shift
    [ $# -ge 1 ] || die "--throwaway: no command"
fi
PHP_VERSION=$version
# shellcheck source=scripts/php-lib.sh
. "$here/php-lib.sh"
release=$(php_debian_release "$version") ||
    die "PHP $version: no supported Debian release ships it (supported: $PHP_DEBIAN_RELEASES)"

# This machine's own PHP: nothing to set up.
if [ "$version" = "$(php_host_version)" ] && ! $throwaway; then
    case $1 in
    --create | --remove | --exists) exit 0 ;;
    --path) echo / && exit 0 ;;
    esac
    exec "$@"
fi

# What the host needs, installed as the caller (Rust goes to their home): debootstrap, and the
# rustup toolchain the root uses (only ~/.cargo and ~/.rustup are bound in).
if [ "$1" != --remove ] && { ! command -v debootstrap >/dev/null ||
    [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]; }; then
    "$here/deps.sh" root
fi

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "needs root (mount, chroot), and sudo is not installed"
    exec sudo --preserve-env env HOME="$HOME" XDG_CACHE_HOME="${XDG_CACHE_HOME:-$HOME/.cache}" \
        PHP_ENV_USER="$(id -u):$(id -g)" "$0" "$version" "${mode[@]}" "$@"
fi

cache=${XDG_CACHE_HOME:-$HOME/.cache}/memcache-rs
base=debian-$release-php$version
lock=$cache/$base.lock

# The host's apt sources as "URI SUITE" lines (enabled deb entries, one per suite).
host_sources() {
    local file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        # deb [options] URI SUITE COMPONENT...
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$file" | awk '$1 == "deb" { print $2, $3 }'
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        # deb822 stanzas: Types, URIs, Suites (several values each), Enabled.
        awk '
            function flush(   i, j, n, m, u, s) {
                if (types ~ /(^| )deb( |$)/ && enabled != "no") {
                    n = split(uris, u, " "); m = split(suites, s, " ")
                    for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print u[i], s[j]
                }
                types = uris = suites = enabled = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            { key = tolower($1); $1 = "" }
            key == "types:" { types = $0 } key == "uris:" { uris = $0 }
            key == "suites:" { suites = $0 } key == "enabled:" { enabled = tolower($2) }
            END { flush() }
        ' "$file"
    done
}

# Writes the root's apt sources: for each of the host's suites of its own release (the release
# itself, -updates, -security), the same URI with the root's release.
write_sources() {
    local dir=$1 host_release uri suite
    host_release=$(php_host_release)
    : >"$dir/etc/apt/sources.list"
    if [ -n "${MEMCACHE_DEBIAN_MIRROR:-}" ]; then
        echo "deb $MEMCACHE_DEBIAN_MIRROR $release main" >"$dir/etc/apt/sources.list"
        return
    fi
    host_sources | while read -r uri suite; do
        case $suite in
        "$host_release" | "$host_release"-updates | "$host_release"-security)
            echo "deb $uri $release${suite#"$host_release"} main"
            ;;
        esac
    done | sort -u >"$dir/etc/apt/sources.list"
}

# The mirror debootstrap fetches the release from.
main_mirror() {
    local host_release uri suite
    if [ -n "${MEMCACHE_DEBIAN_MIRROR:-}" ]; then
        echo "$MEMCACHE_DEBIAN_MIRROR"
        return
    fi
    host_release=$(php_host_release)
    while read -r uri suite; do
        if [ "$suite" = "$host_release" ]; then
            echo "$uri"
            return
        fi
    done < <(host_sources)
    die "no apt source for this host's release '$host_release' in /etc/apt (not Debian?):" \
        "set MEMCACHE_DEBIAN_MIRROR to a Debian mirror URL"
}

packages() {
    { PHP_VERSION=$version "$here/deps.sh" list build test; echo make; echo ca-certificates; } |
        sort -u
}

# The root's directory for the current recipe and package list.
root_dir() {
    echo "$cache/$base-$(printf '%s\n' "recipe $RECIPE" "$(packages)" | cksum | cut -d' ' -f1)"
}

# Runs CMD... in the root at $1 (private mount namespace, see above) as root, cwd /.
in_new_root() {
    local dir=$1
    shift
    PHP_ENV_VERSION=$version PHP_ENV_BUILDING=1 unshare --mount --propagation private -- \
        "$0" --enter "$dir" / "" "$@"
}

# Builds the root at $1, if it is missing, under the exclusive lock.
create_root() {
    local root=$1 script="" mirror leftover log=$1.log
    [ -d "$root" ] && return 0
    mkdir -p "$cache"
    exec {fd}>>"$lock"
    flock -x "$fd"
    if [ -d "$root" ]; then
        exec {fd}>&-
        return 0
    fi
    # Leftovers of builds that were interrupted: nobody else builds while we hold the lock.
    for leftover in "$cache/.$base"-*.tmp.*; do
        [ -d "$leftover" ] || continue
        echo "php-env: removing $leftover (an interrupted build)" >&2
        rm -rf --one-file-system "$leftover"
    done
    # Global: the EXIT trap removes it.
    tmp=$(mktemp -d "$cache/.$(basename "$root").tmp.XXXXXX")
    trap 'rm -rf --one-file-system "$tmp"' EXIT
    chmod 0755 "$tmp"
    trap 'exit 130' INT TERM
    # An older debootstrap may not know the release by name: Debian's releases share one script.
    [ -e "/usr/share/debootstrap/scripts/$release" ] || script=/usr/share/debootstrap/scripts/sid
    mirror=$(main_mirror)
    echo "php-env: building a Debian $release root with PHP $version in $root (from $mirror;" \
        "about a minute; log: $log)" >&2
    : >"$log"
    # In a mount namespace of its own, so mounts of an interrupted debootstrap vanish with it.
    if ! unshare --mount --propagation private -- debootstrap --variant=minbase \
        --include=ca-certificates "$release" "$tmp" "$mirror" ${script:+"$script"} >>"$log" 2>&1; then
        [ ! -f "$tmp/debootstrap/debootstrap.log" ] || cat "$tmp/debootstrap/debootstrap.log" >>"$log"
        tail -n 30 "$log" >&2
        die "debootstrap of $release failed, see $log (is debian-archive-keyring up to date?)"
    fi
    write_sources "$tmp"
    # Targets of the host's files bound in at run time (debootstrap writes no /etc/hosts).
    touch "$tmp/etc/hosts" "$tmp/etc/resolv.conf"
    printf '#!/bin/sh\n# memcache-rs root: no service starts here\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
    chmod 0755 "$tmp/usr/sbin/policy-rc.d"
    # shellcheck disable=SC2046 # one word per package
    if ! in_new_root "$tmp" env DEBIAN_FRONTEND=noninteractive sh -ec '
        apt-get -q update
        apt-get -q -y --no-install-recommends install "$@"
        apt-get clean' sh $(packages) >>"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "installing the packages into the $release root failed, see $log"
    fi
    {
        echo "memcache-rs root: Debian $release with PHP $version, built $(date -u +%FT%TZ)"
        echo "recipe $RECIPE; packages: $(packages | tr '\n' ' ')"
    } >"$tmp/etc/memcache-rs-root"
    mv "$tmp" "$root"
    trap - EXIT INT TERM
    exec {fd}>&-
    echo "php-env: built $root" >&2
    # Roots of other recipes or package lists stay (a clone at another commit may use them).
    for leftover in "$cache/$base"-*/; do
        [ "${leftover%/}" = "$root" ] ||
            echo "php-env: note: ${leftover%/} is an older root; $0 $version --remove deletes all" >&2
    done
}

remove_roots() {
    local dir
    [ -d "$cache" ] || return 0
    exec {fd}>>"$lock"
    flock -x "$fd"
    for dir in "$cache/$base"-* "$cache/.$base"-*.tmp.*; do
        [ -e "$dir" ] || continue
        echo "php-env: removing $dir" >&2
        rm -rf --one-file-system "$dir"
    done
    exec {fd}>&-
}

root=$(root_dir)
case $1 in
--remove)
    remove_roots
    exit 0
    ;;
--create)
    create_root "$root"
    exit 0
    ;;
--path)
    create_root "$root"
    echo "$root"
    exit 0
    ;;
--exists)
    [ -d "$root" ]
    exit
    ;;
esac
create_root "$root"

cwd=$PWD
[[ "$cwd/" == "$tree/"* ]] || cwd=$tree
# The shared lock is held by flock itself (-o: the command and the daemons it may leave behind
# do not inherit it).
if ! $throwaway; then
    PHP_ENV_VERSION=$version exec flock -s -o "$lock" unshare --mount --propagation private -- \
        "$0" --enter "$root" "$cwd" "${PHP_ENV_USER:-}" "$@"
fi
# Next to the root (an overlay's upper directory must be on a real filesystem); removed when
# the command ends (a daemon it leaves behind keeps the overlay until it exits).
scratch=$(mktemp -d "$cache/.$base-throwaway.XXXXXX")
trap 'rm -rf --one-file-system "$scratch"' EXIT
trap 'exit 130' INT TERM
status=0
PHP_ENV_VERSION=$version flock -s -o "$lock" unshare --mount --propagation private -- \
    "$0" --enter-throwaway "$root" "$scratch" "$cwd" "" "$@" || status=$?
exit "$status"
