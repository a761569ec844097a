"""Certificate PDFs: median time per PDF, 1,000 PDFs through the Celery bulk path (eager), and
the same certificate HTML through wkhtmltopdf (what pdfkit wraps) for comparison.

Run from the project root: ``python bench/zertifikate.py [ANZAHL]`` (default 1,000; a throw-away
test database is created with the configured DATABASE_URL backend and dropped at the end).
Target (BRIEF §7): median ≤ 150 ms per PDF; 1,000 in a Celery batch with progress shown.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

from _tabelle import django_einrichten, median_p95, zeile, zeiten_ms

ZIEL_MEDIAN_MS = 150
WIEDERHOLUNGEN = 30
WKHTML_WIEDERHOLUNGEN = 10


def cpu_ms(funktion, wiederholungen: int) -> list[float]:
    ergebnisse = []
    for _ in range(wiederholungen):
        start = time.process_time()
        funktion()
        ergebnisse.append((time.process_time() - start) * 1000)
    return ergebnisse


def wkhtmltopdf_ms(html: str) -> list[float] | None:
    programm = shutil.which("wkhtmltopdf")
    if programm is None:
        return None
    with tempfile.TemporaryDirectory() as ordner:
        quelle = Path(ordner) / "zertifikat.html"
        quelle.write_text(html, encoding="utf-8")
        ziel = Path(ordner) / "zertifikat.pdf"
        befehl = [programm, "--quiet", "-O", "Landscape", "-s", "A4", str(quelle), str(ziel)]
        return zeiten_ms(
            lambda: subprocess.run(befehl, check=True, capture_output=True),  # noqa: S603
            wiederholungen=WKHTML_WIEDERHOLUNGEN,
        )


def main() -> int:
    anzahl = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    django_einrichten()
    import logging

    from django.conf import settings
    from django.db import connection

    logging.disable(logging.WARNING)  # eager Celery logs every task
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    privat = tempfile.mkdtemp(prefix="lk-bench-zertifikate-")
    settings.PRIVATE_MEDIA_ROOT = Path(privat)
    alter_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cms import demo
        from teilnehmende.models import Anmeldung
        from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
        from zertifikate.models import Stapelauftrag, Zertifikat
        from zertifikate.pdf import zertifikat_html, zertifikat_pdf
        from zertifikate.services import zertifikat_ausstellen
        from zertifikate.tasks import stapel_ausfuehren

        demo.anlegen(StringIO())
        kurs = kurs_anlegen(module=4, lektionen=3)
        trainerin = person("bench-trainerin")
        durchgang = durchgang_fuer(kurs, kapazitaet=anzahl, trainer=[trainerin])
        for nummer in range(anzahl):
            anmelden(person(f"bench{nummer}"), durchgang)
        for anmeldung in Anmeldung.objects.filter(durchgang=durchgang):
            zertifikat_ausstellen(anmeldung=anmeldung, pdf_erzeugen=False)
        zertifikat = Zertifikat.objects.select_related(
            "anmeldung__nutzer", "anmeldung__durchgang__kurs"
        ).first()

        zertifikat_pdf(zertifikat)  # warm: fonts, templates
        median, p95 = median_p95(
            zeiten_ms(lambda: zertifikat_pdf(zertifikat), wiederholungen=WIEDERHOLUNGEN)
        )
        erfuellt = "erfüllt" if median <= ZIEL_MEDIAN_MS else "VERFEHLT"
        zeile(
            "zertifikate",
            f"PDF/A-2b je Zertifikat, Median / p95 ({WIEDERHOLUNGEN}×, WeasyPrint)",
            f"{median:.0f} ms / {p95:.0f} ms",
            f"Median ≤ {ZIEL_MEDIAN_MS} ms: {erfuellt}",
        )
        # CPU time of this process: what the rendering costs when other processes share the
        # cores (the wall-clock median above grows with the machine's load).
        cpu = statistics.median(cpu_ms(lambda: zertifikat_pdf(zertifikat), WIEDERHOLUNGEN))
        zeile(
            "zertifikate",
            "PDF/A-2b je Zertifikat, Median CPU-Zeit des Prozesses",
            f"{cpu:.0f} ms",
            f"≤ {ZIEL_MEDIAN_MS} ms: {'erfüllt' if cpu <= ZIEL_MEDIAN_MS else 'VERFEHLT'}",
        )

        auftrag = Stapelauftrag.objects.create(durchgang=durchgang)
        start = time.perf_counter()
        stapel_ausfuehren.delay(auftrag.pk)  # eager: the same tasks a worker runs
        dauer = time.perf_counter() - start
        auftrag.refresh_from_db()
        fertig = auftrag.status == Stapelauftrag.Status.FERTIG and auftrag.erledigt == anzahl
        zeile(
            "zertifikate",
            f"{anzahl} PDFs über den Celery-Stapel (eager)",
            f"{dauer:.1f} s ({dauer / anzahl * 1000:.0f} ms je PDF)",
            "alle erzeugt" if fertig else f"NUR {auftrag.erledigt} von {anzahl}",
        )

        wk = wkhtmltopdf_ms(zertifikat_html(zertifikat))
        if wk is None:
            zeile("zertifikate", "wkhtmltopdf (pdfkit) zum Vergleich", "nicht installiert", "")
        else:
            wk_median = statistics.median(wk)
            zeile(
                "zertifikate",
                f"wkhtmltopdf (pdfkit) gleiche HTML, Median ({WKHTML_WIEDERHOLUNGEN}×)",
                f"{wk_median:.0f} ms",
                f"WeasyPrint / wkhtmltopdf = {median / wk_median:.2f}",
            )
        return 0 if fertig else 1
    finally:
        connection.creation.destroy_test_db(alter_name, verbosity=0)
        shutil.rmtree(privat, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
