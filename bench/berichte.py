"""Funder figures at scale: 100,000 enrolments over 200 cohorts, on SQLite and PostgreSQL.

Run from the project root: ``python bench/berichte.py``. It runs itself once per database: SQLite
(a throw-away file) and PostgreSQL when reachable (``BENCH_POSTGRES_URL``, default
``postgres://postgres@127.0.0.1:5432/lk_bench_berichte``; a throw-away test database is created and
dropped). Prints time and peak memory (tracemalloc: Python allocations) of the report page and
of the three exports, and on PostgreSQL the time of ``COPY`` for the same individual rows as the
reference. Target (BRIEF §7): export ≤ 2 s, ≤ 100 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _tabelle import django_einrichten, median_p95, zeile, zeiten_ms

BENCH = "berichte"
ANMELDUNGEN = 100_000
DURCHGAENGE = 200
ZIEL_S = 2.0
ZIEL_MB = 100
POSTGRES_STANDARD = "postgres://postgres@127.0.0.1:5432/lk_bench_berichte"


# --- data --------------------------------------------------------------------------------------


def daten_anlegen() -> None:
    """Bulk rows (the services are tested elsewhere; here only the volume matters)."""
    import datetime
    import random

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    from kern.models import Kreis
    from kurse.models import Durchgang
    from teilnehmende.models import (
        Anmeldung,
        Bildung,
        Eintrittsdaten,
        Erwerbsstatus,
        Geschlecht,
        Organisationsart,
    )
    from tests.kurse.factories import kurs_anlegen

    zufall = random.Random(42)  # noqa: S311
    kurse = [kurs_anlegen(module=1, lektionen=1) for _ in range(2)]
    start = datetime.date(2022, 1, 10)
    durchgaenge = Durchgang.objects.bulk_create(
        Durchgang(
            kurs=kurse[nummer % 2],
            titel=f"Durchgang {nummer + 1}",
            beginn=start + datetime.timedelta(days=7 * nummer),
            ende=start + datetime.timedelta(days=7 * nummer + 360),
            anmeldung_von=start + datetime.timedelta(days=7 * nummer - 70),
            anmeldung_bis=start + datetime.timedelta(days=7 * nummer - 7),
            kapazitaet=500,
            status=Durchgang.Status.VEROEFFENTLICHT,
        )
        for nummer in range(DURCHGAENGE)
    )
    nutzer_model = get_user_model()
    nutzer_model.objects.bulk_create(
        (
            nutzer_model(
                username=f"bench{i}",
                email=f"bench{i}@bench.invalid",
                password=UNUSABLE_PASSWORD_PREFIX,
            )
            for i in range(ANMELDUNGEN)
        ),
        batch_size=5000,
    )
    nutzer_ids = list(
        nutzer_model.objects.filter(email__endswith="@bench.invalid")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    kreise = [*Kreis.objects.values_list("pk", flat=True), None]
    status = [
        (Anmeldung.Status.BESTAETIGT, 40),
        (Anmeldung.Status.ABGESCHLOSSEN, 40),
        (Anmeldung.Status.ABGEBROCHEN, 12),
        (Anmeldung.Status.WARTELISTE, 8),
    ]
    je_durchgang = ANMELDUNGEN // DURCHGAENGE
    anmeldungen = []
    for nummer, nutzer_id in enumerate(nutzer_ids):
        durchgang = durchgaenge[nummer // je_durchgang]
        tag = durchgang.anmeldung_von + datetime.timedelta(days=zufall.randrange(63))
        zeitpunkt = datetime.datetime.combine(tag, datetime.time(9), tzinfo=datetime.UTC)
        anmeldungen.append(
            Anmeldung(
                nutzer_id=nutzer_id,
                durchgang=durchgang,
                status=zufall.choices([s for s, _ in status], [g for _, g in status])[0],
                angemeldet_am=zeitpunkt,
                status_geaendert_am=zeitpunkt,
            )
        )
    Anmeldung.objects.bulk_create(anmeldungen, batch_size=5000)
    ids = Anmeldung.objects.order_by("pk").values_list("pk", "angemeldet_am")
    Eintrittsdaten.objects.bulk_create(
        (
            Eintrittsdaten(
                anmeldung_id=pk,
                geschlecht=zufall.choice(Geschlecht.values),
                geburtsjahr=zufall.choice([None, *range(1958, 2004)]),
                erwerbsstatus=zufall.choice(Erwerbsstatus.values),
                bildung=zufall.choice(Bildung.values),
                organisationsart=zufall.choice(Organisationsart.values),
                organisation="Organisation",
                kommune="Kommune",
                kreis_id=zufall.choice(kreise),
                stichtag=angemeldet_am.date(),
            )
            for pk, angemeldet_am in ids.iterator(chunk_size=5000)
        ),
        batch_size=5000,
    )
    _abschluesse_anlegen(durchgaenge, zufall)


TERMINE_JE_DURCHGANG = 3


def _abschluesse_anlegen(durchgaenge, zufall) -> None:
    """In-person sessions with attendance for every enrolment with a seat, and a certificate for
    every completed one (each tenth re-issued, each fiftieth revoked): the figures "Zertifikate"
    and "Anwesenheitsstunden" then have rows to aggregate."""
    import datetime
    from decimal import Decimal

    from kurse.models import Praesenztermin
    from teilnehmende.models import PLATZ_STATUS, Anmeldung, Anwesenheit
    from teilnehmende.services import anwesenheitsstunden_nachrechnen
    from zertifikate.models import Zertifikat

    termine = Praesenztermin.objects.bulk_create(
        Praesenztermin(
            durchgang=durchgang,
            titel=f"Präsenztag {nummer + 1}",
            datum=durchgang.beginn + datetime.timedelta(days=30 * nummer),
            beginn=datetime.time(9),
            ende=datetime.time(16),
            ort="Münster",
            unterrichtseinheiten=8,
            stunden=Decimal("6"),
        )
        for durchgang in durchgaenge
        for nummer in range(TERMINE_JE_DURCHGANG)
    )
    je_durchgang: dict[int, list] = {}
    for termin in termine:
        je_durchgang.setdefault(termin.durchgang_id, []).append(termin)
    mit_platz = Anmeldung.objects.filter(status__in=PLATZ_STATUS).order_by("pk")
    status_stunden = [
        (Anwesenheit.Status.ANWESEND, Decimal("6")),
        (Anwesenheit.Status.ANWESEND, Decimal("4.5")),
        (Anwesenheit.Status.ENTSCHULDIGT, Decimal("0")),
        (Anwesenheit.Status.UNENTSCHULDIGT, Decimal("0")),
    ]
    Anwesenheit.objects.bulk_create(
        (
            Anwesenheit(anmeldung_id=pk, termin=termin, status=status, stunden=stunden)
            for pk, durchgang_id in mit_platz.values_list("pk", "durchgang_id").iterator(5000)
            for termin in je_durchgang[durchgang_id]
            for status, stunden in [zufall.choices(status_stunden, [70, 10, 12, 8])[0]]
        ),
        batch_size=5000,
    )
    # Written in bulk past the service: the per-enrolment sum is rebuilt as the service keeps it.
    anwesenheitsstunden_nachrechnen(Anmeldung.objects.all())
    abgeschlossen = Anmeldung.objects.filter(status=Anmeldung.Status.ABGESCHLOSSEN)
    ids = list(abgeschlossen.order_by("pk").values_list("pk", flat=True))
    zertifikate = []
    for nummer, pk in enumerate(ids):
        status = Zertifikat.Status.GUELTIG
        if nummer % 10 == 0:
            status = Zertifikat.Status.ERSETZT  # its replacement (valid) follows below
        elif nummer % 50 == 1:
            status = Zertifikat.Status.WIDERRUFEN
        zertifikate.append(
            Zertifikat(
                anmeldung_id=pk,
                nummer=f"BENCH-{nummer:06d}",
                status=status,
                inhaber_name="Bench",
                kurs_titel="Kurs",
            )
        )
        if status == Zertifikat.Status.ERSETZT:
            zertifikate.append(
                Zertifikat(
                    anmeldung_id=pk,
                    nummer=f"BENCH-{nummer:06d}-2",
                    inhaber_name="Bench",
                    kurs_titel="Kurs",
                )
            )
    Zertifikat.objects.bulk_create(zertifikate, batch_size=5000)


# --- measurements ------------------------------------------------------------------------------


def _herunterladen(client, url: str) -> int:
    antwort = client.get(url)
    assert antwort.status_code == 200, (url, antwort.status_code)
    if antwort.streaming:
        return sum(len(teil) for teil in antwort.streaming_content)
    return len(antwort.content)


def _spitze_mb(funktion) -> float:
    tracemalloc.start()
    try:
        funktion()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def _copy_sekunden(datenbank: str) -> float | None:
    """PostgreSQL COPY of the same individual rows as the participant-level export."""
    from django.db import connection

    from berichte.selectors import Berichtsfilter, einzeldaten_abfrage

    if connection.vendor != "postgresql":
        return None
    sql, parameter = einzeldaten_abfrage(Berichtsfilter()).query.sql_with_params()
    with connection.cursor() as cursor:
        literal = cursor.mogrify(sql, parameter)
        if isinstance(literal, bytes):
            literal = literal.decode()
        start = time.perf_counter()
        groesse = 0
        with cursor.cursor.copy(f"COPY ({literal}) TO STDOUT WITH (FORMAT csv)") as kopie:
            for teil in kopie:
                groesse += len(teil)
        dauer = time.perf_counter() - start
    assert groesse > 0
    return dauer


def messen(datenbank: str) -> int:
    from django.db import connection
    from django.test import Client

    from kern import rollen
    from kern.demo import konto_anlegen

    verfehlt = 0
    last = ", ".join(f"{wert:.1f}" for wert in os.getloadavg())
    zeile(BENCH, f"{datenbank}: Last der Maschine (1/5/15 min)", last, f"{os.cpu_count()} Kerne")
    foerderer = konto_anlegen(
        email="foerderer@bench.invalid", vorname="F", nachname="B", rolle=rollen.FOERDERER
    )
    admin = konto_anlegen(
        email="admin@bench.invalid", vorname="A", nachname="B", rolle=rollen.ADMINISTRATION
    )
    client = Client()
    client.force_login(foerderer)

    median, p95 = median_p95(
        zeiten_ms(lambda: _herunterladen(client, "/berichte/"), wiederholungen=5)
    )
    zeile(
        BENCH,
        f"{datenbank}: Seite /berichte/ (Median / p95, 5×)",
        f"{median:.0f} ms / {p95:.0f} ms",
    )

    messungen = [
        ("Export CSV (Zahlen)", client, "/berichte/export.csv"),
        ("Export CSV (Zahlen, ein Quartal)", client, "/berichte/export.csv?jahr=2023&quartal=2"),
        ("Export XLSX (Zahlen)", client, "/berichte/export.xlsx"),
        ("Export CSV (ESF-Einzeldaten, 100.000 Zeilen)", None, "/berichte/einzeldaten.csv"),
    ]
    admin_client = Client()
    admin_client.force_login(admin)
    for titel, nutzer_client, url in messungen:
        nutzer_client = nutzer_client or admin_client
        _herunterladen(nutzer_client, url)  # warm
        start, cpu = time.perf_counter(), time.process_time()
        groesse = _herunterladen(nutzer_client, url)
        sekunden, cpu = time.perf_counter() - start, time.process_time() - cpu
        spitze = _spitze_mb(lambda u=url, c=nutzer_client: _herunterladen(c, u))
        erfuellt = sekunden <= ZIEL_S and spitze <= ZIEL_MB
        verfehlt += not erfuellt
        zeile(
            BENCH,
            f"{datenbank}: {titel}",
            f"{sekunden:.2f} s (CPU dieses Prozesses {cpu:.2f} s), {spitze:.1f} MB Spitze, "
            f"{groesse / 1024:.0f} KB",
            f"≤ {ZIEL_S:.0f} s, ≤ {ZIEL_MB} MB: {'erfüllt' if erfuellt else 'VERFEHLT'}",
        )
    copy = _copy_sekunden(datenbank)
    if copy is not None:
        zeile(BENCH, f"{datenbank}: COPY derselben Einzelzeilen (Referenz)", f"{copy:.2f} s")
    assert connection.vendor in ("sqlite", "postgresql")
    return verfehlt


def unterprozess(datenbank: str) -> int:
    django_einrichten()
    import logging

    from django.conf import settings
    from django.db import connection

    logging.disable(logging.INFO)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if connection.vendor == "sqlite":  # a file, as in production, not the in-memory test default
        connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "-test"
    alter_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cms import demo

        demo.anlegen(open(os.devnull, "w"))  # noqa: SIM115
        start = time.perf_counter()
        daten_anlegen()
        from teilnehmende.models import Anwesenheit
        from zertifikate.models import Zertifikat

        umfang = (
            f"{ANMELDUNGEN:_} Anmeldungen, {DURCHGAENGE} Durchgänge, "
            f"{Anwesenheit.objects.count():_} Anwesenheiten, "
            f"{Zertifikat.objects.count():_} Zertifikate"
        ).replace("_", ".")
        zeile(BENCH, f"{datenbank}: Testdaten ({umfang})", f"{time.perf_counter() - start:.1f} s")
        return messen(datenbank)
    finally:
        connection.creation.destroy_test_db(alter_name, verbosity=0)


def _postgres_erreichbar(url: str) -> bool:
    import psycopg

    ziel = url.rsplit("/", 1)[0] + "/postgres"
    try:
        psycopg.connect(ziel, connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--unterprozess":
        return unterprozess(sys.argv[2])
    fehler = 0
    with tempfile.TemporaryDirectory() as ordner:
        laeufe = [("SQLite", {"DATABASE_URL": f"sqlite:///{Path(ordner) / 'bench.sqlite3'}"})]
        postgres = os.environ.get("BENCH_POSTGRES_URL", POSTGRES_STANDARD)
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        if _postgres_erreichbar(postgres):
            laeufe.append(("PostgreSQL", {"DATABASE_URL": postgres}))
        else:
            zeile(BENCH, "PostgreSQL", "nicht erreichbar, übersprungen", postgres)
        for datenbank, umgebung in laeufe:
            lauf = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--unterprozess", datenbank],
                env=os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test"} | umgebung,
                check=False,
            )
            fehler += lauf.returncode != 0
    return 1 if fehler else 0


if __name__ == "__main__":
    sys.exit(main())
