"""The rules of `geheimhaltung` on plain tables (the attacker test covers whole reports)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from berichte.geheimhaltung import (
    UNTERDRUECKT,
    Eigene,
    Rohtabelle,
    auffaellig,
    bericht_schuetzen,
    runden,
)


def _anzeige(tabelle):
    return [[z.anzeige for z in zeile] for zeile in tabelle.zellen]


def _schuetzen(matrix, **kwargs):
    return bericht_schuetzen([Rohtabelle(anteile=matrix, **kwargs)])[0]


def test_ohne_kleine_werte_bleibt_alles_sichtbar():
    tabelle = _schuetzen([[10, 0, 7], [5, 12, 3]])
    assert _anzeige(tabelle) == [["10", "0", "7"], ["5", "12", "3"]]
    assert [z.anzeige for z in tabelle.zeilensummen] == ["17", "20"]
    assert [z.anzeige for z in tabelle.spaltensummen] == ["15", "12", "10"]
    assert tabelle.gesamt.anzeige == "37"
    assert tabelle.anzahl_unterdrueckt == 0


def test_kleine_zeile_ganz_versteckt_mit_nullen_und_einer_weiteren():
    # "männlich: ., 0, 0, ." would say both men share an outcome: the whole row goes, zeros
    # included, and the smallest further row with it (else total − rest gives it back).
    tabelle = _schuetzen([[1, 0, 0, 1], [5, 4, 3, 3], [9, 8, 7, 6]])
    assert _anzeige(tabelle)[0] == [UNTERDRUECKT] * 4
    assert _anzeige(tabelle)[1] == [UNTERDRUECKT] * 4
    assert _anzeige(tabelle)[2] == ["9", "8", "7", "6"]
    assert [z.anzeige for z in tabelle.zeilensummen] == [UNTERDRUECKT, UNTERDRUECKT, "30"]
    assert [z.anzeige for z in tabelle.spaltensummen] == ["15", "12", "10", "10"]


def test_kleine_spalte_ganz_versteckt_mit_einer_weiteren():
    tabelle = _schuetzen([[10, 0, 7, 4], [5, 0, 3, 6], [5, 2, 3, 6]])
    spalten = [[zeile[j] for zeile in _anzeige(tabelle)] for j in range(4)]
    assert spalten[1] == [UNTERDRUECKT] * 3  # 2 persons in all: none of the zeros shown
    assert spalten[2] == [UNTERDRUECKT] * 3  # the smallest other column, so 2 ≠ N − rest
    assert [z.anzeige for z in tabelle.spaltensummen] == ["20", ".", ".", "16"]


def test_summen_in_allen_tabellen_gleich():
    tabellen = bericht_schuetzen(
        [Rohtabelle(anteile=[[10, 2], [5, 0]]), Rohtabelle(anteile=[[15, 1], [0, 1]])]
    )
    assert {tuple(z.anzeige for z in t.spaltensummen) for t in tabellen} == {(".", ".")}


def test_stunden_gerundet_und_erst_ab_drei_personen():
    eigene = {
        "stunden": Eigene(
            werte=[Decimal("12"), Decimal("44.5"), Decimal("31")], personen=[2, 7, 5], rundung=10
        )
    }
    tabelle = _schuetzen([[3, 0], [4, 4], [5, 5]], eigene=eigene)
    zellen, summe = tabelle.eigene["stunden"]
    assert [z.anzeige for z in zellen] == [UNTERDRUECKT, "40", UNTERDRUECKT]
    assert summe.anzeige == "90"  # 87.5 rounded to tens
    assert runden(Decimal("4.99"), 10) == 0
    assert runden(Decimal("5"), 10) == 10


def test_differenz_zu_einem_weiteren_filter():
    assert auffaellig({"a": 10, "b": 4, "c": 7}, [{"a": 12, "b": 4, "c": 10}]) == {"a"}
    tabelle = _schuetzen([[10, 4], [8, 9]], auffaellig={("zelle", 0, 1)})
    assert _anzeige(tabelle) == [[UNTERDRUECKT] * 2, [UNTERDRUECKT] * 2]


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
def test_eigenschaft_kleine_gruppen_nie_aufgeschluesselt(matrix):
    tabelle = _schuetzen(matrix)
    for i, zeile in enumerate(tabelle.zellen):
        for j, zelle in enumerate(zeile):
            assert zelle.wert == matrix[i][j]
            if 1 <= zelle.wert <= 2 or 1 <= sum(matrix[i]) <= 2:
                assert zelle.unterdrueckt
            if 1 <= sum(r[j] for r in matrix) <= 2:
                assert zelle.unterdrueckt
    for summen in (tabelle.zeilensummen, tabelle.spaltensummen):
        versteckt = [z for z in summen if z.unterdrueckt]
        # Hidden lines come at least in twos and hold at least 3 persons (or all are hidden).
        assert (
            not versteckt
            or len(versteckt) == len(summen)
            or (len(versteckt) >= 2 and sum(z.wert for z in versteckt) >= 3)
        )
