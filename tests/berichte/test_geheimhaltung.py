"""Primary and secondary suppression: no hidden cell can be computed back from what is shown."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from berichte.geheimhaltung import UNTERDRUECKT, schuetzen


def _anzeige(tabelle):
    return [[z.anzeige for z in zeile] for zeile in tabelle.zellen]


def test_ohne_kleine_werte_bleibt_alles_sichtbar():
    tabelle = schuetzen([[10, 0, 7], [5, 12, 3]])
    assert _anzeige(tabelle) == [["10", "0", "7"], ["5", "12", "3"]]
    assert [z.anzeige for z in tabelle.zeilensummen] == ["17", "20"]
    assert [z.anzeige for z in tabelle.spaltensummen] == ["15", "12", "10"]
    assert tabelle.gesamt.anzeige == "37"
    assert tabelle.anzahl_unterdrueckt == 0


def test_null_wird_als_null_gezeigt():
    assert _anzeige(schuetzen([[0, 0], [4, 5]])) == [["0", "0"], ["4", "5"]]


def test_primaer_und_sekundaer_in_einer_zeile():
    # One gender category with 2 persons: hidden, and the next smallest of the row too,
    # otherwise 2 = total - the others.
    tabelle = schuetzen([[12, 9, 2, 5]])
    assert _anzeige(tabelle) == [["12", "9", UNTERDRUECKT, UNTERDRUECKT]]
    assert tabelle.zeilensummen[0].anzeige == "28"


def test_sekundaer_ueber_spalten():
    tabelle = schuetzen([[1, 8], [6, 9], [7, 4]])
    angezeigt = _anzeige(tabelle)
    assert angezeigt[0][0] == UNTERDRUECKT
    # Row 0: second hidden cell; column 0: second hidden cell.
    assert angezeigt[0][1] == UNTERDRUECKT
    assert UNTERDRUECKT in (angezeigt[1][0], angezeigt[2][0])


def test_einzige_nicht_null_zelle_versteckt_die_summe():
    tabelle = schuetzen([[0, 1, 0], [3, 4, 5]])
    assert tabelle.zellen[0][1].unterdrueckt
    assert tabelle.zeilensummen[0].unterdrueckt


def test_kleine_summen_werden_selbst_unterdrueckt():
    tabelle = schuetzen([[1, 0], [0, 0]])
    assert tabelle.gesamt.unterdrueckt
    assert tabelle.zeilensummen[0].unterdrueckt
    assert tabelle.spaltensummen[0].unterdrueckt


def _rueckrechenbar(tabelle) -> bool:
    """True when any hidden cell is the only hidden member of a row or column sum."""
    zeilen = len(tabelle.zellen)
    spalten = len(tabelle.zellen[0])
    gitter = [
        [*zeile, summe] for zeile, summe in zip(tabelle.zellen, tabelle.zeilensummen, strict=True)
    ]
    gitter.append([*tabelle.spaltensummen, tabelle.gesamt])
    gruppen = [gitter[i] for i in range(zeilen + 1)]
    gruppen += [[gitter[i][j] for i in range(zeilen + 1)] for j in range(spalten + 1)]
    return any(sum(z.unterdrueckt for z in gruppe) == 1 for gruppe in gruppen)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda spalten: st.lists(
            st.lists(st.integers(min_value=0, max_value=12), min_size=spalten, max_size=spalten),
            min_size=1,
            max_size=6,
        )
    )
)
def test_eigenschaft_nichts_rueckrechenbar_und_werte_unveraendert(matrix):
    tabelle = schuetzen(matrix)
    assert not _rueckrechenbar(tabelle)
    for zeile, original in zip(tabelle.zellen, matrix, strict=True):
        for zelle, wert in zip(zeile, original, strict=True):
            assert zelle.wert == wert
            if 1 <= wert <= 2:
                assert zelle.unterdrueckt
            if zelle.unterdrueckt is False:
                assert zelle.anzeige == str(wert)
    for zelle in itertools.chain(tabelle.zeilensummen, tabelle.spaltensummen, [tabelle.gesamt]):
        if 1 <= zelle.wert <= 2:
            assert zelle.unterdrueckt
