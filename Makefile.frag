# Appended by config.m4 to the Makefile that phpize's configure writes (the PIE build): cargo
# builds the extension into modules/, where the phpize Makefile's `make install` takes it from.
# cargo decides what is out of date, so it runs on every make. Its target directory is target/
# of the build tree unless CARGO_TARGET_DIR says otherwise.

MEMCACHE_TARGET = $(or $(CARGO_TARGET_DIR),$(builddir)/target)

.PHONY: memcache-rs-cargo memcache-rs-not-over-debian

all: $(phplibdir)/memcache.so
build-modules: $(phplibdir)/memcache.so

$(phplibdir)/memcache.so: memcache-rs-cargo
	PHP="$(PHP_EXECUTABLE)" PHP_CONFIG="$(MEMCACHE_PHP_CONFIG)" CARGO_TARGET_DIR="$(MEMCACHE_TARGET)" \
		"$(CARGO)" build --release --locked --manifest-path "$(srcdir)/Cargo.toml"
	mkdir -p "$(phplibdir)"
	cp "$(MEMCACHE_TARGET)/release/libmemcache.so" "$@"

# Debian's php-memcache keeps the C extension as memcache.so in the same directory: never
# overwrite a file a Debian package owns (install this extension's .deb there: make deb).
install-modules: memcache-rs-not-over-debian
memcache-rs-not-over-debian:
	@if [ -z "$(INSTALL_ROOT)" ] && command -v dpkg >/dev/null && \
	    dpkg -S "$(EXTENSION_DIR)/memcache.so" >/dev/null 2>&1; then \
	    echo "error: $(EXTENSION_DIR)/memcache.so belongs to $$(dpkg -S "$(EXTENSION_DIR)/memcache.so" | cut -d: -f1)" >&2; \
	    echo "       (Debian's C extension); install this one as a Debian package instead: make deb" >&2; \
	    exit 1; \
	fi
