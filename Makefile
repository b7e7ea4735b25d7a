# memcache: a drop-in replacement for the PECL memcache extension, in Rust.
# `make help` lists the targets. The scripts under scripts/ do the work; this file wires them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
export PATH := $(HOME)/.cargo/bin:$(PATH)

# PHP and PHP_CONFIG, when set, must be absolute paths: ext-php-rs's build script reads the
# same variables (a change of them rebuilds its bindings). The scripts default to php8.2.
PHP_CLI := $(or $(PHP),php8.2)
PHP_CONFIG_CLI := $(or $(PHP_CONFIG),php-config8.2)
CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SO := modules/memcache.so

# The extension the phpt suite and the demo load. Override it to exercise the harness with
# another build, e.g. `make test-php EXT=/usr/lib/php/20220829/memcache.so` (then no build).
EXT ?= $(CURDIR)/$(SO)
ifeq ($(EXT),$(CURDIR)/$(SO))
EXT_DEPS := build
endif
# Tests (phpt files or directories) run by test-php.
TESTS ?= php-tests
# memcache.protocol of the phpt suite. `make test` runs it three times, with the default (ascii),
# with binary and with meta, and fails if any run fails. PROTOCOL=ascii|binary|meta makes test
# and test-php run it under that one only: it exports MEMCACHE_PROTOCOL, which run-phpt.sh turns
# into -d memcache.protocol=... (and the Rust tests may read). test-php without PROTOCOL: default.
PROTOCOL ?=
ifneq ($(PROTOCOL),)
export MEMCACHE_PROTOCOL := $(PROTOCOL)
endif
# Extensions compared by `make bench` (ours can be swapped, e.g. OURS=/path/to/other.so).
OURS ?= $(CURDIR)/$(SO)
ifeq ($(OURS),$(CURDIR)/$(SO))
OURS_DEPS := build
endif

# Installed name: memcache_rs.so, so Debian's C memcache.so is never overwritten.
INSTALL_NAME := memcache_rs
PHP_ETC := /etc/php/8.2

# `make fuzz`: seconds per target, and which targets (default: every one in fuzz/).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=

.PHONY: help deps deps-test build install uninstall demo test test-rust test-php bench failover-cost fuzz fmt lint clean

help:
	@echo "make deps        install build requirements (apt-get; Rust must already be installed)"
	@echo "make deps-test   install test/bench requirements (Debian's C memcache, memcached, fpm)"
	@echo "make build       cargo build --release, copy to $(SO)"
	@echo "make demo        run examples/quickstart.php against two private memcached"
	@echo "make test        build, cargo tests, then the phpt suite under ascii, binary and meta"
	@echo "                 (PROTOCOL=ascii|binary|meta: that one only)"
	@echo "make test-php    only the phpt suite, once (EXT=path.so, TESTS=php-tests/x.phpt, PROTOCOL=meta)"
	@echo "make bench       ours vs Debian's C memcache vs memcached, one table"
	@echo "make failover-cost  what a hung memcached costs an 8-worker php-fpm, ours vs Debian's C"
	@echo "                 memcache (about 45 s; OURS=path.so)"
	@echo "make fuzz        every cargo fuzz target for FUZZ_SECONDS (60) each (FUZZ_TARGETS=...)"
	@echo "make install     install as $(INSTALL_NAME).so and enable it instead of Debian's memcache"
	@echo "make uninstall   undo make install (re-enables Debian's memcache if present)"
	@echo "make fmt | lint | clean"

deps:
	scripts/deps.sh build

deps-test:
	scripts/deps.sh test

# Copy, then rename over the old file: a running php-fpm may have the old one mapped.
build:
	$(CARGO) build --release
	mkdir -p modules
	cp $(TARGET_DIR)/release/libmemcache.so modules/.memcache.so.tmp
	mv -f modules/.memcache.so.tmp $(SO)
	@echo "built $(SO)"

install:
	@test -f $(SO) || { echo "error: $(SO) is missing; run 'make build' first" >&2; exit 1; }
	@test -w "$$($(PHP_CONFIG_CLI) --extension-dir)" || { echo "error: run make install as root" >&2; exit 1; }
	dir=$$($(PHP_CONFIG_CLI) --extension-dir); \
	cp $(SO) "$$dir/.$(INSTALL_NAME).so.tmp" && mv -f "$$dir/.$(INSTALL_NAME).so.tmp" "$$dir/$(INSTALL_NAME).so"
	printf '; Rust memcache extension (drop-in replacement for PECL memcache)\n; priority=20\nextension=$(INSTALL_NAME).so\n' \
		> $(PHP_ETC)/mods-available/$(INSTALL_NAME).ini
	if [ -f $(PHP_ETC)/mods-available/memcache.ini ]; then phpdismod -v 8.2 -s ALL memcache; fi
	phpenmod -v 8.2 -s ALL $(INSTALL_NAME)
	@$(PHP_CLI) --ini | grep memcache || true
	@$(PHP_CLI) -r 'echo "php cli now loads memcache ", phpversion("memcache") ?: "(not loaded!)", "\n";'
	@echo "restart php8.2-fpm (systemctl restart php8.2-fpm) to load it there"

uninstall:
	-phpdismod -v 8.2 -s ALL $(INSTALL_NAME)
	rm -f $(PHP_ETC)/mods-available/$(INSTALL_NAME).ini "$$($(PHP_CONFIG_CLI) --extension-dir)/$(INSTALL_NAME).so"
	if [ -f $(PHP_ETC)/mods-available/memcache.ini ]; then phpenmod -v 8.2 -s ALL memcache; fi

demo: deps $(EXT_DEPS)
	scripts/demo.sh $(EXT)

# Without PROTOCOL all three phpt runs happen even if one fails (Ctrl-C stops them); the
# last line says under which protocol(s) the suite failed.
test: deps deps-test $(EXT_DEPS)
	$(CARGO) test --no-default-features
ifeq ($(PROTOCOL),)
	trap 'exit 130' INT TERM; failed=""; \
	scripts/run-phpt.sh $(EXT) $(TESTS) || failed="$$failed ascii"; \
	MEMCACHE_PROTOCOL=binary scripts/run-phpt.sh $(EXT) $(TESTS) || failed="$$failed binary"; \
	MEMCACHE_PROTOCOL=meta scripts/run-phpt.sh $(EXT) $(TESTS) || failed="$$failed meta"; \
	if [ -n "$$failed" ]; then echo "phpt suite FAILED under memcache.protocol:$$failed" >&2; exit 1; fi; \
	echo "phpt suite passed under memcache.protocol ascii, binary and meta"
else
	scripts/run-phpt.sh $(EXT) $(TESTS)
endif

test-rust:
	$(CARGO) test --no-default-features

test-php: $(EXT_DEPS)
	scripts/run-phpt.sh $(EXT) $(TESTS)

bench: $(OURS_DEPS)
	scripts/bench.sh $(OURS)

failover-cost: $(OURS_DEPS)
	scripts/failover-cost.sh $(OURS)

fuzz:
	@command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz not found: cargo install cargo-fuzz"; exit 1; }
	cd fuzz && for t in $(or $(FUZZ_TARGETS),$$($(CARGO) fuzz list)); do \
	    $(CARGO) fuzz run -s none --release "$$t" -- -max_total_time=$(FUZZ_SECONDS); done

fmt:
	$(CARGO) fmt

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	@if command -v shellcheck >/dev/null; then shellcheck scripts/*.sh .ci/run && echo "shellcheck ok"; \
	else echo "shellcheck not installed (apt-get install shellcheck): shell scripts not checked"; fi

clean:
	-scripts/test-env.sh stop
	-$(CARGO) clean
	rm -rf modules build-test
	for t in php-tests/*.phpt; do b=$${t%.phpt}; rm -f $$b.diff $$b.exp $$b.log $$b.out $$b.php $$b.sh $$b.mem $$b.skip.php $$b.clean.php; done
