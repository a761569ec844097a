"""Checks the shape of an xAPI statement posted by the player, before anything is stored.

Only what the bridge reads is checked strictly (verb, object, result); everything else is kept
as it came. Sub-content statements (with ``context.contextActivities.parent``) are refused: the
player posts top-level statements only, which carry the activity's result.
"""

from __future__ import annotations

import json
import math
from typing import Any

from django.utils.translation import gettext_lazy as _

FEHLER_KEIN_JSON = _("Die Anfrage enthält kein gültiges JSON.")
FEHLER_ZU_GROSS = _("Die xAPI-Aussage ist größer als die erlaubten %(max)s KB.")
FEHLER_KEIN_OBJEKT = _("Die xAPI-Aussage muss ein JSON-Objekt sein.")
FEHLER_VERB = _("Die xAPI-Aussage braucht ein Verb mit einer Adresse („verb.id“).")
FEHLER_OBJEKT = _("Die xAPI-Aussage braucht ein Objekt mit einer Kennung („object.id“).")
FEHLER_ERGEBNIS = _("Das Ergebnis („result“) der xAPI-Aussage hat ein ungültiges Format.")
FEHLER_UNTERINHALT = _(
    "Es werden nur Aussagen der obersten Ebene angenommen, nicht die von Teilaufgaben."
)


class XAPIFehler(ValueError):
    def __init__(self, meldung) -> None:
        super().__init__(str(meldung))
        self.meldung = str(meldung)


class XAPIZuGross(XAPIFehler):
    def __init__(self, max_bytes: int) -> None:
        super().__init__(FEHLER_ZU_GROSS % {"max": max_bytes // 1024})


def _iri(wert: object) -> bool:
    return isinstance(wert, str) and 0 < len(wert) <= 255 and ":" in wert


def _zahl(wert: object) -> bool:
    return isinstance(wert, int | float) and not isinstance(wert, bool) and math.isfinite(wert)


def _ergebnis_gueltig(ergebnis: object) -> bool:
    if not isinstance(ergebnis, dict):
        return False
    for feld in ("completion", "success"):
        if feld in ergebnis and not isinstance(ergebnis[feld], bool):
            return False
    if "score" not in ergebnis:
        return True
    punkte = ergebnis["score"]
    if not isinstance(punkte, dict):
        return False
    if any(feld in punkte and not _zahl(punkte[feld]) for feld in ("scaled", "raw", "min", "max")):
        return False
    return "scaled" not in punkte or -1 <= punkte["scaled"] <= 1


def aussage_lesen(rohdaten: bytes, *, max_bytes: int) -> dict[str, Any]:
    """Parse and check one statement; raise XAPIFehler with a German message."""
    if len(rohdaten) > max_bytes:
        raise XAPIZuGross(max_bytes)
    try:
        aussage = json.loads(rohdaten)
    except (ValueError, RecursionError) as fehler:
        raise XAPIFehler(FEHLER_KEIN_JSON) from fehler
    if not isinstance(aussage, dict):
        raise XAPIFehler(FEHLER_KEIN_OBJEKT)
    verb = aussage.get("verb")
    if not isinstance(verb, dict) or not _iri(verb.get("id")):
        raise XAPIFehler(FEHLER_VERB)
    objekt = aussage.get("object")
    if not isinstance(objekt, dict) or not isinstance(objekt.get("id"), str):
        raise XAPIFehler(FEHLER_OBJEKT)
    if "result" in aussage and not _ergebnis_gueltig(aussage["result"]):
        raise XAPIFehler(FEHLER_ERGEBNIS)
    kontext = aussage.get("context")
    if isinstance(kontext, dict):
        aktivitaeten = kontext.get("contextActivities")
        if isinstance(aktivitaeten, dict) and aktivitaeten.get("parent"):
            raise XAPIFehler(FEHLER_UNTERINHALT)
    return aussage
