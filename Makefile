# coso: the two commands of the quick start, and a few helpers.
#   make run    build, make a fresh demo district, open the REPL on it
#   make test   every test (unit, end-to-end, the REPL in tmux)

SWIFT ?= swift
DEMO_DB ?= demo.db
SEED ?= 1
# System packages the build and the tests need (Debian names); the tests also need chromium, which
# renders the HTML report (`make run` does without it).
PACKAGES := libreadline-dev tmux sqlite3
TEST_PACKAGES := $(PACKAGES) chromium

.PHONY: run test build release demo deps clean

run: deps build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	.build/debug/coso demo district --db $(DEMO_DB) --seed $(SEED)
	.build/debug/coso --db $(DEMO_DB)

test:
	@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES)"
	$(SWIFT) build
	$(SWIFT) test --disable-xctest

build:
	$(SWIFT) build

# An optimised binary with the Swift runtime linked in (starts faster; copy it anywhere). Without
# the $ORIGIN search path SwiftPM adds, which only the Swift runtime's own libraries would need: the
# loader looked for every system library beside the binary first (0.1 ms of each start).
release: deps
	$(SWIFT) build -c release --product coso --static-swift-stdlib --disable-local-rpath
	@echo "built .build/release/coso"

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
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
