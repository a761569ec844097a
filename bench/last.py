"""Load test of the production topology: ``make last`` (not part of the test run).

Starts ``scripts/prod_lokal.sh`` (gunicorn with 2 workers, Celery worker and beat) against a fresh
PostgreSQL database with the demo content, enrols N extra participants in the demo cohort and lets
each of them, in its own thread, browse the dashboard and the lessons and post xAPI statements for
the demo H5P activity for DAUER seconds. Prints throughput, p50/p95/p99 per kind of request,
errors, and statements sent vs. stored; exits with 1 on an error or a lost statement.

Sessions are created in the database (force_login with the server's secret key), not by posting
the login form: allauth allows 30 logins per minute and address, and all participants come from
127.0.0.1 here. Environment: LAST_NUTZER (50), LAST_DAUER (60), LERNKETTE_TEST_POSTGRES_URL,
LERNKETTE_TEST_REDIS_BASIS (as in tests/betrieb).

xAPI is rate-limited per user (LERNKETTE_DROSSELUNG["xapi"], 600/min): each participant waits for
every answer and sends one statement per three requests, far below it; a 429 counts as an error.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

PROJEKT = Path(__file__).resolve().parent.parent
NUTZER = int(os.environ.get("LAST_NUTZER", "50"))
DAUER = float(os.environ.get("LAST_DAUER", "60"))
POSTGRES = os.environ.get("LERNKETTE_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("LERNKETTE_TEST_REDIS_BASIS", "redis://127.0.0.1:6379")
TMP = Path(tempfile.gettempdir())
RUNDE_MIN = 0.25  # s per round of dashboard, lesson, statement: ≤ 240 statements/min per user
CSRF = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret for cookie and header


def _freier_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _starten(umgebung: dict, protokoll) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 — our own script
        [str(PROJEKT / "scripts" / "prod_lokal.sh")],
        cwd=PROJEKT,
        env=umgebung,
        stdout=protokoll,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _warten(prozess: subprocess.Popen, basis: str, frist: float = 600) -> None:
    ende = time.monotonic() + frist
    while time.monotonic() < ende:
        if prozess.poll() is not None:
            raise SystemExit(
                f"prod-lokal endete vorzeitig (Protokoll: {TMP / 'lernkette-last.log'})"
            )
        try:
            with urllib.request.urlopen(f"{basis}/healthz", timeout=5) as antwort:  # noqa: S310
                if antwort.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(1)
    raise SystemExit("/healthz wurde nicht grün")


def _vorbereiten(anzahl: int) -> tuple[list[str], list[str], str, list[int]]:
    """Enrol the load participants; return session keys, lesson paths, xAPI path, user ids."""
    import django

    django.setup()
    from django.db.models import F
    from django.test import Client

    from kern import rollen
    from kern.demo import konto_anlegen
    from kurse.demo import _einschreiben
    from kurse.demo_inhalte import TEILNEHMENDE
    from kurse.h5p_anbindung import h5p_bloecke
    from kurse.models import Durchgang, LektionSeite

    durchgang = Durchgang.objects.order_by("pk").first()
    Durchgang.objects.filter(pk=durchgang.pk).update(kapazitaet=F("kapazitaet") + anzahl)
    durchgang.refresh_from_db()
    lektionen = list(LektionSeite.objects.live().descendant_of(durchgang.kurs))
    pfade = [lektion.get_url() for lektion in lektionen]
    h5p = next((lektion, block) for lektion in lektionen for block in h5p_bloecke(lektion))
    xapi = f"/h5p/seiten/{h5p[0].pk}/pakete/{h5p[1]['paket']}/xapi/"

    sitzungen, ids = [], []
    for nummer in range(anzahl):
        nutzer = konto_anlegen(
            email=f"last-{nummer:03d}@last.lernkette.example",
            vorname="Last",
            nachname=f"Test {nummer}",
            rolle=rollen.TEILNEHMENDE,
        )
        vorlage = TEILNEHMENDE[nummer % len(TEILNEHMENDE)]
        # Enrolled explicitly, as an administrator would: the running demo cohort is half over,
        # so the attendance rule refuses self-enrolment there.
        if not _einschreiben(
            nutzer, durchgang, vorlage, nummer, sys.stdout, anwesenheit_pruefen=False
        ):
            raise SystemExit(f"{nutzer.email} konnte nicht angemeldet werden")
        client = Client()
        client.force_login(nutzer)
        sitzungen.append(client.cookies["sessionid"].value)
        ids.append(nutzer.pk)
    return sitzungen, pfade, xapi, ids


class Messung:
    def __init__(self) -> None:
        self.sperre = threading.Lock()
        self.zeiten: dict[str, list[float]] = defaultdict(list)
        self.fehler: dict[str, int] = defaultdict(int)
        self.gesendet = 0
        self.bestaetigt = 0

    def eintragen(self, art: str, ms: float, ok: bool) -> None:
        with self.sperre:
            self.zeiten[art].append(ms)
            if not ok:
                self.fehler[art] += 1


def _anfrage(basis: str, sitzung: str, pfad: str, daten: bytes | None = None) -> tuple[int, bytes]:
    anfrage = urllib.request.Request(basis + pfad, data=daten, method="POST" if daten else "GET")  # noqa: S310
    anfrage.add_header("Cookie", f"sessionid={sitzung}; csrftoken={CSRF}")
    if daten:
        anfrage.add_header("Content-Type", "application/json")
        anfrage.add_header("X-CSRFToken", CSRF)
    try:
        with urllib.request.urlopen(anfrage, timeout=30) as antwort:  # noqa: S310
            return antwort.status, antwort.read()
    except urllib.error.HTTPError as fehler:
        return fehler.code, fehler.read()


def _teilnehmen(basis, sitzung, pfade, xapi, ende, messung: Messung) -> None:
    zufall = random.Random(sitzung)
    while time.monotonic() < ende:
        runde = time.monotonic()
        schritte = [("dashboard", "/mein-lernen/", None), ("lektion", zufall.choice(pfade), None)]
        aussage = {
            "verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"},
            "object": {"id": f"urn:lernkette:last:{uuid.uuid4()}"},
        }
        schritte.append(("xapi", xapi, json.dumps(aussage).encode()))
        for art, pfad, daten in schritte:
            start = time.perf_counter()
            try:
                status, inhalt = _anfrage(basis, sitzung, pfad, daten)
                ok = status == 200 and (art != "xapi" or b'"gespeichert": true' in inhalt)
            except OSError:
                ok = False
            if art == "xapi":
                with messung.sperre:
                    messung.gesendet += 1
                    messung.bestaetigt += ok
            messung.eintragen(art, (time.perf_counter() - start) * 1000, ok)
        # At most one statement per RUNDE_MIN seconds and participant: below the xAPI rate limit
        # (LERNKETTE_DROSSELUNG["xapi"], 600/min per user) even on a fast, idle machine.
        time.sleep(max(0.0, RUNDE_MIN - (time.monotonic() - runde)))


def _perzentil(werte: list[float], p: float) -> float:
    if len(werte) < 2:
        return werte[0] if werte else 0.0
    return statistics.quantiles(werte, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    datenbank = f"lk_last_{uuid.uuid4().hex[:8]}"
    port = _freier_port()
    schluessel = secrets.token_urlsafe(64)
    umgebung = {
        **os.environ,
        "DATABASE_URL": f"{POSTGRES}/{datenbank}",
        "CELERY_BROKER_URL": f"{REDIS}/12",
        "CACHE_URL": f"{REDIS}/11",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "CELERY_CONCURRENCY": "1",
        "DJANGO_SECRET_KEY": schluessel,
        "PROD_LOKAL_DEMO": "1",
        "LERNKETTE_STATIC_ROOT": str(TMP / "lernkette-last-static"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    # The participants are prepared in this process, on the same database and secret key.
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=umgebung["DATABASE_URL"],
        CACHE_URL=umgebung["CACHE_URL"],
        CELERY_BROKER_URL=umgebung["CELERY_BROKER_URL"],
        DJANGO_SECRET_KEY=schluessel,
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    sys.path.insert(0, str(PROJEKT))
    basis = f"http://127.0.0.1:{port}"
    with open(TMP / "lernkette-last.log", "w") as protokoll:
        prozess = _starten(umgebung, protokoll)
        try:
            _warten(prozess, basis)
            sitzungen, pfade, xapi, ids = _vorbereiten(NUTZER)
            print(f"{NUTZER} Teilnehmende, {len(pfade)} Lektionen, {DAUER:.0f} s gegen {basis}")
            messung = Messung()
            ende = time.monotonic() + DAUER
            faeden = [
                threading.Thread(target=_teilnehmen, args=(basis, s, pfade, xapi, ende, messung))
                for s in sitzungen
            ]
            start = time.monotonic()
            for faden in faeden:
                faden.start()
            for faden in faeden:
                faden.join()
            dauer = time.monotonic() - start

            from h5p.models import XAPIAussage

            gespeichert = XAPIAussage.objects.filter(nutzer_id__in=ids).count()
        finally:
            if prozess.poll() is None:
                prozess.send_signal(signal.SIGTERM)
                try:
                    prozess.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(prozess.pid, signal.SIGKILL)
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as verbindung:
                verbindung.execute(f'DROP DATABASE IF EXISTS "{datenbank}" WITH (FORCE)')

    alle = [ms for werte in messung.zeiten.values() for ms in werte]
    fehler = sum(messung.fehler.values())
    print(f"| last | Anfragen | {len(alle)} in {dauer:.1f} s = {len(alle) / dauer:.1f}/s |")
    for art in ("dashboard", "lektion", "xapi"):
        werte = messung.zeiten[art]
        print(
            f"| last | {art} | n={len(werte)} p50={_perzentil(werte, 50):.0f} ms "
            f"p95={_perzentil(werte, 95):.0f} ms p99={_perzentil(werte, 99):.0f} ms "
            f"Fehler={messung.fehler[art]} |"
        )
    print(
        f"| last | xAPI-Aussagen | gesendet={messung.gesendet} bestätigt={messung.bestaetigt} "
        f"gespeichert={gespeichert} |"
    )
    verloren = messung.gesendet - gespeichert
    print(f"| last | Fehler / verloren | {fehler} / {verloren} | Ziel 0 / 0 |")
    return 0 if fehler == 0 and verloren == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
