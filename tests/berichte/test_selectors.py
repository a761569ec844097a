"""Each breakdown against the hand-counted `bestand`; filters; suppression applied to every cell."""

import datetime

from django.contrib.auth import get_user_model

from berichte.geheimhaltung import schuetzen
from berichte.selectors import (
    AUFSCHLUESSELUNGEN,
    AUSSERHALB_NRW,
    MASSZAHLEN,
    Berichtsfilter,
    bericht_erstellen,
)
from kern.models import Kreis

from .conftest import HAMM

# Columns: aktiv, abgeschlossen, abgebrochen, warteliste, zertifikate, stunden (MASSZAHLEN
# order); hours in whole hours, rounded half up (weiblich: 4 × 6 + 4.5 = 28.5 → 29).
ERWARTET = {
    "geschlecht": {
        "weiblich": [7, 0, 0, 2, 0, 29],
        "männlich": [0, 3, 0, 0, 3, 12],
        "divers": [0, 0, 1, 0, 0, 0],
        "keine Angabe": [1, 0, 0, 0, 0, 6],
    },
    "altersgruppe": {
        "unter 18": [0, 0, 0, 0, 0, 0],
        "18–29": [1, 0, 0, 0, 0, 6],
        "30–54": [7, 0, 0, 2, 0, 29],
        "55 und älter": [0, 3, 0, 0, 3, 12],
        "keine Angabe": [0, 0, 1, 0, 0, 0],
    },
    "kreis": {
        "Hamm": [8, 0, 0, 2, 0, 35],
        "Münster": [0, 3, 0, 0, 3, 12],
        "außerhalb NRW": [0, 0, 1, 0, 0, 0],
    },
    "organisationsart": {
        "Kommune oder Kreis (Verwaltung)": [8, 0, 0, 2, 0, 35],
        "Freier Träger": [0, 3, 0, 0, 3, 12],
        "Sonstige Organisation": [0, 0, 1, 0, 0, 0],
    },
}
ANTEILE = 4  # the first four columns are shares of the enrolments


def _roh(tabelle):
    """Unsuppressed counts per category, without the leading total column."""
    return {zeile.titel: [z.wert for z in zeile.zellen[1:]] for zeile in tabelle.zeilen}


def _tabellen(filter_=None):
    return {t.schluessel: t for t in bericht_erstellen(filter=filter_ or Berichtsfilter()).tabellen}


def test_masszahlen_und_aufschluesselungen_an_einer_stelle():
    assert [m.schluessel for m in MASSZAHLEN] == [
        "aktiv",
        "abgeschlossen",
        "abgebrochen",
        "warteliste",
        "zertifikate",
        "stunden",
    ]
    assert [a.schluessel for a in AUFSCHLUESSELUNGEN] == [
        "quartal",
        "durchgang",
        "kreis",
        "geschlecht",
        "altersgruppe",
        "bildung",
        "erwerbsstatus",
        "organisationsart",
    ]


def test_aufschluesselungen_nach_handzaehlung(bestand):
    tabellen = _tabellen()
    for schluessel, erwartet in ERWARTET.items():
        assert _roh(tabellen[schluessel]) == erwartet, schluessel
    bildung = _roh(tabellen["bildung"])
    assert [sum(werte[:ANTEILE]) for werte in bildung.values()] == [1, 3, 9, 1]
    erwerb = _roh(tabellen["erwerbsstatus"])
    erwerbstaetig = erwerb[next(k for k in erwerb if k.startswith("erwerbstätig"))]
    assert sum(erwerbstaetig[:ANTEILE]) == 13
    assert erwerbstaetig[ANTEILE:] == [3, 47]
    assert sum(erwerb["arbeitslos"]) == 1


def test_durchgang_und_quartal(bestand):
    tabellen = _tabellen()
    assert _roh(tabellen["durchgang"]) == {
        f"Durchgang A ({bestand['kurs1'].title})": [6, 3, 1, 0, 3, 47],
        f"Durchgang B ({bestand['kurs2'].title})": [2, 0, 0, 2, 0, 0],
    }
    quartale = _roh(tabellen["quartal"])
    heute = datetime.date.today()  # noqa: DTZ011
    aktuell = f"{(heute.month - 1) // 3 + 1}. Quartal {heute.year}"
    assert quartale == {
        f"2. Quartal {bestand['jahr'] - 1}": [0, 3, 0, 0, 3, 12],
        aktuell: [8, 0, 1, 2, 0, 35],
    }


def test_summen_und_unterdrueckung_wie_schuetzen(bestand):
    geschlecht = _tabellen()["geschlecht"]
    matrix = [werte[:ANTEILE] for werte in ERWARTET["geschlecht"].values()]
    erwartet = schuetzen(matrix)
    assert [z.anzeige for z in geschlecht.summe.zellen[: ANTEILE + 1]] == [
        erwartet.gesamt.anzeige,
        *(z.anzeige for z in erwartet.spaltensummen),
    ]
    for zeile, zellen, summe in zip(
        geschlecht.zeilen, erwartet.zellen, erwartet.zeilensummen, strict=True
    ):
        anteile = [z.anzeige for z in zeile.zellen[: ANTEILE + 1]]
        assert anteile == [summe.anzeige, *(z.anzeige for z in zellen)]
    assert geschlecht.summe.zellen[0].anzeige == "14"
    # divers (1 person) and keine Angabe (1 person) are hidden; weiblich 9 stays visible.
    anzeige = {zeile.titel: zeile.zellen[0].anzeige for zeile in geschlecht.zeilen}
    assert anzeige["divers"] == "."
    assert anzeige["keine Angabe"] == "."
    assert anzeige["weiblich"] == "9"
    assert anzeige["männlich"] == "3"


def test_filter_zeitraum_kurs_durchgang_kreis_organisationsart(bestand):
    def gesamt(**filter_):
        return _tabellen(Berichtsfilter(**filter_))["geschlecht"].summe.zellen[0].wert

    jahr = bestand["jahr"]
    assert gesamt() == 14
    assert gesamt(von=datetime.date(jahr, 1, 1)) == 11
    assert gesamt(bis=datetime.date(jahr - 1, 12, 31)) == 3
    assert gesamt(von=datetime.date(jahr - 1, 4, 1), bis=datetime.date(jahr - 1, 6, 30)) == 3
    assert gesamt(kurs_id=bestand["kurs2"].pk) == 4
    assert gesamt(durchgang_id=bestand["d1"].pk) == 10
    assert gesamt(kreis=Kreis.objects.get(schluessel=HAMM).pk) == 10
    assert gesamt(kreis=AUSSERHALB_NRW) == 1
    assert gesamt(organisationsart="freier_traeger") == 3


def test_leere_auswahl_ergibt_nullen(bestand):
    tabellen = _tabellen(
        Berichtsfilter(von=datetime.date(2001, 1, 1), bis=datetime.date(2001, 2, 1))
    )
    assert tabellen["kreis"].zeilen == []
    assert [z.anzeige for z in tabellen["kreis"].summe.zellen] == ["0"] * 7
    # Fixed categories stay visible with 0.
    assert [z.zellen[0].anzeige for z in tabellen["geschlecht"].zeilen] == ["0"] * 4


def test_anfragen_ohne_status_der_berichte_zaehlen_nicht(bestand):
    from teilnehmende.models import Anmeldung

    eine = Anmeldung.objects.filter(status=Anmeldung.Status.BESTAETIGT).first()
    Anmeldung.objects.filter(pk=eine.pk).update(status=Anmeldung.Status.ANGEFRAGT)
    assert _tabellen()["geschlecht"].summe.zellen[0].wert == 13


def test_zahlen_bleiben_nach_anonymisierung_gleich(bestand):
    vorher = [[z.wert for z in zeile.zellen] for t in _tabellen().values() for zeile in t.zeilen]
    # What account deletion leaves: the enrolment and its entry data, no name, no e-mail.
    for nummer, nutzer in enumerate(get_user_model().objects.filter(anmeldungen__isnull=False)):
        nutzer.email = f"geloescht-{nummer}@invalid"
        nutzer.username = f"geloescht-{nummer}"
        nutzer.first_name = nutzer.last_name = ""
        nutzer.is_active = False
        nutzer.save()
    nachher = [[z.wert for z in zeile.zellen] for t in _tabellen().values() for zeile in t.zeilen]
    assert nachher == vorher


def _spalte(tabelle, schluessel):
    """Shown values of one figure: per category, then "Insgesamt"."""
    j = [s.schluessel for s in tabelle.spalten].index(schluessel)
    return {zeile.titel: zeile.zellen[j].anzeige for zeile in [*tabelle.zeilen, tabelle.summe]}


def test_zertifikate_und_stunden_mit_unterdrueckung(bestand):
    geschlecht = _tabellen()["geschlecht"]
    # A person count: 3 men with a valid certificate (the re-issued one counts once).
    assert _spalte(geschlecht, "zertifikate") == {
        "weiblich": "0",
        "männlich": "3",
        "divers": "0",
        "keine Angabe": "0",
        "Insgesamt": "3",
    }
    # Hours of 2 men and of 1 person are hidden (1–2 persons behind the sum); two hidden cells
    # in the column, so the visible total 47 does not give either of them back.
    assert _spalte(geschlecht, "stunden") == {
        "weiblich": "29",
        "männlich": ".",
        "divers": "0",
        "keine Angabe": ".",
        "Insgesamt": "47",
    }
    # Secondary suppression on the person counts: Münster (2 persons) hidden, so Hamm is too.
    assert _spalte(_tabellen()["kreis"], "stunden") == {
        "Hamm": ".",
        "Münster": ".",
        "außerhalb NRW": "0",
        "Insgesamt": "47",
    }


def test_widerrufene_zertifikate_zaehlen_nicht(bestand):
    from zertifikate.models import Zertifikat
    from zertifikate.services import zertifikat_widerrufen

    zertifikat = Zertifikat.objects.get(
        anmeldung=bestand["maenner"][0], status=Zertifikat.Status.GUELTIG
    )
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Anwesenheit korrigiert", von=None)
    tabelle = _tabellen()["geschlecht"]
    assert _roh(tabelle)["männlich"][ANTEILE] == 2
    assert _spalte(tabelle, "zertifikate")["männlich"] == "."
    assert _spalte(tabelle, "zertifikate")["Insgesamt"] == "."


def test_zertifikate_und_stunden_mit_filtern(bestand):
    jahr = bestand["jahr"]

    def summen(**filter_):
        tabelle = _tabellen(Berichtsfilter(**filter_))["geschlecht"]
        return [z.wert for z in tabelle.summe.zellen[ANTEILE + 1 :]]

    assert summen() == [3, 47]
    assert summen(von=datetime.date(jahr, 1, 1)) == [0, 35]
    assert summen(bis=datetime.date(jahr - 1, 12, 31)) == [3, 12]
    assert summen(kurs_id=bestand["kurs2"].pk) == [0, 0]
    assert summen(durchgang_id=bestand["d1"].pk) == [3, 47]
    assert summen(kreis=Kreis.objects.get(schluessel=HAMM).pk) == [0, 35]
    assert summen(kreis=AUSSERHALB_NRW) == [0, 0]
    assert summen(organisationsart="freier_traeger") == [3, 12]


def test_zertifikate_und_stunden_zaehlen_nach_kontoloeschung(bestand):
    from kern.services import konto_loeschen
    from teilnehmende.models import Anmeldung

    vorher = {k: _roh(t) for k, t in _tabellen().items()}
    # The completed men delete their accounts: enrolment, attendance and certificate stay,
    # detached from the person; every figure stays the same.
    for anmeldung in bestand["maenner"]:
        konto_loeschen(nutzer=anmeldung.nutzer)
    assert Anmeldung.objects.filter(nutzer__isnull=True, anonymisiert_am__isnull=False).count() == 3
    assert {k: _roh(t) for k, t in _tabellen().items()} == vorher
