# The two commands of the README: `make run` starts the chat, `make test` runs the tests.
# Both install what a fresh machine lacks (libedit-dev for the terminal chat).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build release score lint

deps:
	@if ! pkg-config --exists libedit 2>/dev/null || [ ! -f /usr/include/histedit.h ]; then \
		echo "installing libedit-dev (terminal line editing)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

run: deps
	swift build -c release --product advisor
	.build/release/advisor

test: deps
	swift test

release: deps
	swift build -c release --product advisor

score: release
	python3 scripts/score_gate.py .build/release/advisor

lint:
	swift format lint --strict -r Sources Tests
