# memcache: a drop-in replacement for the PECL memcache extension, in Rust.
# `make help` lists the targets. The scripts under scripts/ do the work; this file wires them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
export PATH := $(HOME)/.cargo/bin:$(PATH)

# The PHP to build and test for, as major.minor. Default: the PHP of this machine's Debian
# release (8.2 on Debian 12). Another version (`make test PHP_VERSION=8.4`) runs the same goals,
# with the same command-line variables, inside a Debian root that has that PHP: see
# scripts/php-env.sh (built on first use in about a minute, cached in ~/.cache/memcache-rs).
HOST_PHP_VERSION := $(shell scripts/php-env.sh --host-version)
PHP_VERSION ?= $(HOST_PHP_VERSION)
ifeq ($(shell [[ '$(PHP_VERSION)' =~ ^[0-9]+\.[0-9]+$$ ]] && echo ok),)
$(error PHP_VERSION=$(PHP_VERSION): expected major.minor, e.g. 8.4)
endif

.PHONY: help
help:
	@echo "make deps        install build requirements (apt-get; Rust must already be installed)"
	@echo "make deps-test   install test/bench requirements (Debian's C memcache, memcached, fpm; and"
	@echo "                 on this machine, not in a root: dpkg-dev, lintian, composer, nutcracker)"
	@echo "make build       cargo build --release, copy to modules/php<version>/memcache.so"
	@echo "make demo        run every example of examples/ against two private memcached"
	@echo "make test        build, cargo tests, then the phpt suite under ascii, binary and meta"
	@echo "                 (PROTOCOL=ascii|binary|meta: that one only)"
	@echo "make test-php    only the phpt suite, once (EXT=path.so, TESTS=php-tests/x.phpt, PROTOCOL=meta)"
	@echo "make bench       ours vs Debian's C memcache vs memcached, one table, then make callgrind"
	@echo "make callgrind   instructions (callgrind) and system calls (strace) per call, ours vs"
	@echo "                 Debian's C memcache (about 5 min; OURS=path.so)"
	@echo "make failover-cost  what a hung memcached costs an 8-worker php-fpm, ours vs Debian's C"
	@echo "                 memcache (about 45 s; OURS=path.so)"
	@echo "make fuzz        every cargo fuzz target for FUZZ_SECONDS (60) each, in turn, and their figures"
	@echo "                 (FUZZ_TARGETS=...; seeds in fuzz/seeds/, crashes in fuzz/artifacts/)"
	@echo "make memcheck    the phpt suite under valgrind memcheck, ascii, binary, meta (PROTOCOL=, TESTS=;"
	@echo "                 about an hour per protocol): 0 memory errors and 0 definite leaks or it fails"
	@echo "make soak        php-fpm over 3 memcached under load and faults, a few minutes: 0 wrong or"
	@echo "                 stale values and 0 crashes or it fails (SOAK_REQUESTS=1000000 for the long one)"
	@echo "make deb         Debian package(s) php<version>-memcache-rs in target/deb/, checked by"
	@echo "                 lintian (this PHP, and 8.4 if its root exists; PHP_VERSION=: that one)"
	@echo "make test-deb    make deb, then install, load (CLI, php-fpm), remove and purge it in a"
	@echo "                 throwaway Debian root (about 10 s once the root exists)"
	@echo "make test-phpize the build PIE runs (phpize, configure, make, make install) on a copy"
	@echo "                 of the tree (a full cargo build the first time)"
	@echo "make install     install as memcache_rs.so with memcache_rs.ini, instead of Debian's memcache"
	@echo "make uninstall   undo make install (re-enables Debian's memcache where it was enabled)"
	@echo "make fmt | lint | clean"
	@echo
	@echo "PHP_VERSION=8.4  any of the above for PHP 8.4 (default: $(HOST_PHP_VERSION), this machine's), run"
	@echo "                 inside a Debian 13 root (scripts/php-env.sh; built on first use)"

# The Debian package and its install test run on this machine for any PHP_VERSION: they build
# the extension through make (inside the root for another PHP), assemble the package here and
# install it into a throwaway copy of a root (scripts/deb.sh, scripts/deb-test.sh).
HOST_GOALS := deb test-deb
# `make deb` builds for PHP_VERSION when it is given, else for this machine's PHP and every
# other supported PHP whose root is already there.
DEB_VERSIONS = $(if $(filter file,$(origin PHP_VERSION)),$(shell scripts/deb.sh --versions),$(PHP_VERSION))

.PHONY: $(HOST_GOALS)
deb:
	scripts/deps.sh host
	for version in $(DEB_VERSIONS); do \
	    $(MAKE) build PHP_VERSION=$$version; \
	    scripts/deb.sh $$version; \
	done

test-deb:
	$(MAKE) deb PHP_VERSION=$(PHP_VERSION)
	scripts/deb-test.sh $(PHP_VERSION)

ifneq ($(PHP_VERSION),$(HOST_PHP_VERSION))
# Not this machine's PHP: the same make runs inside the root (MAKEFLAGS carries the variables).
ROOT_GOALS := $(filter-out help $(HOST_GOALS),$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL)))
ifneq ($(filter install uninstall,$(ROOT_GOALS)),)
$(error make install/uninstall work on this machine's PHP $(HOST_PHP_VERSION) only: PHP $(PHP_VERSION) is only in the root of scripts/php-env.sh)
endif
ifneq ($(ROOT_GOALS),)
.PHONY: $(ROOT_GOALS) php-env
$(ROOT_GOALS): php-env
	@:
php-env:
	scripts/php-env.sh $(PHP_VERSION) $(MAKE) $(ROOT_GOALS)
endif
else

# The binaries of PHP $(PHP_VERSION); PHP, PHP_CONFIG and FPM_BIN override them (absolute
# paths). The scripts take the same choice from PHP_VERSION (scripts/php-lib.sh).
PHP_CLI := $(or $(PHP),php$(PHP_VERSION))
PHP_CONFIG_CLI := $(or $(PHP_CONFIG),php-config$(PHP_VERSION))
export PHP_VERSION
CARGO ?= cargo
# Each PHP version builds in its own cargo target directory (switching never rebuilds the
# other's Zend bindings) into its own modules/php<version>/. ext-php-rs and build.rs read PHP
# and PHP_CONFIG, given as absolute paths; build.rs fails unless both are PHP $(PHP_VERSION).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)/php$(PHP_VERSION)
CARGO_CMD = CARGO_TARGET_DIR=$(TARGET_DIR) $(CARGO)
CARGO_PHP = PHP="$$(command -v $(PHP_CLI))" PHP_CONFIG="$$(command -v $(PHP_CONFIG_CLI))" \
	MEMCACHE_PHP_VERSION=$(PHP_VERSION) $(CARGO_CMD)
PHP_FOUND = command -v $(PHP_CLI) >/dev/null && command -v $(PHP_CONFIG_CLI) >/dev/null || \
	{ echo "error: $(PHP_CLI) or $(PHP_CONFIG_CLI) not found (make deps)" >&2; exit 1; }
SO := modules/php$(PHP_VERSION)/memcache.so

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
PHP_ETC := /etc/php/$(PHP_VERSION)

# `make fuzz`: seconds per target, and which targets (default: every one in fuzz/).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=

.PHONY: deps deps-test build install uninstall demo test test-rust test-php test-phpize bench callgrind failover-cost fuzz memcheck soak fmt lint clean

deps:
	scripts/deps.sh build

deps-test:
	scripts/deps.sh test
	scripts/deps.sh host

# Copy, then rename over the old file: a running php-fpm may have the old one mapped.
build:
	@$(PHP_FOUND)
	$(CARGO_PHP) build --release
	mkdir -p $(dir $(SO))
	cp $(TARGET_DIR)/release/libmemcache.so $(dir $(SO)).memcache.so.tmp
	mv -f $(dir $(SO)).memcache.so.tmp $(SO)
	@echo "built $(SO) for PHP $(PHP_VERSION)"

# The same switch as the Debian package's (packaging/module-switch), with the same state
# directory, so a package installed later takes it over.
STATE_DIR := /var/lib/php$(PHP_VERSION)-memcache-rs
INI := $(PHP_ETC)/mods-available/$(INSTALL_NAME).ini

install:
	@test -f $(SO) || { echo "error: $(SO) is missing; run 'make build' first" >&2; exit 1; }
	@test -w "$$($(PHP_CONFIG_CLI) --extension-dir)" || { echo "error: run make install as root" >&2; exit 1; }
	@! dpkg-query -W -f='$${db:Status-Status}' php$(PHP_VERSION)-memcache-rs 2>/dev/null | grep -qx installed || \
	    { echo "error: php$(PHP_VERSION)-memcache-rs is installed as a package: use apt" >&2; exit 1; }
	dir=$$($(PHP_CONFIG_CLI) --extension-dir); \
	cp $(SO) "$$dir/.$(INSTALL_NAME).so.tmp" && mv -f "$$dir/.$(INSTALL_NAME).so.tmp" "$$dir/$(INSTALL_NAME).so"
	packaging/module-switch carry-over $(PHP_VERSION) $(STATE_DIR)
	packaging/module-switch ini memcache_rs.ini $(PHP_VERSION) $(STATE_DIR) > $(INI).new
	if [ ! -e $(INI) ] || cmp -s $(INI) $(INI).new; then mv -f $(INI).new $(INI); \
	else echo "kept your $(INI); this version's is $(INI).new"; fi
	packaging/module-switch disable-c $(PHP_VERSION) $(STATE_DIR)
	phpenmod -v $(PHP_VERSION) -s ALL $(INSTALL_NAME)
	@$(PHP_CLI) -r 'echo "php cli now loads memcache ", phpversion("memcache") ?: "(not loaded!)", "\n";'
	@echo "restart php$(PHP_VERSION)-fpm (systemctl restart php$(PHP_VERSION)-fpm) to load it there"

# phpdismod -p (forget the module's state) one SAPI at a time: with -s ALL it forgets the state
# of the last SAPI only.
uninstall:
	for sapi in $$(phpquery -S -v $(PHP_VERSION)); do phpdismod -p -v $(PHP_VERSION) -s $$sapi $(INSTALL_NAME); done
	packaging/module-switch restore-c $(PHP_VERSION) $(STATE_DIR)
	rm -f $(INI) $(INI).new "$$($(PHP_CONFIG_CLI) --extension-dir)/$(INSTALL_NAME).so"
	rm -rf $(STATE_DIR)

demo: deps $(EXT_DEPS)
	scripts/demo.sh $(EXT)

# Without PROTOCOL all three phpt runs happen even if one fails (Ctrl-C stops them); the
# last line says under which protocol(s) the suite failed.
test: deps deps-test $(EXT_DEPS)
	$(CARGO_CMD) test --no-default-features
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
	$(CARGO_CMD) test --no-default-features

# PIE's build (phpize, configure, make, make install) on a copy of the tree.
test-phpize:
	scripts/phpize-test.sh

test-php: $(EXT_DEPS)
	scripts/run-phpt.sh $(EXT) $(TESTS)

bench: $(OURS_DEPS)
	scripts/deps.sh bench
	scripts/bench.sh $(OURS)
	scripts/callgrind.sh $(OURS)

callgrind: $(OURS_DEPS)
	scripts/deps.sh bench
	scripts/callgrind.sh $(OURS)

failover-cost: $(OURS_DEPS)
	scripts/failover-cost.sh $(OURS)

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Reliability evidence (README "Reliability"); neither is part of `make test`.
memcheck: $(EXT_DEPS)
	scripts/memcheck.sh $(EXT) $(TESTS)

soak: $(OURS_DEPS)
	scripts/soak.sh $(OURS)

fmt:
	$(CARGO) fmt

lint:
	$(CARGO) fmt --check
	@$(PHP_FOUND)
	$(CARGO_PHP) clippy --all-targets -- -D warnings
	@if command -v shellcheck >/dev/null; then shellcheck scripts/*.sh .ci/run packaging/module-switch \
	    packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm && echo "shellcheck ok"; \
	else echo "shellcheck not installed (apt-get install shellcheck): shell scripts not checked"; fi

clean:
	-scripts/test-env.sh stop
	-$(CARGO_CMD) clean
	rm -rf $(dir $(SO)) build-test
	for t in php-tests/*.phpt; do b=$${t%.phpt}; rm -f $$b.diff $$b.exp $$b.log $$b.out $$b.php $$b.sh $$b.mem $$b.skip.php $$b.clean.php; done

endif
