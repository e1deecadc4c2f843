# The two commands of the README:
#   make run    set up this machine (Debian 12), build and open Rightsdesk
#   make test   set up this machine and run every test: format, lints, Rust
#               unit/integration/CLI tests, the UI's tests, and the end-to-end
#               tests in a real window under Xvfb.

CARGO ?= cargo
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: setup ui run test rust-checks ui-test e2e bench bindings fuzz

setup:
	bash .ci/setup

ui: setup
	cd ui && npm run build

run: ui
	$(CARGO) run --release --features custom-protocol

# tauri's context macro embeds ui/dist, so the UI is built before any cargo step.
rust-checks: ui
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets --features e2e-dialogs -- -D warnings

ui-test: setup
	cd ui && npm run check && npm test

# One cargo test run builds everything once: the core, the CLI, the window with
# its test-only dialog answers, and runs them all, end-to-end tests included.
test: ui ui-test rust-checks
	xvfb-run -a $(CARGO) test --features e2e-dialogs

bench:
	$(CARGO) bench --no-default-features --bench core
	$(CARGO) bench --no-default-features --bench intake
	$(CARGO) bench --no-default-features --bench redact
	$(CARGO) bench --no-default-features --bench letters

bindings:
	UPDATE_BINDINGS=1 $(CARGO) test --no-default-features --test bindings

# Fuzz one parser front door (parse_eml, parse_mbox, parse_msg). cargo-fuzz needs
# nightly features; RUSTC_BOOTSTRAP lets the stable toolchain provide them.
# -O builds as shipped, without debug assertions but with overflow checks:
# mail-parser 0.11.9 has a debug_assert!(false) that a mangled bounce reaches
# (that input is kept in tests/fixtures/hostile/ and imported by tests/threads.rs).
TARGET ?= parse_eml
SECONDS ?= 600
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C overflow-checks=on" cargo fuzz run -O --fuzz-dir tests/fuzz $(TARGET) -- -max_total_time=$(SECONDS) -rss_limit_mb=4096
