"""Statistical disclosure control for the funder figures (one place, used by screen, CSV and XLSX).

Primary suppression: a cell with 1 or 2 persons is hidden and shown as ".". Secondary suppression:
wherever a row, a column or the totals would let someone compute a hidden cell back (a sum with
exactly one hidden member), a further cell of that sum is hidden — the smallest non-zero one, else
the total. Zero stays visible as 0. The rule is applied until no sum has a single hidden member.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

UNTERDRUECKT = "."
GRENZE = 2  # 1..GRENZE persons are suppressed
HINWEIS = _(
    "Zum Schutz der Teilnehmenden werden Werte aus 1 oder 2 Personen nicht ausgewiesen („.“). "
    "Damit sie sich nicht aus Summen zurückrechnen lassen, ist in derselben Zeile oder Spalte ein "
    "weiterer Wert ausgeblendet („.“). Eine 0 bedeutet: keine Person. Anwesenheitsstunden "
    "(auf volle Stunden gerundet) werden ausgeblendet, wenn sie von 1 oder 2 Personen stammen."
)


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
class GeschuetzteTabelle:
    """A counts table with row totals, column totals and the grand total, after suppression."""

    zellen: list[list[Zelle]]
    zeilensummen: list[Zelle]
    spaltensummen: list[Zelle]
    gesamt: Zelle

    @property
    def anzahl_unterdrueckt(self) -> int:
        alle = [z for zeile in self.zellen for z in zeile]
        alle += [*self.zeilensummen, *self.spaltensummen, self.gesamt]
        return sum(1 for z in alle if z.unterdrueckt)


def _ist_primaer(wert: int) -> bool:
    return 1 <= wert <= GRENZE


def schuetzen(matrix: Sequence[Sequence[int]]) -> GeschuetzteTabelle:
    """Apply primary and secondary suppression to a person-count matrix (rows × columns).

    Totals are computed here from the matrix, so figures and totals always agree.
    """
    zeilen = len(matrix)
    spalten = len(matrix[0]) if zeilen else 0
    # Extended grid: index `spalten` is the row-total column, index `zeilen` the column-total row.
    werte: dict[tuple[int, int], int] = {}
    for i, zeile in enumerate(matrix):
        if len(zeile) != spalten:
            raise ValueError("Alle Zeilen brauchen gleich viele Spalten.")
        for j, wert in enumerate(zeile):
            werte[i, j] = int(wert)
        werte[i, spalten] = sum(int(w) for w in zeile)
    for j in range(spalten):
        werte[zeilen, j] = sum(werte[i, j] for i in range(zeilen))
    werte[zeilen, spalten] = sum(werte[i, spalten] for i in range(zeilen))

    verdeckt = {pos for pos, wert in werte.items() if _ist_primaer(wert)}
    # Each sum relation: its members, the last one being the total.
    summen: list[list[tuple[int, int]]] = [
        [(i, j) for j in range(spalten + 1)] for i in range(zeilen + 1)
    ] + [[(i, j) for i in range(zeilen + 1)] for j in range(spalten + 1)]

    geaendert = True
    while geaendert:
        geaendert = False
        for glieder in summen:
            if sum(1 for pos in glieder if pos in verdeckt) != 1:
                continue
            zusatz = _zweite_zelle(glieder, werte, verdeckt)
            if zusatz is not None:
                verdeckt.add(zusatz)
                geaendert = True

    def zelle(pos: tuple[int, int]) -> Zelle:
        return Zelle(werte[pos], pos in verdeckt)

    return GeschuetzteTabelle(
        zellen=[[zelle((i, j)) for j in range(spalten)] for i in range(zeilen)],
        zeilensummen=[zelle((i, spalten)) for i in range(zeilen)],
        spaltensummen=[zelle((zeilen, j)) for j in range(spalten)],
        gesamt=zelle((zeilen, spalten)),
    )


def _zweite_zelle(glieder, werte, verdeckt) -> tuple[int, int] | None:
    """The member to hide next: the smallest positive inner cell, else the total, else a zero."""
    *innen, summe = glieder
    offen = [pos for pos in innen if pos not in verdeckt]
    positiv = [pos for pos in offen if werte[pos] > 0]
    if positiv:
        return min(positiv, key=lambda pos: (werte[pos], pos))
    if summe not in verdeckt:
        return summe
    return offen[0] if offen else None
