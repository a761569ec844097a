#!/usr/bin/env bash
# Installs the independent Open Badges verifier (the Digital Credentials Consortium's npm packages,
# pinned by tests/openbadges/js/package-lock.json) that tests/openbadges/test_unabhaengig.py runs.
# Only for the tests: nothing of it is served or used at run time.
set -euo pipefail
cd "$(dirname "$0")/../tests/openbadges/js"
stempel=node_modules/.lernkette-version
version=$(sha256sum package-lock.json | cut -c1-16)
if [ -f "$stempel" ] && [ "$(cat "$stempel")" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm fehlt: die unabhängige Open-Badges-Prüfung wird übersprungen (apt-get install npm)." >&2
  exit 0
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$version" > "$stempel"
echo "Open-Badges-Prüfer (npm) in tests/openbadges/js/node_modules installiert."
