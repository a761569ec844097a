"""Statistical disclosure control for the funder figures: the one place of the rules.

Screen, charts (and their text alternatives), CSV and XLSX all show the `GeschuetzteTabelle`s
made here, so a value hidden anywhere is hidden everywhere. The rules, for every filter:

1. **Minimum population**: figures only for at least `mindestgroesse()` entrants
   (`LERNKETTE_BERICHTE_MINDESTGROESSE`, default 10); otherwise no number at all.
2. **Whole quarters** (the form): periods are a year, a quarter or a range of whole quarters.
3. **Attribute disclosure**: a group of 1 or 2 persons ("small") is never broken down. A small
   row (category) is hidden as a whole, zeros included, and so is a small column (outcome), in
   every breakdown. A row whose cells hold a small value is hidden whole too. Hidden rows (and
   hidden columns) come at least in twos and together hold at least 3 persons, so no hidden
   value follows from a total by subtraction and no hidden block is a small group.
4. **Consistency**: the totals row is decided once for the report (`bericht_schuetzen`), so the
   overview, every table's "Insgesamt" row, charts and exports agree.
5. **Hours** are rounded to `STUNDEN_RUNDUNG` and shown only where at least 3 persons attended
   (the same block rule as the certificates).

Differencing: `auffaellig()` marks every value that differs by 1 or 2 persons from the same
value under a wider filter (another period or "alle" in one filter); such a value counts as
small, and a report whose population differs so from a wider one is not shown (`ABSTAND`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

UNTERDRUECKT = "."
GRENZE = 2  # groups of 1..GRENZE persons are small
STUNDEN_RUNDUNG = 10
MINDESTGROESSE_STANDARD = 10

HINWEIS = _(
    "So schützen wir die Teilnehmenden: Zahlen gibt es nur, wenn die gewählte Auswahl mindestens "
    "{mindestgroesse} Personen umfasst. Zeiträume sind ganze Quartale oder Jahre. Eine Gruppe "
    "aus 1 oder 2 Personen wird nie weiter aufgeschlüsselt: Ihre ganze Zeile oder Spalte wird "
    "ausgeblendet („.“), auch Nullen, und mindestens eine weitere, damit sich nichts aus Summen "
    "zurückrechnen lässt. Was in einer Tabelle ausgeblendet ist, ist es überall im Bericht und in "
    "den Downloads. Werte, die sich von derselben Zahl bei einem weiteren Filter (längerer "
    "Zeitraum oder „alle“) nur um 1 oder 2 Personen unterscheiden, werden ebenfalls ausgeblendet. "
    "Anwesenheitsstunden sind auf {rundung} Stunden gerundet und erscheinen nur für Gruppen ab "
    "3 Personen. Eine 0 bedeutet: keine Person."
)
ZU_KLEIN = _(
    "Für diese Auswahl zeigen wir keine Zahlen: Sie umfasst weniger als {mindestgroesse} "
    "Personen. Bitte wählen Sie einen längeren Zeitraum oder weniger Filter."
)
ABSTAND = _(
    "Für diese Auswahl zeigen wir keine Zahlen: Sie unterscheidet sich von einer weiter gefassten "
    "Auswahl (längerer Zeitraum oder „alle“ bei einem Filter) nur um 1 oder 2 Personen, die sich "
    "sonst durch Vergleich erkennen ließen. Bitte wählen Sie eine weiter gefasste Auswahl."
)


def mindestgroesse() -> int:
    return int(getattr(settings, "LERNKETTE_BERICHTE_MINDESTGROESSE", MINDESTGROESSE_STANDARD))


def hinweis() -> str:
    return str(HINWEIS).format(mindestgroesse=mindestgroesse(), rundung=STUNDEN_RUNDUNG)


def ist_klein(wert: int) -> bool:
    return 1 <= wert <= GRENZE


def runden(wert: Any, auf: int = 1) -> int:
    """Whole number (half up), then to the nearest multiple of `auf`."""
    genau = Decimal(wert or 0)
    return int((genau / auf).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * auf


def auffaellig(
    werte: Mapping[Hashable, int], weiter: Sequence[Mapping[Hashable, int]]
) -> set[Hashable]:
    """Keys whose value differs by 1..GRENZE persons from the same key under a wider filter."""
    return {
        schluessel
        for schluessel, wert in werte.items()
        for anderer in weiter
        if ist_klein(abs(anderer.get(schluessel, 0) - wert))
    }


@dataclass(frozen=True)
class Zelle:
    wert: int
    unterdrueckt: bool = False

    @property
    def anzeige(self) -> str:
        return UNTERDRUECKT if self.unterdrueckt else str(self.wert)

    def __str__(self) -> str:
        return self.anzeige


@dataclass(frozen=True)
class Eigene:
    """An own figure of a breakdown (not a share): values and the persons behind them per row."""

    werte: Sequence[Any]
    personen: Sequence[int]
    rundung: int = 1


@dataclass(frozen=True)
class Rohtabelle:
    """One breakdown before suppression. `auffaellig` holds the row-local keys that differ by a
    small group from a wider filter: ("zeile", i), ("zelle", i, j), ("eigen", name, i)."""

    anteile: Sequence[Sequence[int]]
    eigene: Mapping[str, Eigene] = field(default_factory=dict)
    auffaellig: set = field(default_factory=set)


@dataclass(frozen=True)
class GeschuetzteTabelle:
    """A counts table with row totals, column totals and the grand total, after suppression."""

    zellen: list[list[Zelle]]
    zeilensummen: list[Zelle]
    spaltensummen: list[Zelle]
    gesamt: Zelle
    eigene: dict[str, tuple[list[Zelle], Zelle]] = field(default_factory=dict)

    @property
    def anzahl_unterdrueckt(self) -> int:
        alle = [z for zeile in self.zellen for z in zeile]
        alle += [*self.zeilensummen, *self.spaltensummen, self.gesamt]
        alle += [z for spalte, summe in self.eigene.values() for z in [*spalte, summe]]
        return sum(1 for z in alle if z.unterdrueckt)


def _block(
    verdeckt: set[int], mengen: Sequence[int], *, kapazitaet: Sequence[int] | None = None
) -> set[int]:
    """Grow a set of hidden lines until it is empty or has ≥ 2 members holding ≥ 3 persons.

    Partners: the smallest positive line first; then (own figures) a line with persons that
    could hold some of the hidden value; then any line. Returns the grown set.
    """
    verdeckt = set(verdeckt)
    while verdeckt and (len(verdeckt) < 2 or sum(mengen[i] for i in verdeckt) <= GRENZE):
        offen = [i for i in range(len(mengen)) if i not in verdeckt]
        if not offen:
            break
        positiv = [i for i in offen if mengen[i] > 0]
        platz = [i for i in offen if kapazitaet and kapazitaet[i] > 0]
        wahl = positiv or platz or offen
        verdeckt.add(min(wahl, key=lambda i: (mengen[i], i)))
    return verdeckt


def bericht_schuetzen(
    tabellen: Sequence[Rohtabelle], *, auffaellige_summen: set | None = None
) -> list[GeschuetzteTabelle]:
    """Suppress all breakdowns of one report together (their totals are the same values).

    `auffaellige_summen`: report-wide keys ("spalte", j) and ("eigen", name) of totals that differ
    by a small group from a wider filter. All tables must describe the same population.
    """
    if not tabellen:
        return []
    auffaellige_summen = auffaellige_summen or set()
    erste = tabellen[0]
    spalten = len(erste.anteile[0]) if erste.anteile else 0
    spaltensummen = [sum(zeile[j] for zeile in erste.anteile) for j in range(spalten)]
    gesamt = sum(spaltensummen)
    # Rule 3/4: small (or differencing) outcome columns are hidden in every table, in a block.
    spalten_verdeckt = {
        j
        for j, wert in enumerate(spaltensummen)
        if ist_klein(wert) or ("spalte", j) in auffaellige_summen
    }
    spalten_verdeckt = _block(spalten_verdeckt, spaltensummen)
    eigene_verdeckt: set[str] = set()
    for name, eigene in erste.eigene.items():
        personen = sum(eigene.personen)
        if ist_klein(personen) or ("eigen", name) in auffaellige_summen:
            eigene_verdeckt.add(name)
    return [
        _tabelle_schuetzen(t, spalten_verdeckt, eigene_verdeckt, spaltensummen, gesamt)
        for t in tabellen
    ]


def _tabelle_schuetzen(
    roh: Rohtabelle,
    spalten_verdeckt: set[int],
    eigene_verdeckt: set[str],
    spaltensummen: list[int],
    gesamt: int,
) -> GeschuetzteTabelle:
    matrix = [[int(w) for w in zeile] for zeile in roh.anteile]
    zeilensummen = [sum(zeile) for zeile in matrix]
    for j, summe in enumerate(spaltensummen):
        if sum(zeile[j] for zeile in matrix) != summe:
            raise ValueError("Die Aufschlüsselungen eines Berichts brauchen dieselben Summen.")
    zeilen_verdeckt = {
        i
        for i, zeile in enumerate(matrix)
        if ist_klein(zeilensummen[i])
        or ("zeile", i) in roh.auffaellig
        or any(
            j not in spalten_verdeckt and (ist_klein(wert) or ("zelle", i, j) in roh.auffaellig)
            for j, wert in enumerate(zeile)
        )
    }
    zeilen_verdeckt = _block(zeilen_verdeckt, zeilensummen)

    def zelle(wert: int, verdeckt: bool) -> Zelle:
        return Zelle(int(wert), verdeckt)

    eigene: dict[str, tuple[list[Zelle], Zelle]] = {}
    for name, roh_eigene in roh.eigene.items():
        gerundet = [runden(w, roh_eigene.rundung) for w in roh_eigene.werte]
        summe = runden(sum(Decimal(w or 0) for w in roh_eigene.werte), roh_eigene.rundung)
        if name in eigene_verdeckt:
            eigene[name] = ([zelle(w, True) for w in gerundet], zelle(summe, True))
            continue
        verdeckt = {
            i
            for i, p in enumerate(roh_eigene.personen)
            if i in zeilen_verdeckt or ist_klein(p) or ("eigen", name, i) in roh.auffaellig
        }
        verdeckt = _block(verdeckt, roh_eigene.personen, kapazitaet=zeilensummen)
        eigene[name] = (
            [zelle(w, i in verdeckt) for i, w in enumerate(gerundet)],
            zelle(summe, False),
        )

    return GeschuetzteTabelle(
        zellen=[
            [
                zelle(wert, i in zeilen_verdeckt or j in spalten_verdeckt)
                for j, wert in enumerate(zeile)
            ]
            for i, zeile in enumerate(matrix)
        ],
        zeilensummen=[zelle(s, i in zeilen_verdeckt) for i, s in enumerate(zeilensummen)],
        spaltensummen=[zelle(s, j in spalten_verdeckt) for j, s in enumerate(spaltensummen)],
        gesamt=zelle(gesamt, False),
        eigene=eigene,
    )
