# bmcanvas — `make run` sets up a fresh Debian/Ubuntu machine with Go and
# opens the editor; `make test` runs every check the project has.

GO      ?= go
TAGS    := -tags migrated_fynedo
BIN     := bmcanvas
EXAMPLE := assets/examples/bakery.yaml
FUZZTIME ?= 3s

# Debian packages: a C compiler and the X11/GL headers Fyne's driver needs,
# Xvfb and xdotool for the end-to-end test, poppler-utils for PDF checks,
# and fonts for every script the editor and posters draw (Chinese,
# Japanese, Korean; Arabic, Hebrew, Devanagari and the rest; colour emoji).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	xvfb xauth xdotool poppler-utils imagemagick fonts-droid-fallback \
	fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji

STATICCHECK_VERSION := v0.8.2

.PHONY: all deps build run test lint vet unit fuzz-smoke e2e bench fuzz clean

all: build

## deps: install the Debian packages that are missing (uses sudo when not root)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## build: build the bmcanvas binary
build: deps
	$(GO) build $(TAGS) -o $(BIN) .

## run: build and open the editor on a copy of the bundled bakery example
## (in .run/, so that saving never changes the example the tests check)
run: build
	@mkdir -p .run
	@[ -f .run/bakery.yaml ] || cp $(EXAMPLE) .run/bakery.yaml
	./$(BIN) .run/bakery.yaml

## test: vet, staticcheck, unit and widget tests, fuzz smoke, end-to-end under Xvfb
test: deps lint unit fuzz-smoke e2e

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet $(TAGS) ./...
	@command -v staticcheck >/dev/null 2>&1 || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck $(TAGS) ./...

unit:
	$(GO) test $(TAGS) ./...

## fuzz-smoke: run every fuzz target briefly (FUZZTIME each)
fuzz-smoke:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

## e2e: drive the real binary under Xvfb
e2e: build
	scripts/e2e.sh ./$(BIN)

## bench: run the benchmarks the issues name
bench:
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

## fuzz: run every fuzz target for longer (FUZZTIME=2m make fuzz)
fuzz:
	FUZZTIME=$${FUZZTIME:-1m} scripts/fuzz.sh

clean:
	rm -f $(BIN)
