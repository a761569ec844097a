"""Creates, rotates and lists the issuer's Ed25519 keys (files in LERNKETTE_OB_SCHLUESSEL_DIR)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kern.protokoll import protokollieren
from openbadges.did import aussteller_did, verification_method
from openbadges.schluessel import (
    SchluesselNichtZurueckziehbar,
    aktive_kennung,
    neuer_schluessel,
    oeffentliche_schluessel,
    schluessel_zurueckziehen,
    verzeichnis,
)


class Command(BaseCommand):
    help = (
        "Open-Badges-Schlüssel: --neu erzeugt einen Schlüssel und macht ihn aktiv (Rotation: der "
        "alte private Schlüssel wird gelöscht, sein öffentlicher bleibt veröffentlicht); "
        "--wenn-fehlt nur, wenn es noch keinen gibt; --zurueckziehen KENNUNG entfernt einen "
        "kompromittierten, nicht aktiven Schlüssel (seine Nachweise gelten nicht mehr); "
        "ohne Option: Liste. Jede Änderung steht im Protokoll."
    )

    def add_arguments(self, parser):
        gruppe = parser.add_mutually_exclusive_group()
        gruppe.add_argument(
            "--neu", action="store_true", help="neuen Schlüssel erzeugen (Rotation)"
        )
        gruppe.add_argument(
            "--wenn-fehlt", action="store_true", help="nur erzeugen, wenn kein aktiver existiert"
        )
        gruppe.add_argument(
            "--zurueckziehen",
            metavar="KENNUNG",
            help="veröffentlichten, nicht aktiven Schlüssel zurückziehen (Kompromittierung)",
        )

    def handle(self, *args, neu: bool, wenn_fehlt: bool, zurueckziehen: str | None, **options):
        ordner = verzeichnis()
        try:
            if neu or (wenn_fehlt and aktive_kennung(ordner) is None):
                vorher = aktive_kennung(ordner)
                schluessel = neuer_schluessel(ordner)
                protokollieren(
                    aktion="openbadges_schluessel_neu",
                    details={"kennung": schluessel.kennung, "vorher": vorher or ""},
                )
                self.stdout.write(
                    self.style.SUCCESS(f"Neuer aktiver Schlüssel {schluessel.kennung} in {ordner}")
                )
            elif zurueckziehen:
                schluessel_zurueckziehen(zurueckziehen, ordner)
                protokollieren(
                    aktion="openbadges_schluessel_zurueckgezogen",
                    details={"kennung": zurueckziehen},
                )
                self.stdout.write(
                    self.style.WARNING(
                        f"Schlüssel {zurueckziehen} zurückgezogen: damit signierte Nachweise "
                        "gelten nicht mehr."
                    )
                )
        except SchluesselNichtZurueckziehbar as fehler:
            raise CommandError(str(fehler)) from fehler
        except OSError as fehler:
            raise CommandError(f"Schlüsselverzeichnis {ordner}: {fehler}") from fehler
        aktiv = aktive_kennung(ordner)
        self.stdout.write(f"Aussteller: {aussteller_did()}")
        for s in oeffentliche_schluessel(ordner):
            markierung = "aktiv" if s.kennung == aktiv else "veröffentlicht"
            self.stdout.write(f"  {verification_method(s.kennung)}  {s.multikey}  ({markierung})")
