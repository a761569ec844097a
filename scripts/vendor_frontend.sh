#!/usr/bin/env bash
# Fetches the pinned front-end packages from npm and copies what the pages need into static/vendor/.
# Nothing is loaded from a CDN at run time. h5p-standalone declares `preinstall: npx only-allow yarn`,
# which fails offline, hence --ignore-scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
ziel=static/vendor
stempel="$ziel/.version"
version=$(sha256sum frontend/package.json | cut -c1-16)
if [ -f "$stempel" ] && [ "$(cat "$stempel")" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm fehlt: bitte Node.js/npm installieren (Debian: apt-get install npm)." >&2
  exit 1
fi
(cd frontend && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
rm -rf "$ziel"
mkdir -p "$ziel/h5p-standalone" "$ziel/axe-core"
cp -R frontend/node_modules/h5p-standalone/dist/. "$ziel/h5p-standalone/"
cp frontend/node_modules/axe-core/axe.min.js "$ziel/axe-core/"
cp frontend/node_modules/h5p-standalone/LICENSE* "$ziel/h5p-standalone/" 2>/dev/null || true
cp frontend/node_modules/axe-core/LICENSE* "$ziel/axe-core/" 2>/dev/null || true
echo "$version" > "$stempel"
echo "Front-end-Pakete nach $ziel kopiert."
