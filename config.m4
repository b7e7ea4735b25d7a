dnl The phpize build, which PIE (`pie install`) runs: phpize, ./configure, make, make install.
dnl The extension is Rust, so there is nothing for the C compiler: configure checks for cargo
dnl and Makefile.frag has make run it. Run it in a copy of the source tree, as PIE does:
dnl configure writes a Makefile over the project's own. The project's own build is `make build`.

PHP_ARG_ENABLE([memcache],
  [whether to enable the memcache extension (Rust)],
  [AS_HELP_STRING([--enable-memcache], [Build the memcache extension (Rust, built with cargo)])],
  [yes])

if test "$PHP_MEMCACHE" != "no"; then
  AC_PATH_PROG([CARGO], [cargo], [no], [$PATH:$HOME/.cargo/bin])
  if test "$CARGO" = "no"; then
    AC_MSG_ERROR([cargo not found: this memcache extension is written in Rust and needs Rust 1.85 or newer (https://rustup.rs), clang and libclang (for bindgen)])
  fi
  PHP_SUBST([CARGO])
  dnl ext-php-rs wants php-config as an absolute path; build.rs checks that it and PHP (the
  dnl PHP_EXECUTABLE of this configure) are one PHP.
  MEMCACHE_PHP_CONFIG=`command -v "$PHP_CONFIG"`
  PHP_SUBST([MEMCACHE_PHP_CONFIG])
  PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/Makefile.frag], [$abs_srcdir], [$abs_builddir])
fi
