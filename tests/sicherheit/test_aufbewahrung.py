"""Retention: ESF records are anonymised after 31 Dec of the 5th year after the cohort ended."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kern.models import Protokolleintrag
from teilnehmende.anonymisierung import ANONYMISIERT, aufbewahrung_endet
from teilnehmende.models import Anmeldung, Eintrittsdaten
from teilnehmende.tasks import aufbewahrung_durchsetzen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
from tests.sicherheit.test_datenschutz import kennzahlen

ENDE = datetime.date(2026, 12, 20)


@pytest.fixture
def alt(site):
    """A cohort that ends on ENDE with two participants (enrolled while it was open)."""
    durchgang = durchgang_fuer(kurs_anlegen(module=1, lektionen=1))
    leute = [person(), person()]
    for nutzer in leute:
        anmelden(nutzer, durchgang, geburtsjahr=1970, organisation="Jugendamt Unna")
    durchgang.ende = ENDE
    durchgang.save(update_fields=["ende"])
    return durchgang


def _befehl(*argumente) -> str:
    ausgabe = StringIO()
    call_command("aufbewahrung_durchsetzen", *argumente, stdout=ausgabe)
    return ausgabe.getvalue()


def test_frist_endet_am_31_dezember_des_fuenften_folgejahres():
    assert aufbewahrung_endet(ENDE) == datetime.date(2031, 12, 31)
    assert aufbewahrung_endet(datetime.date(2027, 1, 1)) == datetime.date(2032, 12, 31)


def test_probelauf_listet_und_aendert_nichts(alt):
    ausgabe = _befehl("--dry-run", "--heute", "2032-01-01")
    assert "Probelauf: 2 Anmeldung(en) würden anonymisiert." in ausgabe
    assert "Frist abgelaufen am 31.12.2031" in ausgabe
    assert Anmeldung.objects.filter(nutzer__isnull=False).count() == 2
    assert not Protokolleintrag.objects.filter(aktion="aufbewahrung_anonymisiert").exists()


def test_am_letzten_tag_der_frist_bleibt_alles(alt):
    assert "Probelauf: 0 Anmeldung(en)" in _befehl("--dry-run", "--heute", "2031-12-31")
    _befehl("--heute", "2031-12-31")
    assert not Anmeldung.objects.filter(anonymisiert_am__isnull=False).exists()


def test_nach_der_frist_anonymisiert_und_zahlen_gleich(alt):
    vorher = kennzahlen()
    assert "2 Anmeldung(en) anonymisiert." in _befehl("--heute", "2032-01-01")
    assert kennzahlen() == vorher
    assert not Anmeldung.objects.filter(nutzer__isnull=False).exists()
    assert set(Eintrittsdaten.objects.values_list("organisation", flat=True)) == {ANONYMISIERT}
    eintrag = Protokolleintrag.objects.get(aktion="aufbewahrung_anonymisiert")
    assert eintrag.details["anzahl"] == 2
    # idempotent
    assert "0 Anmeldung(en) anonymisiert." in _befehl("--heute", "2032-01-01")


def test_beat_aufgabe_nutzt_heute(alt, settings):
    assert settings.CELERY_BEAT_SCHEDULE["esf-aufbewahrung"]["task"] == (
        "teilnehmende.tasks.aufbewahrung_durchsetzen"
    )
    assert aufbewahrung_durchsetzen.delay().get() == 0  # the cohort ended this year
    settings.LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE = -1  # pretend the period is over
    assert aufbewahrung_durchsetzen.delay().get() == 2


def test_ungueltiger_stichtag(db):
    with pytest.raises(CommandError, match="kein Datum"):
        _befehl("--heute", "morgen")
