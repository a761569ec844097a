"""Demo step: the shared True/False package as the H5P activity of the demo "Wissenscheck".

Runs after kurse.demo; idempotent (the package is stored once, the block added once). The
package lies beside the repository (shared/h5p/, setting H5P_DEMO_PAKET); without it the step
says so and leaves the lessons as text.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from h5p.anbindung import Regel
from h5p.models import H5PPaket
from h5p.services import paket_hochladen
from h5p.validierung import pruefen

from .demo import slug
from .demo_inhalte import MODULE
from .h5p_anbindung import H5P_BLOCK, h5p_bloecke
from .models import LektionSeite

UEBERSCHRIFT = "Wissenscheck: Richtig oder falsch?"


def _paket(pfad: Path) -> H5PPaket:
    vorhanden = H5PPaket.objects.filter(sha256=pruefen(pfad).sha256).first()
    return vorhanden or paket_hochladen(datei=pfad, dateiname=pfad.name)


def anlegen(ausgabe) -> None:
    pfad = Path(settings.H5P_DEMO_PAKET)
    if not pfad.is_file():
        ausgabe.write(f"H5P-Demo übersprungen: {pfad} fehlt.")
        return
    paket = _paket(pfad)
    slugs = [
        slug(lektion["titel"])
        for modul in MODULE
        for lektion in modul["lektionen"]
        if lektion.get("h5p")
    ]
    for lektion in LektionSeite.objects.filter(slug__in=slugs):
        if any(wert.get("paket") == paket.pk for wert in h5p_bloecke(lektion)):
            continue
        roh = list(lektion.inhalt.raw_data)
        roh.append(
            {
                "type": H5P_BLOCK,
                "value": {
                    "paket": paket.pk,
                    "ueberschrift": UEBERSCHRIFT,
                    "regel": Regel.ABGESCHLOSSEN,
                    "schwelle": None,
                },
            }
        )
        lektion.inhalt = roh
        lektion.save_revision().publish()
        ausgabe.write(f"H5P-Aktivität „{paket.titel}“ in Lektion „{lektion.title}“ eingefügt.")
