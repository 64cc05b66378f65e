# Jimo Inspector — `make run` opens the app on its demo session, `make test` runs every test.
# Both bootstrap uv into .tools/ when it is not on PATH, then install the pinned environment.

SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
QT_LIBS := libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core
QT_X11_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
TEST_TIMEOUT ?= 1500
LDCONFIG := $(shell command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)

.PHONY: run test sync bench lint check-qt-libs screenshots

# uv from PyPI into .tools/: a venv when the Python has one, else a plain --target install
# (Debian's python3 without the python3-venv package).
.tools/bin/uv:
	@echo "uv not found on PATH: installing it into .tools/"
	@( $(PYTHON) -m venv .tools >/dev/null 2>&1 && .tools/bin/python -m pip install --quiet uv ) || \
	( rm -rf .tools && $(PYTHON) -m pip install --quiet --target .tools/lib uv && \
	  mkdir -p .tools/bin && ln -sf ../lib/bin/uv .tools/bin/uv )

sync: $(UV)
	$(UV) sync --frozen

check-qt-libs:
	@missing=""; for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3; do \
	  $(LDCONFIG) -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Qt needs system libraries that are missing:$$missing"; \
	  echo "Install them with:"; \
	  echo "  sudo apt-get install -y $(QT_LIBS)"; \
	  echo "and, to open a window on X11, also:"; \
	  echo "  sudo apt-get install -y $(QT_X11_LIBS)"; \
	  exit 1; fi

run: sync check-qt-libs
	$(UV) run jimo-inspector

test: sync check-qt-libs
	QT_QPA_PLATFORM=offscreen timeout -s KILL $(TEST_TIMEOUT) $(UV) run pytest -q

lint: sync
	$(UV) run ruff check inspector tests bench
	$(UV) run lint-imports
	$(UV) run mypy --strict inspector

bench: sync
	for script in bench/*.py; do echo "== $$script"; $(UV) run python $$script || exit 1; done
