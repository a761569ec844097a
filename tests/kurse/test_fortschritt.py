"""Lesson completion (service, POST view) and progress = required done / required, per module
and course."""

import pytest
from django.test import Client
from django.urls import reverse

from kurse.models import LektionErledigt, LektionSeite
from kurse.selectors import kursfortschritt, kursstrukturen
from kurse.services import lektion_abschliessen
from kurse.signals import lektion_erledigt
from kurse.views import LEKTION_ERLEDIGT
from teilnehmende.services import anmeldung_stornieren
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person


@pytest.fixture
def kurs(site):
    # Two modules, each with two required lessons and one optional one.
    return kurs_anlegen(module=2, lektionen=2, freiwillig_je_modul=1)


def lektionen(kurs) -> list[LektionSeite]:
    return list(LektionSeite.objects.descendant_of(kurs).order_by("path"))


def test_fortschritt_zaehlt_nur_pflichtlektionen(kurs):
    nutzer = person()
    m1_a, m1_b, m1_frei, m2_a, m2_b, m2_frei = lektionen(kurs)
    for lektion in (m1_a, m1_frei, m2_frei):
        lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    fortschritt = kursfortschritt(nutzer=nutzer, kurs=kurs)
    assert (fortschritt.pflicht_erledigt, fortschritt.pflicht_gesamt, fortschritt.prozent) == (
        1,
        4,
        25,
    )
    modul_1, modul_2 = fortschritt.module
    assert (modul_1.pflicht_erledigt, modul_1.pflicht_gesamt, modul_1.prozent) == (1, 2, 50)
    assert (modul_2.pflicht_erledigt, modul_2.prozent) == (0, 0)
    assert [m.nummer for m in fortschritt.module] == [1, 2]
    assert fortschritt.naechste_lektion.pk == m1_b.pk
    assert not fortschritt.vollstaendig

    for lektion in (m1_b, m2_a):
        lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    fortschritt = kursfortschritt(nutzer=nutzer, kurs=kurs)
    assert fortschritt.prozent == 75
    assert fortschritt.naechste_lektion.pk == m2_b.pk

    lektion_abschliessen(nutzer=nutzer, lektion=m2_b)
    fortschritt = kursfortschritt(nutzer=nutzer, kurs=kurs)
    assert fortschritt.vollstaendig and fortschritt.prozent == 100
    assert fortschritt.naechste_lektion is None  # the optional ones were done early


def test_prozent_wird_abgerundet_und_ohne_pflicht_ist_ein_modul_fertig(site):
    kurs = kurs_anlegen(module=1, lektionen=3)
    nutzer = person()
    for lektion in lektionen(kurs)[:2]:
        lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    assert kursfortschritt(nutzer=nutzer, kurs=kurs).prozent == 66

    frei = kurs_anlegen(module=1, lektionen=0, freiwillig_je_modul=2)
    fortschritt = kursfortschritt(nutzer=nutzer, kurs=frei)
    assert (
        fortschritt.pflicht_gesamt == 0 and fortschritt.vollstaendig and fortschritt.prozent == 100
    )
    assert fortschritt.naechste_lektion.pk == lektionen(frei)[0].pk  # open optional ones next


def test_struktur_folgt_der_seitenreihenfolge_und_nur_live(kurs):
    m1_a, m1_b, *_rest = lektionen(kurs)
    m1_b.move(m1_a, pos="left")  # editors reorder lessons in the page tree
    m1_a.unpublish()
    struktur = kursstrukturen(kurse=[kurs])[kurs.pk]
    titel = [lektion.title for lektion in struktur.lektionen]
    assert titel[0] == "Lektion 1.2"
    assert "Lektion 1.1" not in titel
    assert len(struktur.module) == 2


def test_abschliessen_ist_idempotent_und_sendet_das_signal_einmal(
    kurs, django_capture_on_commit_callbacks
):
    nutzer = person()
    lektion = lektionen(kurs)[0]
    empfangen = []

    def empfaenger(sender, **kwargs):
        empfangen.append((kwargs["nutzer"], kwargs["lektion"]))

    lektion_erledigt.connect(empfaenger)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            erstes = lektion_abschliessen(nutzer=nutzer, lektion=lektion)
            zweites = lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    finally:
        lektion_erledigt.disconnect(empfaenger)
    assert erstes.pk == zweites.pk
    assert erstes.erledigt_am == zweites.erledigt_am
    assert LektionErledigt.objects.count() == 1
    assert empfangen == [(nutzer, lektion)]


def test_erledigte_lektionen_bleiben_beim_austritt_und_wiedereintritt(kurs):
    nutzer = person()
    erster = anmelden(nutzer, durchgang_fuer(kurs))
    lektion_abschliessen(nutzer=nutzer, lektion=lektionen(kurs)[0])
    anmeldung_stornieren(anmeldung=erster)
    assert LektionErledigt.objects.filter(nutzer=nutzer).count() == 1
    anmelden(nutzer, durchgang_fuer(kurs))  # a later cohort of the same course
    assert kursfortschritt(nutzer=nutzer, kurs=kurs).pflicht_erledigt == 1


def test_als_erledigt_markieren_per_post(client, kurs):
    nutzer = person()
    anmelden(nutzer, durchgang_fuer(kurs))
    lektion = lektionen(kurs)[0]
    url = reverse("kurse:lektion_erledigt", args=[lektion.pk])
    client.force_login(nutzer)
    assert client.get(url).status_code == 405
    antwort = client.post(url, follow=True)
    assert antwort.redirect_chain == [(lektion.url, 302)]
    meldungen = [str(m) for m in antwort.context["messages"]]
    assert meldungen == [str(LEKTION_ERLEDIGT).format(titel=lektion.title)]
    html = antwort.content.decode()
    assert "Erledigt am" in html and "Als erledigt markieren" not in html
    assert "1 von 2 Pflichtlektionen erledigt (50 %)" in html
    client.post(url)
    assert LektionErledigt.objects.filter(nutzer=nutzer, lektion=lektion).count() == 1


def test_als_erledigt_markieren_braucht_csrf(kurs):
    nutzer = person()
    anmelden(nutzer, durchgang_fuer(kurs))
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(nutzer)
    lektion = lektionen(kurs)[0]
    assert browser.post(reverse("kurse:lektion_erledigt", args=[lektion.pk])).status_code == 403
    assert not LektionErledigt.objects.exists()


def test_als_erledigt_markieren_nur_fuer_teilnehmende_des_kurses(
    client, kurs, trainerin, redakteurin
):
    lektion = lektionen(kurs)[0]
    url = reverse("kurse:lektion_erledigt", args=[lektion.pk])
    assert client.post(url).url == f"/konto/login/?next={url}"
    durchgang = durchgang_fuer(kurs, kapazitaet=1, trainer=[trainerin])
    anmelden(person(), durchgang)
    wartend = person()
    anmelden(wartend, durchgang)
    for nutzer in (wartend, person(), trainerin, redakteurin):
        client.force_login(nutzer)
        assert client.post(url).status_code == 403, nutzer.email
    assert not LektionErledigt.objects.exists()
    lektion.unpublish()
    client.force_login(person())
    assert client.post(url).status_code == 404
