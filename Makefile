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
	fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji librsvg2-bin

# make install needs only these (and shared-mime-info, there on any desktop).
BUILD_DEB_PACKAGES := $(DEB_PACKAGES)

# For make dist and the install checks: the Windows cross-compiler, xz and
# zip, and the desktop tools that check and query what make install puts in
# place (desktop-file-validate, appstreamcli, update-mime-database, xdg-mime
# and the mimetype command it asks).
DEB_PACKAGES += gcc-mingw-w64-x86-64 xz-utils zip desktop-file-utils appstream \
	shared-mime-info xdg-utils libfile-mimeinfo-perl

# wine runs the Windows build for wine-check; make deps-wine installs it
# (about 100 packages, so make deps leaves it out).
WINE_PACKAGES := wine wine64

# make install puts bmcanvas under PREFIX (bin/, share/) for one user.
PREFIX ?= $(HOME)/.local

STATICCHECK_VERSION := v0.8.2

.PHONY: all deps deps-wine build run test lint vet unit fuzz-smoke e2e bench bench-cli fuzz clean \
	install uninstall dist install-check dist-check wine-check

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

## test: vet, staticcheck, unit and widget tests, fuzz smoke, end-to-end under Xvfb,
## make install/uninstall into a temporary home, reproducible release archives,
## the Windows build under wine (when wine is installed)
test: deps lint unit fuzz-smoke e2e install-check dist-check wine-check

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

## deps-wine: install wine, which wine-check needs to run the Windows build
deps-wine:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(WINE_PACKAGES)"

## bench: run the benchmarks the issues name
bench:
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

## bench-cli: time whole bmcanvas processes, start to exit (--version, export
## of the bakery, diff and merge of 1,000-note canvases): median wall and CPU
## time of 21 runs each, with the load average
bench-cli: build
	scripts/bench-cli.sh ./$(BIN)

## fuzz: run every fuzz target for longer (FUZZTIME=2m make fuzz)
fuzz:
	FUZZTIME=$${FUZZTIME:-1m} scripts/fuzz.sh

## install: build and install for this user under PREFIX (default ~/.local):
## the binary, the menu entry, the canvas file type, icons, AppStream metadata
install:
	@$(MAKE) --no-print-directory build DEB_PACKAGES="$(BUILD_DEB_PACKAGES)"
	scripts/dist.sh layout ./$(BIN) build/stage
	sh scripts/install.sh --from build/stage --prefix "$(PREFIX)" $(if $(DESTDIR),--destdir "$(DESTDIR)")

## uninstall: remove what make install put under PREFIX
uninstall:
	sh scripts/install.sh --uninstall --prefix "$(PREFIX)" $(if $(DESTDIR),--destdir "$(DESTDIR)")

## dist: release archives in dist/: Linux tar.xz, Windows zip (cross-compiled), SHA256SUMS
dist: deps
	scripts/dist.sh

## install-check: make install and make uninstall into a temporary home
install-check: build
	scripts/install-check.sh ./$(BIN)

## dist-check: make dist twice, the second time from a copy elsewhere: same bytes
dist-check: deps
	scripts/dist-check.sh

## wine-check: the Windows build under wine: commands on the examples, PDFs
## byte-identical to the Linux build's, a screenshot of the editor (skipped
## when wine is not installed; make deps-wine installs it)
wine-check: dist-check
	scripts/wine-check.sh dist

clean:
	rm -f $(BIN)
	rm -rf build
