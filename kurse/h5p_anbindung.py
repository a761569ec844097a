"""Connects lessons to the H5P bridge: who may load an activity, and completion on success.

Registered in KurseConfig.ready. Read from the lesson's raw StreamField data, so a request for
one of the many files of a player costs no block parsing and no snippet queries.
"""

from __future__ import annotations

from functools import partial

from h5p.anbindung import Einbettung
from h5p.selectors import erfuellte_pakete

from .models import LektionSeite
from .services import lektion_abschliessen

H5P_BLOCK = "h5p"


def h5p_bloecke(lektion: LektionSeite) -> list[dict]:
    """The values of the lesson's H5P blocks (paket id, regel, schwelle), in page order."""
    return [
        block.get("value") or {}
        for block in lektion.inhalt.raw_data
        if block.get("type") == H5P_BLOCK
    ]


def einbettung_finden(*, nutzer, seite_id: int, paket_id: int) -> Einbettung | None:
    lektion = LektionSeite.objects.live().filter(pk=seite_id).first()
    if lektion is None:
        return None
    wert = next((w for w in h5p_bloecke(lektion) if w.get("paket") == paket_id), None)
    if wert is None:
        return None
    darf_abschliessen = nutzer.has_perm("kurse.lektion_abschliessen", lektion)
    return Einbettung(
        seite_id=lektion.pk,
        paket_id=paket_id,
        regel=wert.get("regel") or "abgeschlossen",
        schwelle=wert.get("schwelle"),
        # Whoever may complete a lesson may see it (kurse/rules.py); spares the second check.
        darf_ansehen=darf_abschliessen or nutzer.has_perm("kurse.lektion_ansehen", lektion),
        bei_erfuellung=(
            partial(_abschliessen_wenn_alle_erfuellt, nutzer=nutzer, lektion=lektion)
            if darf_abschliessen
            else None
        ),
    )


def _abschliessen_wenn_alle_erfuellt(*, nutzer, lektion: LektionSeite) -> None:
    """A lesson with several activities is done when the rule of every one of them is met."""
    noetig = {w.get("paket") for w in h5p_bloecke(lektion)}
    if noetig <= erfuellte_pakete(nutzer=nutzer, seite_id=lektion.pk, paket_ids=noetig):
        lektion_abschliessen(nutzer=nutzer, lektion=lektion)
