# NetBook — everything a fresh Debian machine with Swift needs.
#   make run    install what is missing, build the release binaries, install their kernelspec, run a lesson
#   make test   the same install, then swift test, nb-run --check, and the Jupyter tests
#   make lab-test  the lessons in JupyterLab in a headless Chromium (also part of make test)
#   make bench  release build, peers (numpy, torch, ipykernel) side by side
#   make hub-test  a class of 20 users on a real JupyterHub, lesson 03 each (hub/README.md)
#   make fuzz   libFuzzer on cells, CSV, session files and the wire format, then the cell
#               generator through nb-run; FUZZ_SECONDS per target (fuzz/README.md)
SHELL := /bin/bash
SWIFT ?= swift
VENV ?= .venv
PY := $(VENV)/bin/python
DEB_PACKAGES := libopenblas-dev libzmq3-dev pkg-config
# The tests' browser (tests-python/test_lab_browser.py): Debian's Chromium and its driver,
# since Playwright's and selenium's own browser downloads are not reachable here.
TEST_DEB_PACKAGES := chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
# What users run (make run, make bench): optimised, the Swift runtime and Foundation linked
# into each binary, not position-independent. A kernel idles in 21 MB instead of 29 MB
# (bench/README.md, "Kernel memory"). Debug builds stay shared for quick `swift test` links.
RELEASE := -c release --static-swift-stdlib -Xlinker -no-pie
RELEASE_BIN := $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
PY_TEST_TOOLS := jupyter_client jupyter_kernel_test nbclient nbformat ipykernel jupyter_console pexpect pytest numpy nbval papermill pygments jupytext nbgrader jupyterlab selenium

.PHONY: all deps test-deps lab-test venv build release run test test-swift test-notebooks update-notebooks test-python test-nbval kernelspec-venv bench fuzz hub-test clean

all: build

# Debian packages, installed only when missing (safe to run twice).
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(DEB_PACKAGES))

test-deps:
	$(call install_missing,$(TEST_DEB_PACKAGES))

# Python test tools in a virtual environment (never the system's Python).
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(PY_TEST_TOOLS)
	touch $@

# NetBook's Pygments lexer, papermill translator and nbgrader code stub
# (python/netbook_jupyter/README.md), reinstalled whenever its sources change. Into
# another Jupyter's environment: `pip install python/netbook_jupyter`.
PY_PACKAGE := python/netbook_jupyter
$(VENV)/.netbook_jupyter: $(VENV)/.installed $(wildcard $(PY_PACKAGE)/pyproject.toml $(PY_PACKAGE)/netbook_jupyter/*.py $(PY_PACKAGE)/jupyter-config/*.py)
	$(PY) -m pip install -q ./$(PY_PACKAGE)
	touch $@

venv: $(VENV)/.installed $(VENV)/.netbook_jupyter

build: deps
	$(SWIFT) build

# The release binaries users get (`make run` installs a copy of this nb-kernel).
release: deps
	$(SWIFT) build $(RELEASE) --product nb-kernel
	$(SWIFT) build $(RELEASE) --product nb-run

# The kernel goes to ~/.local/share/jupyter/kernels/netbook as a copy of the binary
# (README: "In Jupyter"), so cleaning or moving this checkout breaks no front end.
run: release venv
	$(RELEASE_BIN)/nb-kernel install --user
	@echo "The lexer, papermill translator and nbgrader stub are in $(VENV); for another Jupyter: pip install $(PY_PACKAGE)"
	$(RELEASE_BIN)/nb-run notebooks/03-backprop-by-hand.txt

test: build venv
	$(SWIFT) test
	$(MAKE) test-notebooks
	$(MAKE) test-python
	$(MAKE) test-nbval

# The lessons: notebooks/ in English (the default) and notebooks/ko/, the Korean lessons
# 01–05 with the same code cells (tests-python/test_korean_lessons.py).
NOTEBOOK_DIRS := notebooks notebooks/ko
NOTEBOOK_TXT := $(foreach d,$(NOTEBOOK_DIRS),$(wildcard $(d)/*.txt))
NOTEBOOK_IPYNB := $(foreach d,$(NOTEBOOK_DIRS),$(wildcard $(d)/*.ipynb))

# Every notebook against its stored outputs (NAME.out beside a .txt; the cells of an .ipynb).
test-notebooks: build
	$(BIN)/nb-run --check $(NOTEBOOK_TXT) $(NOTEBOOK_IPYNB)

# Store fresh outputs on purpose, after a notebook or the engine changed (review the diff).
# An .ipynb keeps its own metadata (a ko lesson's "language": "ko") when it is rewritten.
update-notebooks: build
	$(BIN)/nb-run --update $(NOTEBOOK_TXT)
	for f in $(NOTEBOOK_IPYNB); do $(BIN)/nb-run --to ipynb -o "$$f" "$${f%.ipynb}.txt" || exit 1; done

# The kernel inside the venv (like `ipykernel install --sys-prefix`: a copy of the debug
# nb-kernel in .venv/share/jupyter/kernels/netbook), so the tests start it exactly as
# Jupyter does, without touching the user's kernels.
kernelspec-venv: build venv
	$(BIN)/nb-kernel install --prefix $(VENV)

# Protocol tests with the real Jupyter client libraries (README: "Kernel tests"), and the
# lessons in JupyterLab in a headless Chromium (about 80 s of the run).
test-python: kernelspec-venv test-deps
	$(PY) -m pytest -q tests-python

# Only the browser tests (README: "In JupyterLab, in a browser"): JupyterLab serves a copy
# of notebooks/, lessons 03, 06 and 08 run in it, every cell saved as a PNG in .build/lab-test/.
lab-test: kernelspec-venv test-deps
	$(PY) -m pytest -q tests-python/test_lab_browser.py

# nbval: every lesson .ipynb run in the kernel, each output compared with the stored one in
# every MIME type, the full-precision application/vnd.netbook+json included (README: "nbval").
# The venv's kernelspec is this checkout's: jupyter_core 5 prefers the environment's
# kernels to the user's inside a virtual environment (JUPYTER_PREFER_ENV_PATH).
test-nbval: kernelspec-venv
	$(PY) -m pytest -q -p no:cacheprovider --nbval $(NOTEBOOK_IPYNB)

# Speed beside the peers, measured side by side in one run (see bench/README.md).
# PyTorch is optional: its Linux wheel pulls several GB of CUDA libraries, so the
# install gets 15 minutes; without it the table has no PyTorch column.
bench: deps venv
	$(SWIFT) build $(RELEASE) --product nb-bench
	$(SWIFT) build $(RELEASE) --product nb-kernel
	$(SWIFT) build $(RELEASE) --product nb-run
	@$(PY) -c "import torch" 2>/dev/null || timeout 900 $(PY) -m pip install -q torch \
	  || echo "note: PyTorch did not install (time limit or no wheel); the table leaves it out"
	$(PY) bench/run_bench.py --bin "$(RELEASE_BIN)"

# A class of 20 on a real JupyterHub (hub/README.md): not part of `make test` (about
# two minutes, 3.5 GB of memory). Its own environment, .venv-hub, with JupyterHub, the Python
# configurable-http-proxy and JupyterLab; the release kernel installed into it the way
# a hub image installs it (--sys-prefix), so every user's server finds it.
HUB_VENV ?= .venv-hub
HUB_TOOLS := jupyterhub configurable-http-proxy jupyterlab psutil
HUB_USERS ?= 20
$(HUB_VENV)/.installed: Makefile
	python3 -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install -q --upgrade pip
	$(HUB_VENV)/bin/python -m pip install -q $(HUB_TOOLS)
	touch $@

hub-test: release $(HUB_VENV)/.installed
	VIRTUAL_ENV=$(abspath $(HUB_VENV)) $(RELEASE_BIN)/nb-kernel install --sys-prefix
	$(HUB_VENV)/bin/python hub/class_test.py --users $(HUB_USERS) notebooks/03-backprop-by-hand.ipynb

# Fuzzing (fuzz/README.md): each libFuzzer target (sanitizer build in .build-fuzz), then the
# grammar-aware cell generator through nb-run, FUZZ_SECONDS each. Findings land in
# fuzz/crashes-open/; `make test` replays fuzz/corpus/ (FuzzCorpusTests) without the sanitizers.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= cells csv archive wire
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/libfuzzer.sh $(FUZZ_TARGETS)
	$(SWIFT) build --product nb-run
	nice -n 10 python3 fuzz/cellgen.py --nb-run "$(BIN)/nb-run" --seconds $(FUZZ_SECONDS)

clean:
	rm -rf .build $(VENV) $(HUB_VENV)
