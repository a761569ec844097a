"""Enrolment form (questionnaire + consent) and cancelling, through the test client."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kern.models import Kreis
from kurse.models import Durchgang
from teilnehmende import einwilligung
from teilnehmende.forms import (
    AUSWAHL_FEHLT,
    EINWILLIGUNG_FEHLT,
    KOMMUNE_FEHLT,
    KREIS_FEHLT,
    ORGANISATION_FEHLT,
    ORGANISATIONSART_FEHLT,
    UNGUELTIGE_AUSWAHL,
)
from teilnehmende.models import GEBURTSJAHR_UNGUELTIG, Anmeldung, Eintrittsdaten, Einwilligung
from teilnehmende.services import ANMELDUNG_DOPPELT, ANMELDUNG_GESCHLOSSEN, STORNO_NICHT_MOEGLICH
from teilnehmende.views import ANMELDUNG_BESTAETIGT, ANMELDUNG_STORNIERT, ANMELDUNG_WARTELISTE
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person


@pytest.fixture
def kurs(site):
    return kurs_anlegen()


@pytest.fixture
def durchgang(kurs):
    return durchgang_fuer(kurs, kapazitaet=1)


def formular(**abweichend) -> dict:
    return {
        "geschlecht": "keine_angabe",
        "geburtsjahr": "",
        "erwerbsstatus": "keine_angabe",
        "bildung": "keine_angabe",
        "organisationsart": "freier_traeger",
        "organisation": "Familienzentrum Sonnenblick",
        "kommune": "Bochum",
        "kreis": str(Kreis.objects.get(schluessel="05911").pk),
        "einwilligung": "on",
        "einwilligung_textversion": einwilligung.TEXTVERSION,
    } | abweichend


def nachrichten(antwort) -> list[str]:
    return [str(m) for m in antwort.context["messages"]]


def test_vier_stufen(client, durchgang, teilnehmerin, trainerin, foerderer, redakteurin):
    url = reverse("teilnehmende:anmelden", args=[durchgang.pk])
    vier_stufen_pruefen(
        client, url, erlaubt=[teilnehmerin], abgelehnt=[trainerin, foerderer, redakteurin]
    )


def test_formular_zeigt_fragebogen_mit_keine_angabe_und_einwilligungstext(
    client, durchgang, teilnehmerin
):
    client.force_login(teilnehmerin)
    html = client.get(reverse("teilnehmende:anmelden", args=[durchgang.pk])).content.decode()
    for text in (
        "Geschlecht",
        "Geburtsjahr",
        "Erwerbsstatus am Tag des Eintritts",
        "Höchster Bildungsabschluss",
        "ISCED 5–8",
        "Art Ihrer Organisation",
        "außerhalb Nordrhein-Westfalens",
        "Kreis Borken",
        str(einwilligung.TEXT),
        "Verbindlich anmelden",
        "Noch 1 Platz frei",
    ):
        assert text in html, text
    assert html.count('value="keine_angabe"') == 3  # geschlecht, erwerbsstatus, bildung
    assert f'value="{einwilligung.TEXTVERSION}"' in html


def test_anmeldung_ueber_das_formular(client, durchgang, teilnehmerin):
    client.force_login(teilnehmerin)
    antwort = client.post(
        reverse("teilnehmende:anmelden", args=[durchgang.pk]), formular(), follow=True
    )
    assert antwort.redirect_chain == [(reverse("kurse:mein_lernen"), 302)]
    assert nachrichten(antwort) == [ANMELDUNG_BESTAETIGT]
    anmeldung = Anmeldung.objects.get(nutzer=teilnehmerin)
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT
    daten = anmeldung.eintrittsdaten
    assert (daten.geschlecht, daten.geburtsjahr, daten.kreis.name) == (
        "keine_angabe",
        None,
        "Bochum",
    )
    assert Einwilligung.objects.get(nutzer=teilnehmerin).textversion == einwilligung.TEXTVERSION


def test_ausserhalb_nrw_speichert_keinen_kreis(client, durchgang, teilnehmerin):
    client.force_login(teilnehmerin)
    client.post(
        reverse("teilnehmende:anmelden", args=[durchgang.pk]),
        formular(kreis="ausserhalb", kommune="Osnabrück"),
    )
    assert Eintrittsdaten.objects.get().kreis is None


def test_warteliste_meldung_mit_platz(client, durchgang, teilnehmerin):
    anmelden(person(), durchgang)
    client.force_login(teilnehmerin)
    antwort = client.post(
        reverse("teilnehmende:anmelden", args=[durchgang.pk]), formular(), follow=True
    )
    assert nachrichten(antwort) == [str(ANMELDUNG_WARTELISTE).format(position=1)]
    assert "Sie stehen auf Platz 1 der Warteliste." in antwort.content.decode()


@pytest.mark.parametrize(
    ("daten", "feld", "meldung"),
    [
        ({"geschlecht": ""}, "geschlecht", AUSWAHL_FEHLT),
        ({"erwerbsstatus": ""}, "erwerbsstatus", AUSWAHL_FEHLT),
        ({"bildung": ""}, "bildung", AUSWAHL_FEHLT),
        ({"organisationsart": ""}, "organisationsart", ORGANISATIONSART_FEHLT),
        ({"organisation": "  "}, "organisation", ORGANISATION_FEHLT),
        ({"kommune": ""}, "kommune", KOMMUNE_FEHLT),
        ({"kreis": ""}, "kreis", KREIS_FEHLT),
        ({"kreis": "999999"}, "kreis", UNGUELTIGE_AUSWAHL),
        ({"geschlecht": "maskulin"}, "geschlecht", UNGUELTIGE_AUSWAHL),
        ({"geburtsjahr": "1899"}, "geburtsjahr", GEBURTSJAHR_UNGUELTIG),
        ({"geburtsjahr": "3000"}, "geburtsjahr", GEBURTSJAHR_UNGUELTIG),
        ({"geburtsjahr": "neunzehnhundert"}, "geburtsjahr", GEBURTSJAHR_UNGUELTIG),
        ({"einwilligung": ""}, "einwilligung", EINWILLIGUNG_FEHLT),
    ],
)
def test_falsche_eingaben_deutsche_meldung_am_feld_und_keine_daten(
    client, durchgang, teilnehmerin, daten, feld, meldung
):
    client.force_login(teilnehmerin)
    antwort = client.post(reverse("teilnehmende:anmelden", args=[durchgang.pk]), formular(**daten))
    assert antwort.status_code == 200
    assert antwort.context["form"].errors == {feld: [meldung]}
    html = antwort.content.decode()
    assert f'id="id_{feld}_error"' in html  # the error is linked to its field
    assert 'role="alert"' in html
    assert not Anmeldung.objects.exists()
    assert not Eintrittsdaten.objects.exists()
    assert not Einwilligung.objects.exists()


def test_zweiter_versuch_bekommt_klare_meldung(client, durchgang, teilnehmerin):
    client.force_login(teilnehmerin)
    url = reverse("teilnehmende:anmelden", args=[durchgang.pk])
    client.post(url, formular(), follow=True)
    antwort = client.post(url, formular(organisation="Noch einmal"), follow=True)
    assert nachrichten(antwort) == [ANMELDUNG_DOPPELT]
    assert Anmeldung.objects.count() == 1
    assert Eintrittsdaten.objects.get().organisation == "Familienzentrum Sonnenblick"


def test_veraltete_textversion_im_formular(client, durchgang, teilnehmerin):
    from teilnehmende.services import EINWILLIGUNG_VERALTET

    client.force_login(teilnehmerin)
    antwort = client.post(
        reverse("teilnehmende:anmelden", args=[durchgang.pk]),
        formular(einwilligung_textversion="alt"),
    )
    assert antwort.context["form"].non_field_errors() == [EINWILLIGUNG_VERALTET]
    assert str(EINWILLIGUNG_VERALTET) in antwort.content.decode()
    assert not Anmeldung.objects.exists()


def test_geschlossener_anmeldezeitraum(client, kurs, teilnehmerin):
    heute = timezone.localdate()
    durchgang = durchgang_fuer(
        kurs,
        anmeldung_von=heute + timedelta(days=5),
        anmeldung_bis=heute + timedelta(days=10),
    )
    client.force_login(teilnehmerin)
    url = reverse("teilnehmende:anmelden", args=[durchgang.pk])
    for antwort in (client.get(url), client.post(url, formular())):
        html = antwort.content.decode()
        assert str(ANMELDUNG_GESCHLOSSEN) in html
        assert "Verbindlich anmelden" not in html
    assert not Anmeldung.objects.exists()


@pytest.mark.parametrize("status", [Durchgang.Status.ENTWURF, Durchgang.Status.ABGESAGT])
def test_unveroeffentlichte_durchgaenge_gibt_es_nicht(client, kurs, teilnehmerin, status):
    durchgang = durchgang_fuer(kurs, status=status)
    client.force_login(teilnehmerin)
    assert client.get(reverse("teilnehmende:anmelden", args=[durchgang.pk])).status_code == 404


def test_stornieren_vier_stufen_und_nachruecken(
    client, durchgang, teilnehmerin, trainerin, foerderer, django_capture_on_commit_callbacks
):
    eigene = anmelden(teilnehmerin, durchgang)
    andere = person("andere")
    wartend = anmelden(andere, durchgang)
    url = reverse("teilnehmende:stornieren", args=[eigene.pk])
    vier_stufen_pruefen(
        client, url, erlaubt=[teilnehmerin], abgelehnt=[andere, trainerin, foerderer]
    )

    client.force_login(teilnehmerin)
    bestaetigen = client.get(url).content.decode()
    assert "wirklich stornieren" in bestaetigen and "Warteliste" in bestaetigen
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(url, follow=True)
    assert nachrichten(antwort) == [str(ANMELDUNG_STORNIERT).format(titel=durchgang.kurs.title)]
    eigene.refresh_from_db()
    wartend.refresh_from_db()
    assert eigene.status == Anmeldung.Status.ABGEBROCHEN
    assert wartend.status == Anmeldung.Status.BESTAETIGT
    assert [m.to for m in mail.outbox] == [["andere@test.example"]]

    erneut = client.post(url, follow=True)
    assert nachrichten(erneut) == [STORNO_NICHT_MOEGLICH]
    assert str(STORNO_NICHT_MOEGLICH) in client.get(url).content.decode()


def test_stornieren_nur_per_post(client, durchgang, teilnehmerin):
    anmeldung = anmelden(teilnehmerin, durchgang)
    client.force_login(teilnehmerin)
    client.get(reverse("teilnehmende:stornieren", args=[anmeldung.pk]))
    anmeldung.refresh_from_db()
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT
