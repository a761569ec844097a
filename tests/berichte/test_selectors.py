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

# Columns: aktiv, abgeschlossen, abgebrochen, warteliste (MASSZAHLEN order).
ERWARTET = {
    "geschlecht": {
        "weiblich": [7, 0, 0, 2],
        "männlich": [0, 3, 0, 0],
        "divers": [0, 0, 1, 0],
        "keine Angabe": [1, 0, 0, 0],
    },
    "altersgruppe": {
        "unter 18": [0, 0, 0, 0],
        "18–29": [1, 0, 0, 0],
        "30–54": [7, 0, 0, 2],
        "55 und älter": [0, 3, 0, 0],
        "keine Angabe": [0, 0, 1, 0],
    },
    "kreis": {"Hamm": [8, 0, 0, 2], "Münster": [0, 3, 0, 0], "außerhalb NRW": [0, 0, 1, 0]},
    "organisationsart": {
        "Kommune oder Kreis (Verwaltung)": [8, 0, 0, 2],
        "Freier Träger": [0, 3, 0, 0],
        "Sonstige Organisation": [0, 0, 1, 0],
    },
}


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
    assert [sum(werte) for werte in bildung.values()] == [1, 3, 9, 1]
    erwerb = _roh(tabellen["erwerbsstatus"])
    assert sum(erwerb[next(k for k in erwerb if k.startswith("erwerbstätig"))]) == 13
    assert sum(erwerb["arbeitslos"]) == 1


def test_durchgang_und_quartal(bestand):
    tabellen = _tabellen()
    assert _roh(tabellen["durchgang"]) == {
        f"Durchgang A ({bestand['kurs1'].title})": [6, 3, 1, 0],
        f"Durchgang B ({bestand['kurs2'].title})": [2, 0, 0, 2],
    }
    quartale = _roh(tabellen["quartal"])
    heute = datetime.date.today()  # noqa: DTZ011
    aktuell = f"{(heute.month - 1) // 3 + 1}. Quartal {heute.year}"
    assert quartale == {
        f"2. Quartal {bestand['jahr'] - 1}": [0, 3, 0, 0],
        aktuell: [8, 0, 1, 2],
    }


def test_summen_und_unterdrueckung_wie_schuetzen(bestand):
    geschlecht = _tabellen()["geschlecht"]
    matrix = list(ERWARTET["geschlecht"].values())
    erwartet = schuetzen(matrix)
    assert [z.anzeige for z in geschlecht.summe.zellen] == [
        erwartet.gesamt.anzeige,
        *(z.anzeige for z in erwartet.spaltensummen),
    ]
    for zeile, zellen, summe in zip(
        geschlecht.zeilen, erwartet.zellen, erwartet.zeilensummen, strict=True
    ):
        assert [z.anzeige for z in zeile.zellen] == [summe.anzeige, *(z.anzeige for z in zellen)]
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
    assert [z.anzeige for z in tabellen["kreis"].summe.zellen] == ["0"] * 5
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
