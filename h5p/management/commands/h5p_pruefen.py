"""Validates H5P files without storing them: ``python manage.py h5p_pruefen DATEI…``."""

from django.core.management.base import BaseCommand

from h5p.validierung import H5PPaketFehler, pruefen


class Command(BaseCommand):
    help = (
        "Prüft H5P-Dateien, ohne sie zu speichern. Gibt je Datei „OK <Titel>“ oder "
        "„FEHLER <Grund>“ aus; Rückgabewert 0, wenn alle gültig sind, sonst 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("dateien", nargs="+", metavar="DATEI")

    def handle(self, *args, **options):
        alle_gueltig = True
        for pfad in options["dateien"]:
            self.stdout.write(f"{pfad}:")
            try:
                paket = pruefen(pfad)
            except H5PPaketFehler as fehler:
                alle_gueltig = False
                for meldung in fehler.meldungen:
                    self.stdout.write(f"FEHLER {meldung}")
            except OSError as fehler:
                alle_gueltig = False
                self.stdout.write(f"FEHLER Die Datei lässt sich nicht lesen: {fehler.strerror}")
            else:
                self.stdout.write(f"OK {paket.titel}")
        if not alle_gueltig:
            raise SystemExit(1)
