"""Demo step: a German True/False package, built from the libraries of the shared package
(kurse/h5p_demo_paket.py), as the H5P activity of the demo "Wissenscheck" with the rule
"bestanden": only a right answer completes the lesson.

Runs after kurse.demo; idempotent (the package is stored once, the block added once; a block
of another package, e.g. the English original of earlier demos, is replaced). The shared
package lies beside the repository (shared/h5p/, setting H5P_DEMO_PAKET); without it the step
says so and leaves the lessons as text.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from h5p.anbindung import Regel
from h5p.models import H5PPaket
from h5p.services import paket_hochladen
from h5p.validierung import pruefen
from kern.demo import DEMO_DOMAIN

from .demo import slug
from .demo_inhalte import MODULE
from .h5p_anbindung import H5P_BLOCK, h5p_bloecke
from .h5p_demo_paket import deutsches_paket_bauen
from .models import LektionSeite

UEBERSCHRIFT = "Wissenscheck: Richtig oder falsch?"


def _paket(quelle: Path) -> H5PPaket:
    with tempfile.TemporaryDirectory() as ordner:
        pfad = deutsches_paket_bauen(quelle=quelle, ziel=Path(ordner) / "wissenscheck-de.h5p")
        vorhanden = H5PPaket.objects.filter(sha256=pruefen(pfad).sha256).first()
        # Uploaded, as it were, by the demo's editor (the admin's package page names her).
        redaktion = get_user_model().objects.filter(email=f"redaktion@{DEMO_DOMAIN}").first()
        return vorhanden or paket_hochladen(datei=pfad, dateiname=pfad.name, nutzer=redaktion)


def anlegen(ausgabe) -> None:
    quelle = Path(settings.H5P_DEMO_PAKET)
    if not quelle.is_file():
        ausgabe.write(f"H5P-Demo übersprungen: {quelle} fehlt.")
        return
    paket = _paket(quelle)
    slugs = [
        slug(lektion["titel"])
        for modul in MODULE
        for lektion in modul["lektionen"]
        if lektion.get("h5p")
    ]
    for lektion in LektionSeite.objects.filter(slug__in=slugs):
        if h5p_bloecke(lektion) == [_block(paket)["value"]]:
            continue
        roh = [block for block in lektion.inhalt.raw_data if block["type"] != H5P_BLOCK]
        roh.append(_block(paket))
        lektion.inhalt = roh
        lektion.save_revision().publish()
        ausgabe.write(f"H5P-Aktivität „{paket.titel}“ in Lektion „{lektion.title}“ eingefügt.")


def _block(paket: H5PPaket) -> dict:
    return {
        "type": H5P_BLOCK,
        "value": {
            "paket": paket.pk,
            "ueberschrift": UEBERSCHRIFT,
            "regel": Regel.BESTANDEN,
            "schwelle": None,
        },
    }
