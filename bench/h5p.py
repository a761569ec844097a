"""Benchmarks of the H5P package checks; run from the project root: ``python bench/h5p.py``.

Also measures how many xAPI statements per second are stored (BRIEF §7: ≥ 1,000/s on
PostgreSQL with 2 cores); a throw-away test database is created with the configured
DATABASE_URL backend and dropped at the end.

Prints the rows of the shared bench table (see ``bench/_tabelle.py``). Each measurement is a
function returning rows (Messgröße, Wert, Ziel, erfüllt); add one by listing it in MESSUNGEN.
Exits with 1 when a row misses its target.
"""

from __future__ import annotations

import io
import os
import sys
import tracemalloc
from collections.abc import Callable
from typing import NamedTuple

from _tabelle import django_einrichten, median_p95, zeile, zeiten_ms

django_einrichten()

from h5p.validierung import Grenzen, H5PPaketFehler, pruefen  # noqa: E402
from tests.h5p.pakete import ECHTES_PAKET, MB, bombe  # noqa: E402

BENCH = "h5p"
WIEDERHOLUNGEN = 20
ZIEL_BOMBE_MS = 500


class Zeile(NamedTuple):
    messgroesse: str
    wert: str
    ziel: str = ""
    erfuellt: bool | None = None


def bench_validierung() -> list[Zeile]:
    median, _ = median_p95(zeiten_ms(lambda: pruefen(ECHTES_PAKET), wiederholungen=WIEDERHOLUNGEN))
    return [Zeile(f"Prüfung {ECHTES_PAKET.name}, Median aus {WIEDERHOLUNGEN}", f"{median:.1f} ms")]


def _ablehnen(archiv: io.BytesIO) -> None:
    try:
        pruefen(archiv, grenzen=Grenzen())
    except H5PPaketFehler:
        return
    raise AssertionError("Die ZIP-Bombe wurde nicht abgelehnt.")


def bench_zip_bombe() -> list[Zeile]:
    """A member of 101 MB zeros, with the default caps: declaring 1000 bytes, or its real size."""
    zeilen = []
    for art, angegeben in (("gibt 1000 Bytes an", 1000), ("gibt 101 MB an", 101 * MB)):
        archiv = bombe(101 * MB, angegeben=angegeben)
        median, _ = median_p95(zeiten_ms(lambda archiv=archiv: _ablehnen(archiv), wiederholungen=5))
        tracemalloc.start()
        _ablehnen(archiv)
        _, spitze = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        titel = f"ZIP-Bombe {len(archiv.getvalue()) // 1024} KB → 101 MB, {art}"
        zeilen += [
            Zeile(
                f"{titel}: abgelehnt nach",
                f"{median:.1f} ms",
                f"< {ZIEL_BOMBE_MS} ms",
                median < ZIEL_BOMBE_MS,
            ),
            Zeile(f"{titel}: Speicherspitze", f"{spitze / MB:.2f} MB"),
        ]
    return zeilen


ZIEL_XAPI_JE_S = 1000
XAPI_RUNDEN = 500  # each round: attempted, interacted, answered (the player's three statements)
XAPI_HTTP = 600
# The endpoint is rate-limited per user (LERNKETTE_DROSSELUNG["xapi"], 600/min): the HTTP
# statements come from several enrolled participants, each well below that limit, as in a cohort.
XAPI_HTTP_NUTZER = 6


def _xapi_lage():
    """A course whose first lesson embeds a package, and enrolled participants (the first one
    for the service measurement, all of them for the endpoint)."""
    from io import StringIO

    from cms import demo
    from h5p.anbindung import Regel, einbettung_finden
    from h5p.services import paket_hochladen
    from kurse.models import LektionSeite
    from tests.h5p.pakete import als_zip, minimal
    from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

    demo.anlegen(StringIO())
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = durchgang_fuer(kurs)
    teilnehmende = [person(f"bench-xapi-{n}") for n in range(XAPI_HTTP_NUTZER)]
    for nutzer in teilnehmende:
        anmelden(nutzer, durchgang)
    ich = teilnehmende[0]
    paket = paket_hochladen(datei=als_zip(minimal()), dateiname="bench.h5p")
    lektion = LektionSeite.objects.descendant_of(kurs).get()
    wert = {"paket": paket.pk, "ueberschrift": "", "regel": Regel.PUNKTE, "schwelle": 101}
    lektion.inhalt = [*lektion.inhalt.raw_data, {"type": "h5p", "value": wert}]
    lektion.save_revision().publish()
    einbettung = einbettung_finden(nutzer=ich, seite_id=lektion.pk, paket_id=paket.pk)
    return teilnehmende, lektion, paket, einbettung


def _aussagen(runde: int) -> list[dict]:
    verben = ("attempted", "interacted", "answered")
    aussagen = [
        {
            "actor": {"name": "Bench", "mbox": "mailto:bench@example.org"},
            "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
            "object": {"id": "http://testserver/lektion/#h5p-1", "objectType": "Activity"},
        }
        for verb in verben
    ]
    # Never the full score: the rule (≥ 101 %) stays unmet, so every round does the full work.
    skaliert = (runde % 10) / 10
    aussagen[2]["result"] = {
        "score": {"min": 0, "max": 10, "raw": skaliert * 10, "scaled": skaliert},
        "completion": True,
        "success": False,
    }
    return aussagen


def bench_xapi() -> list[Zeile]:
    """xAPI statements stored per second: in the service, and through the whole endpoint."""
    import json
    import time

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from h5p.models import XAPIAussage
    from h5p.services import aussage_speichern
    from h5p.xapi import aussage_lesen

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    datenbank = connection.vendor
    alter_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        teilnehmende, lektion, paket, einbettung = _xapi_lage()
        ich = teilnehmende[0]
        roh = [json.dumps(a).encode() for r in range(XAPI_RUNDEN) for a in _aussagen(r)]
        start = time.perf_counter()
        for daten in roh:  # parse and check as the view does, then store
            aussage = aussage_lesen(daten, max_bytes=settings.H5P_XAPI_MAX_BYTES)
            aussage_speichern(nutzer=ich, einbettung=einbettung, aussage=aussage)
        dienst = len(roh) / (time.perf_counter() - start)

        clients = []
        for nutzer in teilnehmende:
            client = Client()
            client.force_login(nutzer)
            clients.append(client)
        url = reverse("h5p:xapi", args=[lektion.pk, paket.pk])
        start = time.perf_counter()
        for nummer, daten in enumerate(roh[:XAPI_HTTP]):  # round robin: each user ≤ 100 per run
            antwort = clients[nummer % len(clients)].post(
                url, daten, content_type="application/json"
            )
            assert antwort.status_code == 200, antwort.content
        http = XAPI_HTTP / (time.perf_counter() - start)
        assert XAPIAussage.objects.count() == len(roh) + XAPI_HTTP
    finally:
        connection.creation.destroy_test_db(alter_name, verbosity=0)
    last = os.getloadavg()[0]
    return [
        Zeile(
            f"xAPI-Aussagen gespeichert je s ({datenbank}, Prüfung + Speichern + Versuch, "
            f"{len(roh)} Aussagen, 1 Prozess)",
            f"{dienst:.0f}/s",
            f"≥ {ZIEL_XAPI_JE_S}/s",
            dienst >= ZIEL_XAPI_JE_S,
        ),
        Zeile(
            f"xAPI-Aussagen je s über den Endpunkt ({datenbank}, Login, CSRF, Rechte, "
            f"Drosselung, {XAPI_HTTP} POSTs von {XAPI_HTTP_NUTZER} Teilnehmenden, 1 Prozess)",
            f"{http:.0f}/s",
        ),
        # The figures depend on it: a loaded machine slows every database round trip.
        Zeile(f"Systemlast während der Messung (1 min, {os.cpu_count()} Kerne)", f"{last:.1f}"),
    ]


MESSUNGEN: list[Callable[[], list[Zeile]]] = [bench_validierung, bench_zip_bombe, bench_xapi]


def main() -> int:
    zeilen = [z for messung in MESSUNGEN for z in messung()]
    for z in zeilen:
        ziel = (
            z.ziel
            if z.erfuellt is None
            else f"{z.ziel} ({'erfüllt' if z.erfuellt else 'VERFEHLT'})"
        )
        zeile(BENCH, z.messgroesse, z.wert, ziel)
    return 0 if all(z.erfuellt is not False for z in zeilen) else 1


if __name__ == "__main__":
    sys.exit(main())
