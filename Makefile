# Lernkette — the two commands for a fresh machine are `make run` and `make test`.
SHELL := /bin/bash
PYTHON_BASIS ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test lint format bench screenshots lock install install-dev frontend vorbereiten clean \
	prod-lokal last openbadges-pruefer

$(VENV)/bin/python:
	@command -v $(PYTHON_BASIS) >/dev/null || { echo "$(PYTHON_BASIS) fehlt"; exit 1; }
	$(PYTHON_BASIS) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.basis: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.basis
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.basis
install-dev: $(VENV)/.dev

frontend:
	scripts/vendor_frontend.sh

# Translations are compiled at install; .mo files are not committed.
vorbereiten: frontend
	$(PY) manage.py compilemessages --ignore ".venv/*" --ignore "frontend/*" -v 0

# The site address (QR codes, e-mails, Open Badges) follows the port unless set explicitly.
run: export LERNKETTE_SITE_URL ?= http://127.0.0.1:$(PORT)
run: install vorbereiten
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py demo_anlegen
	@echo "Lernkette läuft auf http://127.0.0.1:$(PORT)/ (Strg+C beendet)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload

# Production topology (Procfile: gunicorn, Celery worker, Celery beat) against PostgreSQL and Redis
# from DATABASE_URL, CELERY_BROKER_URL, CACHE_URL (local defaults: scripts/prod_lokal.sh).
prod-lokal: install vorbereiten
	scripts/prod_lokal.sh

# The independent Open Badges verifier (npm, tests only): tests/openbadges/test_unabhaengig.py.
openbadges-pruefer:
	scripts/openbadges_pruefer.sh

test: install-dev vorbereiten openbadges-pruefer
	@if [ -x /usr/bin/chromium ]; then echo "Browser-Tests: Chromium gefunden (/usr/bin/chromium)."; \
	else echo "Browser-Tests werden ÜBERSPRUNGEN: /usr/bin/chromium fehlt (apt-get install chromium)."; fi
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m djhtml --check templates
	$(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .
	$(PY) -m djhtml templates

# PNGs of the pages in tests/browser/seiten.py (BILDSCHIRMFOTOS), desktop and mobile width.
screenshots: install-dev vorbereiten
	@[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium fehlt (apt-get install chromium)."; exit 1; }
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -m screenshots tests/browser -q $(PYTEST_ARGS)
	@ls -1 test-artifacts/screenshots/*.png

bench: install-dev vorbereiten
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) bench/alle.py

# Load test against the production topology on PostgreSQL/Redis (bench/last.py; not in `make test`).
last: install-dev vorbereiten
	$(PY) bench/last.py

# Pins every transitive dependency after a change of pyproject.toml.
lock: $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m pip freeze --exclude-editable | grep -v "^-e" > constraints.txt

clean:
	rm -rf $(VENV) staticfiles static/vendor frontend/node_modules tests/openbadges/js/node_modules \
		db.sqlite3
