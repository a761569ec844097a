"""Anonymise ESF records whose retention period is over (also run daily by Celery beat).

python manage.py aufbewahrung_durchsetzen --dry-run     # only list what would happen
python manage.py aufbewahrung_durchsetzen --heute 2032-01-01 --dry-run
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from teilnehmende.anonymisierung import (
    aufbewahrung_durchsetzen,
    aufbewahrung_endet,
    faellige_anmeldungen,
)


class Command(BaseCommand):
    help = "Anonymisiert ESF-Daten nach Ablauf der Aufbewahrungsfrist (--dry-run: nur anzeigen)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nichts ändern, nur auflisten.")
        parser.add_argument("--heute", help="Stichtag JJJJ-MM-TT (Standard: heute).")

    def handle(self, *args, dry_run: bool = False, heute: str | None = None, **options):
        try:
            stichtag = datetime.date.fromisoformat(heute) if heute else None
        except ValueError as fehler:
            raise CommandError(f"--heute: „{heute}“ ist kein Datum (JJJJ-MM-TT).") from fehler
        faellig = list(faellige_anmeldungen(heute=stichtag))
        for anmeldung in faellig:
            durchgang = anmeldung.durchgang
            self.stdout.write(
                f"Anmeldung {anmeldung.pk}: {durchgang.kurs.title} – {durchgang.titel}, "
                f"Ende {durchgang.ende:%d.%m.%Y}, "
                f"Frist abgelaufen am {aufbewahrung_endet(durchgang.ende):%d.%m.%Y}"
            )
        if dry_run:
            self.stdout.write(f"Probelauf: {len(faellig)} Anmeldung(en) würden anonymisiert.")
            return
        erledigt = aufbewahrung_durchsetzen(heute=stichtag)
        self.stdout.write(f"{len(erledigt)} Anmeldung(en) anonymisiert.")
