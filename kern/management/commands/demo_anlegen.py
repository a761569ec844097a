"""Creates the demo content; safe to run again (every step is idempotent)."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from kern.demo import DEMO_DOMAIN, DEMO_KONTEN, demo_passwort

# Each app contributes a module with `anlegen(ausgabe)`; order matters (accounts before cohorts).
DEMO_SCHRITTE = [
    "kern.demo",
    "cms.demo",
    "cms.demo_praxis",
    "kurse.demo",
    "kurse.demo_h5p",
    "teilnehmende.demo_anwesenheit",
    "teilnehmende.demo",
    "zertifikate.demo",
    "openbadges.demo",
    "berichte.demo",
    "esf.demo",
]


class Command(BaseCommand):
    help = "Legt Demo-Inhalte an (Seiten, Konten je Rolle, Kurs, Durchgang …). Wiederholbar."

    def handle(self, *args, **options):
        for pfad in DEMO_SCHRITTE:
            with transaction.atomic():
                import_module(pfad).anlegen(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind angelegt."))
        self.stdout.write("Demo-Anmeldungen (Passwort: DEMO_PASSWORT, Standard „lernkette-demo“):")
        for lokal, _vorname, _nachname, rolle in DEMO_KONTEN:
            self.stdout.write(f"  {rolle:<20} {lokal}@{DEMO_DOMAIN}")
        # A participant who has finished: her certificate, its PDF and the Open Badge.
        self.stdout.write(f"  {'Absolventin':<20} absolventin@{DEMO_DOMAIN}")
        if demo_passwort() == "lernkette-demo":
            self.stdout.write("  Passwort: lernkette-demo")
