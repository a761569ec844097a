"""Each breakdown against the hand-counted `bestand`; filters; suppression applied to every cell."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from berichte.geheimhaltung import ZU_KLEIN
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
# order); hours rounded to tens (weiblich: 4 × 6 + 4.5 = 28.5 → 30; 6 → 10; 12 → 10).
ERWARTET = {
    "geschlecht": {
        "weiblich": [7, 0, 0, 2, 0, 30],
        "männlich": [0, 3, 0, 0, 3, 10],
        "divers": [0, 0, 1, 0, 0, 0],
        "keine Angabe": [1, 0, 0, 0, 0, 10],
    },
    "altersgruppe": {
        "unter 18": [0, 0, 0, 0, 0, 0],
        "18–29": [1, 0, 0, 0, 0, 10],
        "30–54": [7, 0, 0, 2, 0, 30],
        "55 und älter": [0, 3, 0, 0, 3, 10],
        "keine Angabe": [0, 0, 1, 0, 0, 0],
    },
    "kreis": {
        "Hamm": [8, 0, 0, 2, 0, 30],
        "Münster": [0, 3, 0, 0, 3, 10],
        "außerhalb NRW": [0, 0, 1, 0, 0, 0],
    },
    "organisationsart": {
        "Kommune oder Kreis (Verwaltung)": [8, 0, 0, 2, 0, 30],
        "Freier Träger": [0, 3, 0, 0, 3, 10],
        "Sonstige Organisation": [0, 0, 1, 0, 0, 0],
    },
}
ANTEILE = 4  # the first four columns are shares of the enrolments


#: The figures hand-counted here; the ESF Plus indicators of the exit record and follow-up are
#: hand-counted in tests/esf/test_indikatoren.py.
BISHER = ("aktiv", "abgeschlossen", "abgebrochen", "warteliste", "zertifikate", "stunden")


def _roh(tabelle):
    """Unsuppressed counts per category of the BISHER figures (no leading total column)."""
    spalten = [i for i, s in enumerate(tabelle.spalten) if s.schluessel in BISHER]
    return {zeile.titel: [zeile.zellen[i].wert for i in spalten] for zeile in tabelle.zeilen}


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
        "qualifikation_austritt",
        "erwerbstaetig_austritt",
        "bildung_austritt",
        "erwerbstaetig_6_monate",
        "verbessert_6_monate",
        "verwaltungen",
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
    assert erwerbstaetig[ANTEILE:] == [3, 50]
    assert sum(erwerb["arbeitslos"]) == 1


def test_durchgang_und_quartal(bestand):
    tabellen = _tabellen()
    assert _roh(tabellen["durchgang"]) == {
        f"Durchgang A ({bestand['kurs1'].title})": [6, 3, 1, 0, 3, 50],
        f"Durchgang B ({bestand['kurs2'].title})": [2, 0, 0, 2, 0, 0],
    }
    quartale = _roh(tabellen["quartal"])
    heute = datetime.date.today()  # noqa: DTZ011
    aktuell = f"{(heute.month - 1) // 3 + 1}. Quartal {heute.year}"
    assert quartale == {
        f"2. Quartal {bestand['jahr'] - 1}": [0, 3, 0, 0, 3, 10],
        aktuell: [8, 0, 1, 2, 0, 30],
    }


def test_unterdrueckung_nach_den_regeln(bestand):
    """Gender (weiblich 9, männlich 3, divers 1, keine Angabe 1; outcomes aktiv 8, abgeschlossen
    3, abgebrochen 1, warteliste 2): the small outcomes abgebrochen and warteliste are hidden as
    whole columns (a block of 3 persons); the two single persons' rows are hidden whole, and with
    them the smallest further row (männlich), so the hidden rows hold 5 persons."""
    geschlecht = _tabellen()["geschlecht"]
    anzeige = {
        # The first seven columns; the ESF Plus indicators: tests/esf/test_indikatoren.py.
        z.titel: [c.anzeige for c in z.zellen][:7]
        for z in [*geschlecht.zeilen, geschlecht.summe]
    }
    assert anzeige == {
        "weiblich": ["9", "7", "0", ".", ".", "0", "30"],
        "männlich": ["."] * 7,
        "divers": ["."] * 7,
        "keine Angabe": ["."] * 7,
        "Insgesamt": ["14", "8", "3", ".", ".", "3", "50"],
    }
    # Rule 4: every breakdown has the same totals row, hidden places included.
    summen = {tuple(c.anzeige for c in t.summe.zellen) for t in _tabellen().values()}
    assert len(summen) == 1  # the ESF Plus indicators included
    assert next(iter(summen))[:7] == ("14", "8", "3", ".", ".", "3", "50")


@pytest.fixture
def ohne_mindestgroesse(settings):
    """The filters themselves under test: every population shows figures."""
    settings.LERNKETTE_BERICHTE_MINDESTGROESSE = 1


def test_filter_zeitraum_kurs_durchgang_kreis_organisationsart(bestand, ohne_mindestgroesse):
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


def test_leere_auswahl_zeigt_keine_zahlen(bestand):
    bericht = bericht_erstellen(
        filter=Berichtsfilter(von=datetime.date(2001, 1, 1), bis=datetime.date(2001, 3, 31))
    )
    assert bericht.tabellen == []
    assert bericht.grund == str(ZU_KLEIN).format(mindestgroesse=10)


def test_mindestgroesse_aus_den_einstellungen(bestand, settings):
    assert bericht_erstellen(filter=Berichtsfilter()).tabellen
    settings.LERNKETTE_BERICHTE_MINDESTGROESSE = 15
    bericht = bericht_erstellen(filter=Berichtsfilter())
    assert bericht.tabellen == []
    assert "weniger als 15 Personen" in bericht.grund


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
    # A person count: 3 men with a valid certificate (the re-issued one counts once); the
    # men's row is one of the hidden rows, so its certificates are hidden with the others.
    assert _roh(geschlecht)["männlich"][ANTEILE] == 3
    assert _spalte(geschlecht, "zertifikate") == {
        "weiblich": "0",
        "männlich": ".",
        "divers": ".",
        "keine Angabe": ".",
        "Insgesamt": "3",
    }
    # Hours of 2 men and of 1 person are hidden (1–2 persons behind the sum) with the divers
    # row they share a hidden block with; rounded to tens.
    assert _spalte(geschlecht, "stunden") == {
        "weiblich": "30",
        "männlich": ".",
        "divers": ".",
        "keine Angabe": ".",
        "Insgesamt": "50",
    }
    # Münster: 2 persons with hours, hidden, and Hamm with it (else 50 − 30 gives them back).
    assert _spalte(_tabellen()["kreis"], "stunden") == {
        "Hamm": ".",
        "Münster": ".",
        "außerhalb NRW": ".",
        "Insgesamt": "50",
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
    # 2 certificates in all: the whole column is hidden, zeros included.
    assert set(_spalte(tabelle, "zertifikate").values()) == {"."}


def test_zertifikate_und_stunden_mit_filtern(bestand, ohne_mindestgroesse):
    jahr = bestand["jahr"]

    def summen(**filter_):
        tabelle = _tabellen(Berichtsfilter(**filter_))["geschlecht"]
        return [z.wert for z in tabelle.summe.zellen[ANTEILE + 1 : ANTEILE + 3]]

    assert summen() == [3, 50]
    assert summen(von=datetime.date(jahr, 1, 1)) == [0, 30]
    assert summen(bis=datetime.date(jahr - 1, 12, 31)) == [3, 10]
    assert summen(kurs_id=bestand["kurs2"].pk) == [0, 0]
    assert summen(durchgang_id=bestand["d1"].pk) == [3, 50]
    assert summen(kreis=Kreis.objects.get(schluessel=HAMM).pk) == [0, 30]
    assert summen(organisationsart="freier_traeger") == [3, 10]


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
