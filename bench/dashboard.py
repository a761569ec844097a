"""Learner dashboard and lesson page: queries and warm median/p95 at small and large data.

Run from the project root: ``python bench/dashboard.py`` (a throw-away test database is created
with the configured DATABASE_URL backend and dropped at the end). Target (BRIEF §7): the same
number of queries for 2 modules × 2 lessons as for 12 modules × 15 lessons with 200 participants
in the cohort, warm median ≤ 30 ms.
"""

from __future__ import annotations

import os
import sys
from io import StringIO

from _tabelle import cpu_zeiten_ms, django_einrichten, median_p95, zeile, zeiten_ms

WIEDERHOLUNGEN = 50
ZIEL_MEDIAN_MS = 30
GROESSEN = {
    "klein (2 Module × 2 Lektionen, 1 Person)": (2, 2, 0),
    "groß (12 Module × 15 Lektionen, 200 Personen)": (12, 15, 200),
}


def messen(client, url: str) -> tuple[int, float, float, float]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm: site root paths and templates cached
        assert client.get(url).status_code == 200, url
    reset_queries()  # the query log is a bounded deque; a full one would count nothing
    with CaptureQueriesContext(connection) as abfragen:
        client.get(url)
    anzahl = len(abfragen)  # read now: the next request empties the query log
    median, p95 = median_p95(zeiten_ms(lambda: client.get(url), wiederholungen=WIEDERHOLUNGEN))
    cpu, _ = median_p95(cpu_zeiten_ms(lambda: client.get(url), wiederholungen=WIEDERHOLUNGEN))
    return anzahl, median, p95, cpu


def main() -> int:
    django_einrichten()
    import logging

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    logging.disable(logging.INFO)  # eager Celery logs every e-mail task of the set-up
    # Not setup_test_environment(): its instrumented template rendering would distort the times.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    alter_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cms import demo
        from tests.kurse.factories import lernlage_anlegen

        demo.anlegen(StringIO())
        ergebnisse: dict[str, list[int]] = {"/mein-lernen/": [], "Lektionsseite": []}
        for nummer, (groesse, (module, lektionen, weitere)) in enumerate(GROESSEN.items()):
            lage = lernlage_anlegen(
                module=module, lektionen=lektionen, weitere=weitere, name=f"bench{nummer}"
            )
            client = Client()
            client.force_login(lage["ich"])
            for seite, url in (
                ("/mein-lernen/", reverse("kurse:mein_lernen")),
                ("Lektionsseite", lage["lektion"].url),
            ):
                anzahl, median, p95, cpu = messen(client, url)
                ergebnisse[seite].append(anzahl)
                zeile("dashboard", f"{seite} {groesse}: SQL-Abfragen", str(anzahl), "gleich")
                erfuellt = "erfüllt" if median <= ZIEL_MEDIAN_MS else "VERFEHLT"
                zeile(
                    "dashboard",
                    f"{seite} {groesse}: Median / p95 warm ({WIEDERHOLUNGEN}×)",
                    f"{median:.1f} ms / {p95:.1f} ms",
                    f"Median ≤ {ZIEL_MEDIAN_MS} ms: {erfuellt}",
                )
                zeile(
                    "dashboard",
                    f"{seite} {groesse}: CPU-Zeit Median (Last: {os.getloadavg()[0]:.1f})",
                    f"{cpu:.1f} ms",
                    f"≤ {ZIEL_MEDIAN_MS} ms: {'erfüllt' if cpu <= ZIEL_MEDIAN_MS else 'VERFEHLT'}",
                )
        gleich = all(len(set(anzahlen)) == 1 for anzahlen in ergebnisse.values())
        zeile(
            "dashboard",
            "Abfragen klein = groß",
            "ja" if gleich else "NEIN",
            "gleiche Anzahl",
        )
        return 0 if gleich else 1
    finally:
        connection.creation.destroy_test_db(alter_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
