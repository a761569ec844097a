"""Completion rules and issuing: one missing condition → no certificate, all → exactly one."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from kurse.services import lektion_abschliessen
from teilnehmende.models import Anmeldung
from teilnehmende.services import anmeldung_stornieren
from tests.kurse.factories import anmelden, durchgang_fuer, person, pflichtlektionen
from tests.zertifikate.conftest import alles_erledigen
from zertifikate import regeln
from zertifikate.models import Zertifikat
from zertifikate.services import (
    ANMELDUNG_OHNE_PLATZ,
    pruefen_und_ausstellen,
    zertifikat_ausstellen,
)

pytestmark = pytest.mark.django_db


def test_regel_pflichtlektionen_erklaert_den_stand(lage):
    pflicht = pflichtlektionen(lage["kurs"])
    lektion_abschliessen(nutzer=lage["ich"], lektion=pflicht[0])
    assert regeln.pflichtlektionen_erledigt(lage["anmeldung"]) == (
        False,
        "1 von 4 Pflichtlektionen sind erledigt.",
    )
    alles_erledigen(lage["ich"], lage["kurs"])
    assert regeln.pflichtlektionen_erledigt(lage["anmeldung"]) == (
        True,
        "Alle 4 Pflichtlektionen sind erledigt.",
    )


def test_pflichtlektionen_sind_registriert():
    assert "pflichtlektionen" in [regel.name for regel in regeln.regeln()]


def test_eine_offene_pflichtlektion_verhindert_das_zertifikat(lage):
    for lektion in pflichtlektionen(lage["kurs"])[:-1]:
        lektion_abschliessen(nutzer=lage["ich"], lektion=lektion)
    assert pruefen_und_ausstellen(lage["anmeldung"]) is None
    assert not Zertifikat.objects.exists()


def test_freiwillige_lektionen_zaehlen_nicht(lage):
    alles_erledigen(lage["ich"], lage["kurs"])  # the optional lesson per module stays open
    assert pruefen_und_ausstellen(lage["anmeldung"]) is not None


def test_alle_bedingungen_ergeben_genau_ein_zertifikat(lage, django_capture_on_commit_callbacks):
    alles_erledigen(lage["ich"], lage["kurs"])
    with django_capture_on_commit_callbacks(execute=True):
        erstes = pruefen_und_ausstellen(lage["anmeldung"])
    zweites = pruefen_und_ausstellen(lage["anmeldung"])
    drittes = zertifikat_ausstellen(anmeldung=lage["anmeldung"])
    assert erstes.pk == zweites.pk == drittes.pk
    assert Zertifikat.objects.count() == 1
    erstes.refresh_from_db()
    assert erstes.status == Zertifikat.Status.GUELTIG
    assert erstes.inhaber_name == "Amelie Absolventin"
    assert erstes.kurs_titel == lage["kurs"].title
    lage["anmeldung"].refresh_from_db()
    assert lage["anmeldung"].status == Anmeldung.Status.ABGESCHLOSSEN
    # The PDF task ran after the commit and told the holder.
    assert erstes.pdf and erstes.pdf_erstellt_am
    assert len(mail.outbox) == 1
    assert erstes.nummer in mail.outbox[0].body
    assert "/zertifikate/pruefen/" + erstes.nummer in mail.outbox[0].body


def test_fehlschlagende_regel_verhindert_das_zertifikat(lage, registrierte_regel):
    alles_erledigen(lage["ich"], lage["kurs"])
    registrierte_regel("test_praesentation", lambda anmeldung: (False, "Noch nicht angenommen."))
    assert pruefen_und_ausstellen(lage["anmeldung"]) is None
    assert not Zertifikat.objects.exists()
    ergebnisse = {e.regel: e for e in regeln.auswerten(lage["anmeldung"])}
    assert ergebnisse["test_praesentation"].erklaerung == "Noch nicht angenommen."
    assert ergebnisse["pflichtlektionen"].erfuellt


def test_erfuellte_zusatzregel_erlaubt_das_zertifikat(lage, registrierte_regel):
    gesehen = []

    def regel(anmeldung):
        gesehen.append(anmeldung.pk)
        return True, "Anwesenheit genügt."

    registrierte_regel("test_anwesenheit", regel)
    alles_erledigen(lage["ich"], lage["kurs"])
    assert pruefen_und_ausstellen(lage["anmeldung"]) is not None
    assert lage["anmeldung"].pk in gesehen


def test_ohne_platz_kein_zertifikat(lage, trainerin):
    voll = durchgang_fuer(lage["kurs"], kapazitaet=1)
    anmelden(person("erste"), voll)
    wartend = anmelden(lage["ich"], voll)
    assert wartend.status == Anmeldung.Status.WARTELISTE
    alles_erledigen(lage["ich"], lage["kurs"])
    assert pruefen_und_ausstellen(wartend) is None
    with pytest.raises(ValidationError) as fehler:
        zertifikat_ausstellen(anmeldung=wartend)
    assert fehler.value.messages == [str(ANMELDUNG_OHNE_PLATZ)]
    assert not Zertifikat.objects.filter(anmeldung=wartend).exists()


def test_storniert_kein_zertifikat(lage):
    anmeldung_stornieren(anmeldung=lage["anmeldung"], benachrichtigen=False)
    lage["anmeldung"].refresh_from_db()
    alles_erledigen(lage["ich"], lage["kurs"])
    assert pruefen_und_ausstellen(lage["anmeldung"]) is None


def test_letzte_lektion_stellt_automatisch_aus(lage, django_capture_on_commit_callbacks):
    pflicht = pflichtlektionen(lage["kurs"])
    for lektion in pflicht[:-1]:
        with django_capture_on_commit_callbacks(execute=True):
            lektion_abschliessen(nutzer=lage["ich"], lektion=lektion)
    assert not Zertifikat.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        lektion_abschliessen(nutzer=lage["ich"], lektion=pflicht[-1])
    assert Zertifikat.objects.filter(anmeldung=lage["anmeldung"]).count() == 1


def test_befehl_zertifikate_pruefen(lage, capsys):
    alles_erledigen(lage["ich"], lage["kurs"])  # without on_commit: the signal did not run
    assert not Zertifikat.objects.exists()
    call_command("zertifikate_pruefen")
    assert Zertifikat.objects.filter(anmeldung=lage["anmeldung"]).count() == 1
    assert "1 Zertifikat ausgestellt" in capsys.readouterr().out
    call_command("zertifikate_pruefen")
    assert Zertifikat.objects.count() == 1
