"""Good-practice search over 10,000 examples with facets; run from the project root:
``python bench/praxis.py`` (SQLite) or ``DATABASE_URL=postgres://… python bench/praxis.py``.

Builds a throw-away test database (SQLite file in /tmp, or test_<name> on PostgreSQL), creates the
examples in bulk, indexes them with `update_index`, then times the listing selector – count,
result page and all six facet counts, evaluated – and once the whole HTTP response. The facet
table (cms.selectors) is cached between changes of the library; its rebuild after a change is
timed separately.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import uuid
from io import StringIO
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)
from bench._tabelle import django_einrichten, median_p95, zeile, zeiten_ms  # noqa: E402

ANZAHL = int(os.environ.get("PRAXIS_BENCH_ANZAHL", "10000"))
WIEDERHOLUNGEN = 50
ZIEL_P95_MS = 50
SUCHWORT = "Sprachförderung"

SAETZE = [
    "Die Koordinierungsstelle im Jugendamt bringt Kitas, Schulen und Gesundheitsdienst "
    "an einen Tisch.",
    "Familien mit Neugeborenen erhalten einen Willkommensbesuch und eine Mappe mit Angeboten.",
    "Babylotsinnen sprechen Eltern schon in der Geburtsklinik an und vermitteln passende Hilfen.",
    "Im Stadtteil öffnet ein Familienbüro mit offenen Sprechzeiten und Beratung ohne Termin.",
    "Kita-Sozialarbeit berät Eltern dort, wo sie ohnehin jeden Tag hinkommen.",
    "Das Familiengrundschulzentrum macht die Grundschule zum Treffpunkt für die ganze Familie.",
    "Eine Steuerungsgruppe auf Leitungsebene legt gemeinsame Ziele für die Präventionskette fest.",
    "Die Jugendberufsagentur begleitet junge Menschen beim Übergang von der Schule in den Beruf.",
    "Ein Netzwerk Frühe Hilfen verbindet Hebammen, Kinderärztinnen und Beratungsstellen.",
    "Ehrenamtliche Patinnen unterstützen Familien im Alltag und bei Behördengängen.",
    "Die Sozialraumanalyse zeigt, in welchen Quartieren Angebote noch fehlen.",
    "Fachkräfte aus Jugendhilfe und Schule bilden sich gemeinsam fort.",
    "Elterncafés in den Kitas senken die Schwelle, um Hilfe zu bitten.",
    "Die Gesundheitsförderung beginnt mit Bewegungsangeboten in der Kita.",
    "Ein Integrationsprojekt begleitet neu zugewanderte Familien in den ersten Monaten.",
    "Die Stadtentwicklung plant Spielräume und Familienzentren im Quartier mit.",
]
SATZ_SPRACHE = "Die Sprachförderung beginnt in der Kita und wird in der Grundschule fortgesetzt."


def _datenbank_anlegen() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        # A file, not the in-memory test database: closer to how SQLite is used in earnest.
        datei = Path(tempfile.gettempdir()) / f"lk_bench_praxis_{os.getpid()}.sqlite3"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(datei)
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)


def _beispiele_anlegen(anzahl: int) -> float:
    """Creates the pages in bulk, keeping treebeard's path/depth/numchild invariants."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from cms import demo
    from cms.models import (
        Handlungsfeld,
        HomePage,
        Kommune,
        Phase,
        Praxisbeispiel,
        PraxisbeispielIndex,
    )
    from cms.praxis import Angebotsart, Programm
    from cms.services import praxisbeispiel_index_sicherstellen
    from kern.models import Kreis

    zufall = random.Random(20)
    start = time.perf_counter()
    demo.anlegen(StringIO())
    index = praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")
    kreise = list(Kreis.objects.all())
    Kommune.objects.bulk_create(
        [
            Kommune(
                name=f"Gemeinde {n:03d}", slug=f"gemeinde-{n:03d}", kreis=kreise[n % len(kreise)]
            )
            for n in range(250)
        ]
    )
    kommunen = list(Kommune.objects.all())
    phasen = list(Phase.objects.all())
    felder = list(Handlungsfeld.objects.all())
    programme = Programm.values
    angebotsarten = Angebotsart.values
    typ = ContentType.objects.get_for_model(Praxisbeispiel)
    jetzt = timezone.now()

    with transaction.atomic():
        seiten = []
        for n in range(anzahl):
            slug = f"beispiel-{n:05d}"
            zeitpunkt = jetzt - timezone.timedelta(hours=n)
            seiten.append(
                Page(
                    title=f"Praxisbeispiel {n:05d}: {zufall.choice(SAETZE)[:60]}",
                    draft_title=f"Praxisbeispiel {n:05d}",
                    slug=slug,
                    content_type=typ,
                    path=Page._get_path(index.path, index.depth + 1, n + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=zeitpunkt,
                    last_published_at=zeitpunkt,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        seiten = Page.objects.bulk_create(seiten, batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=anzahl)

        beispiele = []
        for seite in seiten:
            saetze = zufall.sample(SAETZE, 6)
            if zufall.random() < 0.15:
                saetze.insert(zufall.randrange(6), SATZ_SPRACHE)
            beispiel = Praxisbeispiel(
                page_ptr_id=seite.pk,
                kommune=zufall.choice(kommunen),
                programm=zufall.choice(programme),
                angebotsart=zufall.choice(angebotsarten),
                startjahr=zufall.randint(2008, 2025),
                teaser=saetze[0],
                inhalt=[("text", "".join(f"<p>{s}</p>" for s in saetze[1:]))],
                kontakt="Jugendamt, Koordinierungsstelle Präventionskette",
            )
            beispiele.append(beispiel)
        # bulk_create refuses multi-table inheritance; _insert is what it uses per table, and
        # the parent rows exist already.
        felder_kind = Praxisbeispiel._meta.local_concrete_fields
        for anfang in range(0, len(beispiele), 500):
            Praxisbeispiel.objects._insert(beispiele[anfang : anfang + 500], fields=felder_kind)

        durch_phase = Praxisbeispiel.phasen.through
        durch_feld = Praxisbeispiel.handlungsfelder.through
        durch_phase.objects.bulk_create(
            [
                durch_phase(praxisbeispiel_id=s.pk, phase_id=p.pk)
                for s in seiten
                for p in zufall.sample(phasen, zufall.randint(1, 3))
            ],
            batch_size=2000,
        )
        durch_feld.objects.bulk_create(
            [
                durch_feld(praxisbeispiel_id=s.pk, handlungsfeld_id=h.pk)
                for s in seiten
                for h in zufall.sample(felder, zufall.randint(1, 3))
            ],
            batch_size=2000,
        )
    assert PraxisbeispielIndex.objects.get().get_children().count() == anzahl
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    return time.perf_counter() - start


def main() -> None:
    django_einrichten()
    from django.db import connection
    from django.test import Client

    from cms.models import PraxisbeispielIndex
    from cms.selectors import PraxisFilter, praxisbeispiele_suchen

    datenbank = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    alter_name = connection.settings_dict["NAME"]
    _datenbank_anlegen()
    try:
        sekunden = _beispiele_anlegen(ANZAHL)
        zeile(
            "praxis",
            f"{ANZAHL} Praxisbeispiele anlegen und indexieren ({datenbank})",
            f"{sekunden:.1f} s",
        )
        index = PraxisbeispielIndex.objects.get()
        faelle = {
            "ohne Filter": PraxisFilter(),
            "eine Facette (Phase)": PraxisFilter(phase=("kita",)),
            "drei Facetten (Phase, Handlungsfeld, Programm)": PraxisFilter(
                phase=("kita",), handlungsfeld=("bildung",), programm=("kinderstark",)
            ),
            f"Suchwort „{SUCHWORT}“": PraxisFilter(q=SUCHWORT),
            "Suchwort + drei Facetten": PraxisFilter(
                q=SUCHWORT, phase=("kita",), handlungsfeld=("bildung",), kreis=("05913", "05562")
            ),
        }

        def auswerten(f):
            ergebnis = praxisbeispiele_suchen(index=index, filter=f)
            return len(list(ergebnis.seite)), ergebnis.anzahl

        for name, f in faelle.items():
            for _ in range(3):
                _, treffer = auswerten(f)
            median, p95 = median_p95(
                zeiten_ms(lambda f=f: auswerten(f), wiederholungen=WIEDERHOLUNGEN)
            )
            ziel = f"p95 ≤ {ZIEL_P95_MS} ms (PostgreSQL)"
            zeile(
                "praxis",
                f"{datenbank}: {name}, {treffer} Treffer – p50 / p95",
                f"{median:.1f} / {p95:.1f} ms",
                ziel,
            )

        # The facet table is rebuilt on the first listing after a change of the library.
        from cms.selectors import praxis_stand_erhoehen

        def nach_aenderung():
            praxis_stand_erhoehen()
            auswerten(PraxisFilter())

        median, p95 = median_p95(zeiten_ms(nach_aenderung, wiederholungen=10))
        zeile(
            "praxis",
            f"{datenbank}: erste Liste nach einer Änderung (Facettentabelle neu) – p50 / p95",
            f"{median:.1f} / {p95:.1f} ms",
        )

        client = Client(HTTP_HOST="localhost")
        parameter = {"q": SUCHWORT, "phase": "kita", "handlungsfeld": "bildung", "kreis": "05913"}
        for _ in range(3):
            assert client.get("/praxisbeispiele/", parameter).status_code == 200
        median, p95 = median_p95(
            zeiten_ms(
                lambda: client.get("/praxisbeispiele/", parameter), wiederholungen=WIEDERHOLUNGEN
            )
        )
        zeile(
            "praxis",
            f"{datenbank}: ganze Seite (HTTP) Suchwort + Facetten – p50 / p95",
            f"{median:.1f} / {p95:.1f} ms",
        )
    finally:
        connection.creation.destroy_test_db(alter_name, verbosity=0)


if __name__ == "__main__":
    main()
