"""Server-rendered bar charts (SVG, no JavaScript) of the suppressed figures.

A suppressed value gets no bar (its length would reveal it) and is labelled "."; the data table
next to each chart and the text alternative carry the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .geheimhaltung import UNTERDRUECKT
from .selectors import Tabelle

BREITE = 640
BESCHRIFTUNG = 250  # width of the category labels
WERTBREITE = 50
ZEILENHOEHE = 26
BALKENHOEHE = 18
MAX_ZEICHEN = 34


@dataclass(frozen=True)
class Balken:
    titel: str
    kurztitel: str
    anzeige: str
    y: int
    breite: int
    text_x: int


@dataclass(frozen=True)
class Diagramm:
    id: str
    titel: str
    beschreibung: str
    hoehe: int
    breite: int
    balken_x: int
    balken: list[Balken]


def _kuerzen(text: str) -> str:
    return text if len(text) <= MAX_ZEICHEN else text[: MAX_ZEICHEN - 1].rstrip() + "…"


def balkendiagramm(tabelle: Tabelle, *, spalte: int = 0) -> Diagramm:
    """Bars of one column (default: "Anmeldungen insgesamt") per category of a breakdown."""
    flaeche = BREITE - BESCHRIFTUNG - WERTBREITE
    zellen = [zeile.zellen[spalte] for zeile in tabelle.zeilen]
    groesster = max((z.wert for z in zellen if not z.unterdrueckt), default=0) or 1
    balken = []
    for nummer, (zeile, zelle) in enumerate(zip(tabelle.zeilen, zellen, strict=True)):
        breite = 0 if zelle.unterdrueckt else round(flaeche * zelle.wert / groesster)
        balken.append(
            Balken(
                titel=zeile.titel,
                kurztitel=_kuerzen(zeile.titel),
                anzeige=zelle.anzeige,
                y=nummer * ZEILENHOEHE,
                breite=breite,
                text_x=BESCHRIFTUNG + breite + 6,
            )
        )
    spaltentitel = tabelle.spalten[spalte].titel
    werte = "; ".join(
        f"{b.titel}: {_('nicht ausgewiesen') if b.anzeige == UNTERDRUECKT else b.anzeige}"
        for b in balken
    )
    return Diagramm(
        id=f"diagramm-{tabelle.schluessel}",
        titel=_("{spalte} nach {aufschluesselung}").format(
            spalte=spaltentitel, aufschluesselung=tabelle.titel
        ),
        beschreibung=_("Balkendiagramm. {werte}.").format(werte=werte) if balken else "",
        hoehe=max(len(balken), 1) * ZEILENHOEHE,
        breite=BREITE,
        balken_x=BESCHRIFTUNG,
        balken=balken,
    )
