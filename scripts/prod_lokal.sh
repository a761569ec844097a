#!/usr/bin/env bash
# `make prod-lokal`: the production topology of the Procfile (gunicorn, Celery worker, Celery beat)
# on this machine, against PostgreSQL and Redis from the environment (docs/betrieb.md).
# Unset variables get local defaults; Strg+C (SIGINT) or SIGTERM stops every process.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
export DJANGO_SETTINGS_MODULE=config.settings.production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lernkette_prod_lokal}"
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}"
export CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/1}"
# Local trial over plain HTTP: no redirect to HTTPS, cookies also without TLS. A real deployment
# sits behind a TLS proxy and keeps the production defaults (both on).
export DJANGO_SECURE_SSL_REDIRECT="${DJANGO_SECURE_SSL_REDIRECT:-false}"
export LERNKETTE_COOKIES_NUR_HTTPS="${LERNKETTE_COOKIES_NUR_HTTPS:-false}"
export DJANGO_SECURE_HSTS_SECONDS="${DJANGO_SECURE_HSTS_SECONDS:-0}"
export LERNKETTE_MFA_PFLICHT="${LERNKETTE_MFA_PFLICHT:-false}"
export PORT="${PORT:-8000}"
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  # A fresh key per start: sessions of an earlier start end, which is fine for a local trial.
  DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
  export DJANGO_SECRET_KEY
  echo "prod-lokal: DJANGO_SECRET_KEY nicht gesetzt, ein zufälliger Schlüssel gilt für diesen Start."
fi

versteckt() { python -c 'import re,sys; print(re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", sys.argv[1]))' "$1"; }
echo "prod-lokal: Datenbank $(versteckt "$DATABASE_URL")"
echo "prod-lokal: Broker    $(versteckt "$CELERY_BROKER_URL")"
echo "prod-lokal: Cache     $(versteckt "$CACHE_URL")"

python manage.py datenbank_anlegen
python manage.py migrate --noinput -v 0
python manage.py collectstatic --noinput -v 0
python manage.py openbadges_schluessel --wenn-fehlt >/dev/null  # issuer key (check --deploy W001)
if [ "${PROD_LOKAL_DEMO:-0}" = "1" ]; then
  python manage.py demo_anlegen
fi

pids=()
beenden() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    lebt=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && lebt=1; done
    [ "$lebt" = 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
trap 'beenden; exit 0' INT TERM
trap beenden EXIT

while IFS= read -r zeile; do
  case "$zeile" in ''|'#'*) continue ;; esac
  name="${zeile%%:*}"
  befehl="${zeile#*:}"
  # Each process gets its own prefix in the shared log; `exec` keeps the pid the process's own.
  bash -c "exec $befehl" > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=("$!")
  echo "prod-lokal: $name gestartet (pid $!)"
done < Procfile
echo "prod-lokal: http://127.0.0.1:$PORT/healthz (Strg+C beendet alle Prozesse)"

# One process ending ends the whole set: a half-running topology is worse than none.
set +e
wait -n "${pids[@]}"
status=$?
echo "prod-lokal: ein Prozess endete (Status $status), alle werden beendet."
exit "$status"
