"""Fault tests of the production topology (docs/betrieb.md, "Störungstests"): real gunicorn and
Celery processes against PostgreSQL and a Redis of their own; each test reports its figures in
the terminal summary (section "Messwerte Betrieb", also without -s).

1. SIGKILL of a Celery worker while it renders a certificate PDF: after the restart the
   certificate exists exactly once, with one PDF (acks_late, reject_on_worker_lost).
2. Redis (the broker) stopped: pages answer, the enqueueing lands in the outbox, and once Redis is
   back beat delivers it and the worker does the work — nothing is lost.
3. PostgreSQL drops the web server's connection: the next request succeeds (CONN_HEALTH_CHECKS).

The processes share the pytest database (committed data: transactional tests), so the tests need
PostgreSQL. They start their own redis-server on a free port: the shared Redis on 6379 and the
shared PostgreSQL are never stopped.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from kern import rollen
from kern.demo import konto_anlegen
from kern.models import AusstehendeAufgabe, Datenexport, FehlgeschlageneAufgabe
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
from zertifikate.models import Zertifikat
from zertifikate.services import zertifikat_ausstellen

PROJEKT = Path(__file__).resolve().parents[2]
VENV = PROJEKT / ".venv" / "bin"
SCHLUESSEL = secrets.token_urlsafe(64)
CSRF = secrets.token_hex(16)
SICHTBARKEIT_S = 5  # Redis redelivers an unacknowledged message after this long

pytestmark = [
    pytest.mark.integration,
    pytest.mark.betrieb,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Störungstests nur auf PostgreSQL: Server und Worker teilen die Testdatenbank, "
        "die unter SQLite im Speicher des Testprozesses liegt (DATABASE_URL=postgres://… setzen).",
    ),
    pytest.mark.skipif(
        shutil.which("redis-server") is None,
        reason="redis-server fehlt (apt-get install redis-server): die Tests starten ein eigenes.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _freier_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bis(bedingung, frist: float, was: str, pause: float = 0.2):
    ende = time.monotonic() + frist
    while time.monotonic() < ende:
        ergebnis = bedingung()
        if ergebnis:
            return ergebnis
        time.sleep(pause)
    pytest.fail(f"Nach {frist:.0f} s nicht erreicht: {was}")


class EigenesRedis:
    """A redis-server of this test on a free port, without persistence (a restart loses the
    queue: the worst case for the outbox)."""

    def __init__(self, verzeichnis: Path):
        self.port = _freier_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.verzeichnis = verzeichnis
        self.prozess: subprocess.Popen | None = None

    def antwortet(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), 0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def starten(self) -> None:
        self.prozess = subprocess.Popen(  # noqa: S603 — fixed arguments
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.verzeichnis)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _bis(self.antwortet, 20, f"redis-server auf Port {self.port}")

    def stoppen(self) -> None:
        if self.prozess is not None and self.prozess.poll() is None:
            self.prozess.kill()
            self.prozess.wait(timeout=10)
        assert not self.antwortet()


@pytest.fixture
def redis(tmp_path):
    eigenes = EigenesRedis(tmp_path)
    eigenes.starten()
    yield eigenes
    eigenes.stoppen()


def _datenbank_url() -> str:
    d = connection.settings_dict
    zugang = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgres://{zugang}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def _umgebung(tmp_path: Path, broker_url: str, **weitere) -> dict:
    umgebung = {k: v for k, v in os.environ.items() if not k.startswith(("LERNKETTE_S3_", "AWS_"))}
    umgebung.update(
        DJANGO_SETTINGS_MODULE="tests.betrieb.server_einstellungen",
        DATABASE_URL=_datenbank_url(),
        CELERY_BROKER_URL=broker_url,
        CACHE_URL="locmemcache://stoerung",
        DJANGO_SECRET_KEY=SCHLUESSEL,
        DJANGO_SECURE_SSL_REDIRECT="false",
        LERNKETTE_COOKIES_NUR_HTTPS="false",
        LERNKETTE_MFA_PFLICHT="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LERNKETTE_MEDIA_ROOT=str(tmp_path / "media"),
        LERNKETTE_PRIVATE_ROOT=str(tmp_path / "privat"),
        LERNKETTE_CELERY_SICHTBARKEIT_S=str(SICHTBARKEIT_S),
        DJANGO_LOG_LEVEL="INFO",
        **weitere,
    )
    return umgebung


class Prozesse:
    """Processes started by one test, each in its own session (SIGKILL reaches its children),
    logs below tmp_path; all are killed at the end of the test."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.laufend: list[subprocess.Popen] = []

    def starten(
        self, name: str, befehl: list[str], umgebung: dict
    ) -> tuple[subprocess.Popen, Path]:
        log = self.tmp_path / f"{name}.log"
        with log.open("a") as datei:
            prozess = subprocess.Popen(  # noqa: S603 — our own interpreter and tools
                befehl, cwd=PROJEKT, env=umgebung, stdout=datei, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self.laufend.append(prozess)
        return prozess, log

    def worker(self, umgebung: dict, *, app: str = "config", name: str = "worker"):
        prozess, log = self.starten(
            name,
            [str(VENV / "celery"), "-A", app, "worker", "--loglevel", "INFO", "--concurrency", "1",
             "--prefetch-multiplier", "1", "--without-gossip", "--without-mingle",
             "--hostname", f"stoerung-{uuid.uuid4().hex[:6]}@%h"],
            umgebung,
        )  # fmt: skip
        _bis(lambda: "ready." in log.read_text(), 120, f"Worker bereit ({log})", pause=0.5)
        return prozess, log

    def gunicorn(self, umgebung: dict) -> str:
        port = _freier_port()
        self.starten(
            "web",
            [str(VENV / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--timeout", "60", "--no-control-socket"],
            umgebung,
        )  # fmt: skip
        basis = f"http://127.0.0.1:{port}"
        _bis(lambda: _holen(basis + "/healthz")[0] in (200, 503), 120, "gunicorn antwortet", 0.5)
        return basis

    @staticmethod
    def toeten(prozess: subprocess.Popen) -> None:
        try:
            os.killpg(prozess.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        prozess.wait(timeout=20)

    def alle_beenden(self) -> None:
        for prozess in self.laufend:
            if prozess.poll() is None:
                self.toeten(prozess)


@pytest.fixture
def prozesse(tmp_path):
    gestartet = Prozesse(tmp_path)
    yield gestartet
    gestartet.alle_beenden()


class _OhneWeiterleitung(urllib.request.HTTPRedirectHandler):
    """A 302 is the answer to check, not a page to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


_OEFFNER = urllib.request.build_opener(_OhneWeiterleitung)


def _holen(url: str, *, sitzung: str = "", daten: bytes | None = None) -> tuple[int, bytes]:
    anfrage = urllib.request.Request(url, data=daten, method="POST" if daten else "GET")  # noqa: S310
    anfrage.add_header("Cookie", f"sessionid={sitzung}; csrftoken={CSRF}")
    anfrage.add_header("X-CSRFToken", CSRF)
    try:
        with _OEFFNER.open(anfrage, timeout=30) as antwort:
            return antwort.status, antwort.read()
    except urllib.error.HTTPError as fehler:
        return fehler.code, fehler.read()
    except OSError:
        return 0, b""


def _sitzung(settings, nutzer) -> str:
    """A session in the shared database, signed with the servers' key (no login form: allauth
    limits logins per address)."""
    settings.SECRET_KEY = SCHLUESSEL
    client = Client()
    client.force_login(nutzer)
    return client.cookies["sessionid"].value


# --- 1. SIGKILL while rendering a certificate PDF ---------------------------------------------


def _zertifikat_ohne_pdf(trainerin) -> Zertifikat:
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = durchgang_fuer(kurs, trainer=[trainerin])
    anmeldung = anmelden(person("absolvent"), durchgang)
    return zertifikat_ausstellen(anmeldung=anmeldung, benachrichtigen=False, pdf_erzeugen=False)


def _pdf_senden(broker_url: str, zertifikat_id: int) -> None:
    from celery import Celery

    client = Celery(broker=broker_url, set_as_current=False)
    try:
        client.send_task(
            "zertifikate.tasks.zertifikat_pdf_erzeugen",
            args=[zertifikat_id],
            kwargs={"benachrichtigen": False},
            serializer="json",
        )
    finally:
        client.close()


@pytest.mark.parametrize("opfer", ["kindprozess", "ganzer_worker"])
def test_sigkill_beim_pdf_rendern_verliert_nichts_und_doppelt_nichts(
    opfer, site, trainerin, redis, prozesse, tmp_path, messwert
):
    zertifikat = _zertifikat_ohne_pdf(trainerin)
    marke = tmp_path / "rendert.pid"
    umgebung = _umgebung(tmp_path, redis.url, LERNKETTE_TEST_MARKE=str(marke))
    worker, log = prozesse.worker(umgebung, app="tests.betrieb.haltender_worker")
    _pdf_senden(redis.url, zertifikat.pk)

    _bis(marke.exists, 120, f"Worker rendert das PDF ({log})")
    kind = int(marke.read_text())
    zertifikat.refresh_from_db()
    assert not zertifikat.pdf, "vor dem Absturz darf nichts gespeichert sein"

    start = time.monotonic()
    if opfer == "kindprozess":
        # The pool child dies; the main process sees WorkerLostError and, with
        # reject_on_worker_lost, puts the message back; a new child renders it.
        os.kill(kind, signal.SIGKILL)
    else:
        # The whole worker dies; the message stays unacknowledged in Redis (acks_late). Once it
        # is older than the visibility timeout (5 s here, an hour in production), the restarted
        # worker's first sweep (kombu: at start, then every 100 s) puts it back in the queue.
        prozesse.toeten(worker)
        assert not Zertifikat.objects.get(pk=zertifikat.pk).pdf
        time.sleep(SICHTBARKEIT_S + 1)
        worker, log = prozesse.worker(umgebung, app="tests.betrieb.haltender_worker", name="neu")

    def gespeichert():
        zertifikat.refresh_from_db()
        return bool(zertifikat.pdf)

    _bis(gespeichert, 120, f"PDF nach dem Absturz gespeichert ({log})", pause=0.5)
    dauer = time.monotonic() - start
    time.sleep(2)  # a duplicate delivery would show up now

    assert Zertifikat.objects.filter(anmeldung=zertifikat.anmeldung).count() == 1
    dateien = list((tmp_path / "privat" / "zertifikate").glob("*.pdf"))
    assert [d.name for d in dateien] == [Path(zertifikat.pdf.name).name]
    assert dateien[0].read_bytes().startswith(b"%PDF")
    assert log.read_text().count("zertifikat_pdf_erzeugen") >= 1
    assert not FehlgeschlageneAufgabe.objects.exists(), "ein Absturz ist kein Fehlschlag"
    messwert(
        f"| störung | SIGKILL {opfer} beim PDF-Rendern | PDF {dauer:.1f} s danach gespeichert, "
        f"1 Zertifikat, {len(dateien)} Datei |"
    )


# --- 2. Redis stopped ---------------------------------------------------------------------------


def test_ohne_redis_antworten_seiten_und_nach_der_rueckkehr_fehlt_nichts(
    site, redis, prozesse, tmp_path, settings, messwert
):
    teilnehmerin = konto_anlegen(
        email="stoerung@test.example", vorname="Stö", nachname="Rung", rolle=rollen.TEILNEHMENDE
    )
    sitzung = _sitzung(settings, teilnehmerin)
    umgebung = _umgebung(tmp_path, redis.url, LERNKETTE_NACHLIEFERN_S="2")
    basis = prozesse.gunicorn(umgebung)
    prozesse.worker(umgebung)
    prozesse.starten(
        "beat",
        [str(VENV / "celery"), "-A", "config", "beat", "--loglevel", "INFO",
         "--schedule", str(tmp_path / "beat-schedule")],
        umgebung,
    )  # fmt: skip

    redis.stoppen()
    gestoppt = time.monotonic()
    zeiten = []
    for pfad in ("/", "/konto/daten/"):
        start = time.perf_counter()
        status, _ = _holen(basis + pfad, sitzung=sitzung)
        zeiten.append(time.perf_counter() - start)
        assert status == 200, pfad
    # A request that enqueues a task (DSGVO export): saved, redirected, no server error.
    start = time.perf_counter()
    status, inhalt = _holen(basis + "/konto/daten/export/", sitzung=sitzung, daten=b"x=1")
    einstellen_s = time.perf_counter() - start
    assert status == 302, inhalt[:500]
    export = Datenexport.objects.get(nutzer=teilnehmerin)
    assert export.status == Datenexport.Status.ANGEFORDERT
    eintrag = AusstehendeAufgabe.objects.get()
    assert eintrag.aufgabe == "kern.tasks.datenexport_erstellen"
    assert eintrag.args == [export.pk]
    # /healthz tells the load balancer and monitoring that the broker is gone.
    assert _holen(basis + "/healthz")[0] == 503

    redis.starten()
    zurueck = time.monotonic()

    def fertig():
        export.refresh_from_db()
        return export.status == Datenexport.Status.FERTIG

    _bis(fertig, 180, "Datenexport nach der Rückkehr von Redis erstellt", pause=0.5)
    erledigt = time.monotonic() - zurueck
    assert not AusstehendeAufgabe.objects.exists()
    assert not FehlgeschlageneAufgabe.objects.exists()
    assert _holen(basis + "/healthz")[0] == 200
    messwert(
        f"| störung | Redis aus {zurueck - gestoppt:.1f} s | Seiten 200 in "
        f"{max(zeiten) * 1000:.0f} ms, Einstellen → Ablage in {einstellen_s * 1000:.0f} ms | "
        f"Arbeit {erledigt:.1f} s nach der Rückkehr erledigt, 0 verloren |"
    )


# --- 3. PostgreSQL drops the connection ---------------------------------------------------------


def _verbindungen_des_servers_trennen() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_abgerissene_datenbankverbindung_kostet_keine_anfrage(
    site, redis, prozesse, tmp_path, messwert
):
    basis = prozesse.gunicorn(_umgebung(tmp_path, redis.url))
    normal = []
    for _ in range(3):  # the gunicorn worker keeps its connection (CONN_MAX_AGE)
        start = time.perf_counter()
        assert _holen(basis + "/")[0] == 200
        normal.append(time.perf_counter() - start)

    assert _verbindungen_des_servers_trennen() >= 1
    start = time.perf_counter()
    status, inhalt = _holen(basis + "/")
    erholung = time.perf_counter() - start
    assert status == 200, inhalt[:500]
    assert _holen(basis + "/healthz")[0] == 200
    messwert(
        f"| störung | PostgreSQL trennt die Verbindung | nächste Anfrage 200 in "
        f"{erholung * 1000:.0f} ms (sonst {min(normal) * 1000:.0f} ms) |"
    )
