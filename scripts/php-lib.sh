# shellcheck shell=bash
# Which PHP the scripts build and test against, decided in one place. Sourced by every script
# that runs PHP (and by scripts/php-env.sh, which the Makefile asks for the host's version).
#
# PHP_VERSION (major.minor) picks the PHP; unset, it is the PHP of this machine's Debian release
# (8.2 on Debian 12). PHP, PHP_CONFIG and FPM_BIN, when set, name the binaries; unset they are
# Debian's php<VERSION>, php-config<VERSION> and php-fpm<VERSION>. After sourcing, all four are
# set (not exported: a script exports what its children need).

# The PHP versions the project supports, each with the Debian release whose `php` it is: the
# release a root for that version is built from (scripts/php-env.sh).
PHP_DEBIAN_RELEASES="8.2:bookworm 8.4:trixie"

# Prints the Debian release that ships PHP $1; fails for a version no supported release ships.
php_debian_release() {
    local pair
    for pair in $PHP_DEBIAN_RELEASES; do
        if [ "${pair%%:*}" = "$1" ]; then
            echo "${pair#*:}"
            return 0
        fi
    done
    return 1
}

# Prints this machine's release codename (/etc/os-release; empty if it has none).
php_host_release() {
    # shellcheck source=/dev/null
    (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
}

# Prints the PHP version of this machine's Debian release; 8.2, the project's first target,
# when the release is none of the above.
php_host_version() {
    local codename pair
    codename=$(php_host_release)
    for pair in $PHP_DEBIAN_RELEASES; do
        if [ "${pair#*:}" = "$codename" ]; then
            echo "${pair%%:*}"
            return 0
        fi
    done
    echo 8.2
}

PHP_VERSION=${PHP_VERSION:-$(php_host_version)}
if ! [[ "$PHP_VERSION" =~ ^[0-9]+\.[0-9]+$ ]]; then
    echo "error: PHP_VERSION=$PHP_VERSION: expected major.minor, e.g. 8.4" >&2
    exit 2
fi
PHP=${PHP:-php$PHP_VERSION}
PHP_CONFIG=${PHP_CONFIG:-php-config$PHP_VERSION}
FPM_BIN=${FPM_BIN:-php-fpm$PHP_VERSION}
