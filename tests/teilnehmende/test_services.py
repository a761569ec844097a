"""Enrolment rules: seats, waiting list order, promotion, one enrolment per cohort, consent."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from kurse.models import Durchgang
from kurse.selectors import kursfortschritt
from kurse.services import lektion_abschliessen
from teilnehmende import einwilligung
from teilnehmende.models import Anmeldung, Eintrittsdaten, Einwilligung
from teilnehmende.selectors import belegte_plaetze, warteliste, wartelisten_position
from teilnehmende.services import (
    ANMELDUNG_DOPPELT,
    ANMELDUNG_GESCHLOSSEN,
    EINWILLIGUNG_VERALTET,
    STORNO_NICHT_MOEGLICH,
    anmeldung_erstellen,
    anmeldung_stornieren,
    plaetze_nachbesetzen,
)
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    eintrittsdaten,
    kurs_anlegen,
    person,
    pflichtlektionen,
)

S = Anmeldung.Status


@pytest.fixture
def kurs(site):
    return kurs_anlegen()


def test_freier_platz_bestaetigt_und_speichert_eintrittsdaten_und_einwilligung(kurs):
    durchgang = durchgang_fuer(kurs, kapazitaet=2)
    nutzer = person("anna")
    vorher = timezone.now()
    anmeldung = anmelden(nutzer, durchgang)
    assert anmeldung.status == S.BESTAETIGT
    daten = anmeldung.eintrittsdaten
    assert (daten.geschlecht, daten.geburtsjahr, daten.kreis.name) == ("weiblich", 1985, "Hamm")
    assert daten.stichtag == timezone.localdate()
    einw = Einwilligung.objects.get(nutzer=nutzer)
    assert einw.textversion == einwilligung.TEXTVERSION
    assert einw.zweck == einwilligung.ZWECK
    assert einw.erteilt_am >= vorher and einw.widerrufen_am is None


def test_volle_durchgaenge_fuehren_zur_warteliste_in_reihenfolge(kurs):
    durchgang = durchgang_fuer(kurs, kapazitaet=2)
    leute = [person() for _ in range(5)]
    status = [anmelden(n, durchgang).status for n in leute]
    assert status == [S.BESTAETIGT, S.BESTAETIGT, S.WARTELISTE, S.WARTELISTE, S.WARTELISTE]
    assert [a.nutzer for a in warteliste(durchgang=durchgang)] == leute[2:]
    positionen = [wartelisten_position(anmeldung=Anmeldung.objects.get(nutzer=n)) for n in leute]
    assert positionen == [None, None, 1, 2, 3]
    assert belegte_plaetze(durchgang=durchgang) == 2


def test_storno_laesst_die_erste_wartende_person_nachruecken_und_benachrichtigt_sie(
    kurs, django_capture_on_commit_callbacks
):
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    erste, zweite, dritte = person("erste"), person("zweite"), person("dritte")
    platz = anmelden(erste, durchgang)
    anmelden(zweite, durchgang)
    anmelden(dritte, durchgang)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        storniert = anmeldung_stornieren(anmeldung=platz)
    assert storniert.status == S.ABGEBROCHEN
    assert Anmeldung.objects.get(nutzer=zweite).status == S.BESTAETIGT
    assert Anmeldung.objects.get(nutzer=dritte).status == S.WARTELISTE
    assert wartelisten_position(anmeldung=Anmeldung.objects.get(nutzer=dritte)) == 1
    assert len(mail.outbox) == 1
    nachricht = mail.outbox[0]
    assert nachricht.to == ["zweite@test.example"]
    assert nachricht.subject == f"[Lernkette] Ein Platz ist frei geworden: {kurs.title}"
    assert "von der Warteliste nachgerückt" in nachricht.body
    assert "http://127.0.0.1:8000/mein-lernen/" in nachricht.body


def test_storno_von_der_warteliste_befoerdert_niemanden(kurs):
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    anmelden(person(), durchgang)
    wartend = anmelden(person(), durchgang)
    dahinter = anmelden(person(), durchgang)
    anmeldung_stornieren(anmeldung=wartend)
    dahinter.refresh_from_db()
    assert dahinter.status == S.WARTELISTE
    assert belegte_plaetze(durchgang=durchgang) == 1


@pytest.mark.parametrize("status", [S.ABGESCHLOSSEN, S.ABGEBROCHEN])
def test_abgeschlossene_oder_abgebrochene_anmeldung_ist_nicht_stornierbar(kurs, status):
    anmeldung = anmelden(person(), durchgang_fuer(kurs))
    Anmeldung.objects.filter(pk=anmeldung.pk).update(status=status)
    with pytest.raises(ValidationError) as fehler:
        anmeldung_stornieren(anmeldung=anmeldung)
    assert fehler.value.messages == [STORNO_NICHT_MOEGLICH]
    anmeldung.refresh_from_db()
    assert anmeldung.status == status


@pytest.mark.parametrize("status", [S.BESTAETIGT, S.WARTELISTE, S.ABGESCHLOSSEN])
def test_zweite_anmeldung_im_selben_durchgang_wird_abgelehnt(kurs, status):
    durchgang = durchgang_fuer(kurs)
    nutzer = person()
    anmeldung = anmelden(nutzer, durchgang)
    Anmeldung.objects.filter(pk=anmeldung.pk).update(status=status)
    with pytest.raises(ValidationError) as fehler:
        anmelden(nutzer, durchgang, organisation="Andere Organisation")
    assert fehler.value.messages == [ANMELDUNG_DOPPELT]
    assert Anmeldung.objects.filter(nutzer=nutzer).count() == 1
    assert Eintrittsdaten.objects.get().organisation == "Stadt Hamm, Jugendamt"


def test_erneute_anmeldung_nach_storno_nutzt_den_datensatz_und_behaelt_den_fortschritt(kurs):
    durchgang = durchgang_fuer(kurs, kapazitaet=5)
    nutzer = person()
    erste = anmelden(nutzer, durchgang)
    lektion = pflichtlektionen(kurs)[0]
    lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    anmeldung_stornieren(anmeldung=erste)
    wieder = anmelden(nutzer, durchgang, organisation="Neue Stelle")
    assert wieder.pk == erste.pk
    assert wieder.status == S.BESTAETIGT
    assert Eintrittsdaten.objects.get(anmeldung=wieder).organisation == "Neue Stelle"
    assert Eintrittsdaten.objects.count() == 1
    assert Einwilligung.objects.filter(nutzer=nutzer).count() == 1
    assert kursfortschritt(nutzer=nutzer, kurs=kurs).pflicht_erledigt == 1


@pytest.mark.parametrize(
    "felder",
    [
        {"status": Durchgang.Status.ENTWURF},
        {"status": Durchgang.Status.ABGESAGT},
        {"anmeldung_von": datetime.date(2020, 1, 1), "anmeldung_bis": datetime.date(2020, 2, 1)},
    ],
)
def test_ausserhalb_des_anmeldezeitraums_oder_unveroeffentlicht_keine_anmeldung(kurs, felder):
    durchgang = durchgang_fuer(kurs, **felder)
    with pytest.raises(ValidationError) as fehler:
        anmelden(person(), durchgang)
    assert fehler.value.messages == [ANMELDUNG_GESCHLOSSEN]
    assert not Anmeldung.objects.exists()


def test_veraltete_einwilligung_wird_abgelehnt(kurs):
    durchgang = durchgang_fuer(kurs)
    with pytest.raises(ValidationError) as fehler:
        anmeldung_erstellen(
            nutzer=person(),
            durchgang=durchgang,
            eintrittsdaten=eintrittsdaten(),
            einwilligung_textversion="1999-01-01",
        )
    assert fehler.value.messages == [EINWILLIGUNG_VERALTET]
    assert not Anmeldung.objects.exists() and not Einwilligung.objects.exists()


def test_ungueltige_eintrittsdaten_hinterlassen_nichts(kurs):
    durchgang = durchgang_fuer(kurs)
    with pytest.raises(ValidationError) as fehler:
        anmelden(person(), durchgang, geschlecht="unbekannt", organisation="")
    assert set(fehler.value.message_dict) == {"geschlecht", "organisation"}
    assert not Anmeldung.objects.exists()
    assert not Eintrittsdaten.objects.exists()
    assert not Einwilligung.objects.exists()


def test_unbekannte_felder_sind_ein_programmierfehler(kurs):
    with pytest.raises(TypeError):
        anmelden(person(), durchgang_fuer(kurs), lieblingsfarbe="blau")


def test_mehr_plaetze_lassen_wartende_nachruecken(kurs, django_capture_on_commit_callbacks):
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    anmelden(person(), durchgang)
    wartende = [anmelden(person(), durchgang) for _ in range(3)]
    Durchgang.objects.filter(pk=durchgang.pk).update(kapazitaet=3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        befoerdert = plaetze_nachbesetzen(durchgang=durchgang)
    assert [a.pk for a in befoerdert] == [wartende[0].pk, wartende[1].pk]
    assert belegte_plaetze(durchgang=durchgang) == 3
    assert len(mail.outbox) == 2


def test_neue_anmeldung_drangelt_sich_nicht_vor_wartende(kurs):
    """A seat freed without promotion (capacity raised by hand) goes to the waiting person."""
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    anmelden(person(), durchgang)
    wartend = anmelden(person(), durchgang)
    Durchgang.objects.filter(pk=durchgang.pk).update(kapazitaet=2)
    neu = anmelden(person(), durchgang)
    wartend.refresh_from_db()
    assert wartend.status == S.BESTAETIGT
    assert neu.status == S.WARTELISTE


def test_kapazitaet_wird_nie_ueberschritten(kurs):
    durchgang = durchgang_fuer(kurs, kapazitaet=3)
    for _ in range(8):
        anmelden(person(), durchgang)
    for anmeldung in list(Anmeldung.objects.filter(status=S.BESTAETIGT))[:2]:
        anmeldung_stornieren(anmeldung=anmeldung)
    assert belegte_plaetze(durchgang=durchgang) == 3
    assert Anmeldung.objects.filter(status=S.WARTELISTE).count() == 3


@pytest.mark.parametrize(
    ("anlass", "betreff", "im_text"),
    [
        ("bestaetigt", "[Lernkette] Ihre Anmeldung ist bestätigt: ", "festen Platz"),
        ("warteliste", "[Lernkette] Sie stehen auf der Warteliste: ", "Warteliste (Platz 1)"),
    ],
)
def test_mails_nach_dem_commit(kurs, django_capture_on_commit_callbacks, anlass, betreff, im_text):
    durchgang = durchgang_fuer(kurs, kapazitaet=1)
    if anlass == "warteliste":
        anmelden(person(), durchgang)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as rueckrufe:
        anmelden(person("gerda"), durchgang)
    assert mail.outbox == []  # nothing is sent before the commit
    for rueckruf in rueckrufe:
        rueckruf()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == betreff + kurs.title
    assert im_text in mail.outbox[0].body
    assert mail.outbox[0].body.startswith("Guten Tag Gerda Test,")
