# coso: the two commands of the quick start, and a few helpers.
#   make run    build, make the demo district if there is none yet, open the REPL on it (what was
#               done in it before is kept: `make demo` makes a fresh one)
#   make test   every test (unit, end-to-end, the REPL in tmux), then the worked module of
#               Examples/Assignments, built as an outside author builds it (its own package)

SWIFT ?= swift
DEMO_DB ?= demo.db
SEED ?= 1
# System packages the build and the tests need (Debian names): zlib for the .xlsx files' zip layer;
# the tests also need chromium, which renders the HTML report and the documents, less, the REPL's
# pager, LibreOffice's spreadsheet (without its desktop), which opens the .xlsx files coso writes
# and makes one of its own, and unzip (`make run` does without them).
PACKAGES := libreadline-dev zlib1g-dev tmux sqlite3
TEST_PACKAGES := $(PACKAGES) chromium less libreoffice-calc-nogui unzip

.PHONY: run test build release release-link release-floor demo deps clean

run: deps build
	@if [ -f $(DEMO_DB) ]; then echo "coso: mở lại $(DEMO_DB) với những gì đã làm trong đó (make demo để tạo lại từ đầu)"; \
	else .build/debug/coso demo district --db $(DEMO_DB) --seed $(SEED); fi
	.build/debug/coso --db $(DEMO_DB)

EXAMPLE_MODULE := Examples/Assignments

test:
	@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES)"
	$(SWIFT) build
	$(SWIFT) test --disable-xctest
	bench/fuzz.sh 20000
	$(SWIFT) build --package-path $(EXAMPLE_MODULE)
	$(SWIFT) test --disable-xctest --package-path $(EXAMPLE_MODULE)

build:
	$(SWIFT) build

# An optimised binary with the Swift runtime linked in (starts faster; copy it anywhere), built
# the same way by every bench script (`make release`). Without the $ORIGIN search path SwiftPM adds,
# which only the Swift runtime's own libraries would need: the loader looked for every system library
# beside the binary first (0.1 ms of each start). Generic types' metadata made by direct calls rather
# than from mangled names demangled and checked at run time (GRDB's most: 0.3 ms of each start).
# SQLite, readline with its terminfo, and libstdc++ (which the ICU inside Foundation needs) linked
# from their static archives where the machine has them (`release-link`; otherwise from their shared
# libraries as before), and only `main` left in the dynamic symbol table (the toolchain's
# -export-dynamic put the package's 7,800 public symbols there): the loader no longer maps those
# libraries and binds their 4,100 symbols at every start (1.1-1.7 ms of a `coso -c` run: bench/RESULTS.md).
LINK_DIR := $(CURDIR)/.build/release-link
LINK_CC := $(shell command -v clang 2>/dev/null || echo cc)
RELEASE_FLAGS := -c release --static-swift-stdlib --disable-local-rpath \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -L$(LINK_DIR) -Xlinker -ltinfo -Xlinker --version-script=$(LINK_DIR)/exports.map
release: deps release-link
	$(SWIFT) build $(RELEASE_FLAGS) --product coso
	@echo "built .build/release/coso"

# A directory searched first for the libraries the release build links, holding the static archive
# of each that the C compiler finds, and the dynamic symbols to keep.
release-link:
	@mkdir -p $(LINK_DIR)
	@printf '{\n  global: main;\n  local: *;\n};\n' > $(LINK_DIR)/exports.map
	@for lib in stdc++ sqlite3 readline tinfo; do \
	    archive=$$($(LINK_CC) -print-file-name=lib$$lib.a); \
	    if [ -f "$$archive" ]; then ln -sf "$$archive" $(LINK_DIR)/lib$$lib.a; else rm -f $(LINK_DIR)/lib$$lib.a; fi; \
	done
	@# SwiftPM relinks only when its own inputs change: when the archives linked (or their dates)
	@# change, the binary goes, so that the next build links what the machine now has.
	@for a in $(LINK_DIR)/*.a; do [ -e "$$a" ] && echo "$$a $$(readlink "$$a") $$(stat -L -c %Y "$$a")"; done > $(LINK_DIR)/archives.new; \
	if cmp -s $(LINK_DIR)/archives.new $(LINK_DIR)/archives; then rm -f $(LINK_DIR)/archives.new; \
	else mv $(LINK_DIR)/archives.new $(LINK_DIR)/archives; rm -f .build/*/release/coso; fi

# bench/startup.sh's floor, a Swift program that only starts with Foundation, built like coso.
release-floor: release-link
	$(SWIFT) build $(RELEASE_FLAGS) --package-path bench/startup-floor

demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	.build/debug/coso demo district --db $(DEMO_DB) --seed $(SEED)

# Installs only what is missing, so a machine that has everything never touches the network.
deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get update && $$SUDO apt-get install -y $$missing; \
	fi

clean:
	rm -rf .build $(EXAMPLE_MODULE)/.build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
