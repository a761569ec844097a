"""`make prod-lokal` (scripts/prod_lokal.sh + Procfile) brings up gunicorn, a Celery worker and
Celery beat against the real PostgreSQL and Redis of this machine, and /healthz is green."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.betrieb

PROJEKT = Path(__file__).resolve().parents[2]


def _freier_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _holen(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwort:  # noqa: S310 — local http only
            return antwort.status, antwort.read()
    except urllib.error.HTTPError as fehler:
        return fehler.code, fehler.read()


def _datenbank_loeschen(basis: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{basis}/postgres", autocommit=True) as verbindung:
        verbindung.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def topologie(dienste, tmp_path):
    postgres, redis = dienste
    datenbank = f"lk_betrieb_{uuid.uuid4().hex[:10]}"
    port = _freier_port()
    umgebung = {
        **os.environ,
        "DATABASE_URL": f"{postgres}/{datenbank}",
        "CELERY_BROKER_URL": f"{redis}/12",
        "CACHE_URL": f"{redis}/11",
        "PORT": str(port),
        "LERNKETTE_STATIC_ROOT": str(tmp_path / "static"),
        "LERNKETTE_MEDIA_ROOT": str(tmp_path / "media"),
        "LERNKETTE_PRIVATE_ROOT": str(tmp_path / "privat"),
        "LERNKETTE_BEAT_DATEI": str(tmp_path / "beat-schedule"),
        "WEB_CONCURRENCY": "2",
        "CELERY_CONCURRENCY": "1",
    }
    umgebung.pop("DJANGO_SECRET_KEY", None)
    protokoll = (tmp_path / "prod-lokal.log").open("w")
    prozess = subprocess.Popen(  # noqa: S603 — our own script, fixed arguments
        [str(PROJEKT / "scripts" / "prod_lokal.sh")],
        cwd=PROJEKT,
        env=umgebung,
        stdout=protokoll,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield prozess, f"http://127.0.0.1:{port}", umgebung, tmp_path / "prod-lokal.log"
    finally:
        if prozess.poll() is None:
            prozess.send_signal(signal.SIGTERM)
            try:
                prozess.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(prozess.pid, signal.SIGKILL)
                prozess.wait(timeout=10)
        protokoll.close()
        _datenbank_loeschen(postgres, datenbank)


def _warten_auf_gesund(prozess, basis: str, log: Path, frist: float = 240) -> dict:
    ende = time.monotonic() + frist
    letzte = None
    while time.monotonic() < ende:
        if prozess.poll() is not None:
            pytest.fail(f"prod-lokal endete vorzeitig:\n{log.read_text()[-4000:]}")
        try:
            status, inhalt = _holen(f"{basis}/healthz")
        except OSError:
            time.sleep(1)
            continue
        letzte = (status, inhalt)
        if status == 200:
            return json.loads(inhalt)
        time.sleep(1)
    pytest.fail(f"/healthz wurde nicht grün: {letzte}\n{log.read_text()[-4000:]}")


def _worker_antwortet(broker_url: str, frist: float = 60) -> list:
    from celery import Celery

    app = Celery(broker=broker_url, set_as_current=False)
    ende = time.monotonic() + frist
    try:
        while time.monotonic() < ende:
            antworten = app.control.ping(timeout=2)
            if antworten:
                return antworten
            time.sleep(1)
    finally:
        app.close()
    return []


def _verbindungen_trennen(datenbank_url: str) -> int:
    import psycopg

    basis, name = datenbank_url.rsplit("/", 1)
    with psycopg.connect(f"{basis}/postgres", autocommit=True) as verbindung:
        getrennt = verbindung.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchone()[0]
    return getrennt


def _gruppe_beendet(gruppe: int, frist: float = 15) -> bool:
    """Nothing of the process group is left (pool children and log pipes end a moment later)."""
    ende = time.monotonic() + frist
    while time.monotonic() < ende:
        try:
            os.killpg(gruppe, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.5)
    return False


def test_prod_lokal_startet_gesund_und_endet_sauber(topologie):
    prozess, basis, umgebung, log = topologie

    gesundheit = _warten_auf_gesund(prozess, basis, log)
    assert gesundheit["status"] == "ok"
    assert gesundheit["database"] == {"status": "ok", "engine": "postgresql"}
    assert gesundheit["cache"] == {"status": "ok"}
    assert gesundheit["broker"] == {"status": "ok", "modus": "broker"}

    # The worker of the Procfile is connected to the same broker and answers.
    antworten = _worker_antwortet(umgebung["CELERY_BROKER_URL"])
    assert any(next(iter(a)).startswith("lernkette-worker-") for a in antworten), antworten

    # whitenoise serves the collected static files from gunicorn itself.
    status, inhalt = _holen(f"{basis}/static/css/lernkette.css")
    assert status == 200
    assert inhalt

    # Production settings are in force: no debug page for an unknown path.
    status, inhalt = _holen(f"{basis}/gibt-es-nicht-{uuid.uuid4().hex}/")
    assert status == 404
    assert b"Traceback" not in inhalt

    # PostgreSQL drops every connection of the app (restart, failover): the next requests of
    # both gunicorn workers reconnect instead of failing (CONN_HEALTH_CHECKS).
    assert _verbindungen_trennen(umgebung["DATABASE_URL"]) > 0
    for _ in range(6):
        status, inhalt = _holen(f"{basis}/healthz")
        assert status == 200, inhalt

    text = log.read_text()
    assert "[beat]" in text
    assert "[worker]" in text

    # SIGTERM stops every process of the set, and the script ends.
    prozess.send_signal(signal.SIGTERM)
    assert prozess.wait(timeout=40) == 0
    with pytest.raises(OSError):
        _holen(f"{basis}/healthz")
    assert _gruppe_beendet(prozess.pid), "Prozesse von prod-lokal laufen nach SIGTERM weiter"
