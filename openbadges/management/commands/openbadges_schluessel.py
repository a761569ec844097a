"""Creates, rotates and lists the issuer's Ed25519 keys (files in LERNKETTE_OB_SCHLUESSEL_DIR)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from openbadges.did import aussteller_did, verification_method
from openbadges.schluessel import (
    aktive_kennung,
    neuer_schluessel,
    oeffentliche_schluessel,
    verzeichnis,
)


class Command(BaseCommand):
    help = (
        "Open-Badges-Schlüssel: --neu erzeugt einen Schlüssel und macht ihn aktiv (Rotation: der "
        "alte private Schlüssel wird gelöscht, sein öffentlicher bleibt veröffentlicht); "
        "--wenn-fehlt nur, wenn es noch keinen gibt; ohne Option: Liste."
    )

    def add_arguments(self, parser):
        gruppe = parser.add_mutually_exclusive_group()
        gruppe.add_argument(
            "--neu", action="store_true", help="neuen Schlüssel erzeugen (Rotation)"
        )
        gruppe.add_argument(
            "--wenn-fehlt", action="store_true", help="nur erzeugen, wenn kein aktiver existiert"
        )

    def handle(self, *args, neu: bool, wenn_fehlt: bool, **options):
        ordner = verzeichnis()
        try:
            if neu or (wenn_fehlt and aktive_kennung(ordner) is None):
                schluessel = neuer_schluessel(ordner)
                self.stdout.write(
                    self.style.SUCCESS(f"Neuer aktiver Schlüssel {schluessel.kennung} in {ordner}")
                )
        except OSError as fehler:
            raise CommandError(f"Schlüsselverzeichnis {ordner}: {fehler}") from fehler
        aktiv = aktive_kennung(ordner)
        self.stdout.write(f"Aussteller: {aussteller_did()}")
        for s in oeffentliche_schluessel(ordner):
            markierung = "aktiv" if s.kennung == aktiv else "veröffentlicht"
            self.stdout.write(f"  {verification_method(s.kennung)}  {s.multikey}  ({markierung})")
