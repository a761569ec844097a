"""Names: entered at sign-up, changed on /konto/profil/, shown everywhere instead of the e-mail
address; a certificate with an old name can be re-issued by its holder (audit-logged)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from kern import forms as kern_forms
from kern.models import Protokolleintrag
from kern.namen import OHNE_NAMEN, anzeigename, listenname
from tests.conftest import PASSWORT
from tests.hilfen import LOGIN_URL
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
from zertifikate.models import Zertifikat
from zertifikate.services import NAMENSAENDERUNG_GRUND, zertifikat_ausstellen, zertifikat_widerrufen

SIGNUP = "/konto/signup/"
PROFIL = "/konto/profil/"


def _registrieren(client, **felder):
    daten = {
        "email": "nora@test.example",
        "password1": PASSWORT,
        "password2": PASSWORT,
        "first_name": "Nora",
        "last_name": "Neumann",
        "titel": "",
    } | felder
    return client.post(SIGNUP, daten)


def _fehler(antwort) -> str:
    return antwort.content.decode()


# --- sign-up -----------------------------------------------------------------------------------


def test_registrierung_fragt_namen_in_dieser_reihenfolge(client, db):
    html = client.get(SIGNUP).content.decode()
    namen = re.findall(r'<input[^>]+name="(\w+)"', html)
    reihenfolge = [n for n in namen if n != "csrfmiddlewaretoken"]
    assert reihenfolge[:4] == ["titel", "first_name", "last_name", "email"]
    assert 'autocomplete="given-name"' in html and 'autocomplete="family-name"' in html


def test_registrierung_speichert_namen_und_titel(client, db):
    antwort = _registrieren(client, titel="Dr.")
    assert antwort.status_code == 302
    nutzer = get_user_model().objects.get(email="nora@test.example")
    assert (nutzer.titel, nutzer.first_name, nutzer.last_name) == ("Dr.", "Nora", "Neumann")
    assert anzeigename(nutzer) == "Dr. Nora Neumann"
    assert listenname(nutzer) == "Neumann, Dr. Nora"


@pytest.mark.parametrize(
    ("felder", "meldung"),
    [
        ({"first_name": ""}, kern_forms.VORNAME_FEHLT),
        ({"last_name": "   "}, kern_forms.NACHNAME_FEHLT),
        ({"last_name": "x" * 101}, "Bitte kürzen Sie den Namen auf höchstens 100 Zeichen."),
        ({"titel": "D" * 41}, "Bitte kürzen Sie den Titel auf höchstens 40 Zeichen."),
        ({"first_name": "<script>alert(1)</script>"}, kern_forms.NAME_UNGUELTIG),
        ({"last_name": "nora@test.example"}, kern_forms.NAME_UNGUELTIG),
        ({"last_name": "R2D2"}, kern_forms.NAME_UNGUELTIG),
    ],
)
def test_registrierung_ohne_gueltigen_namen_deutsche_meldung(client, db, felder, meldung):
    from django.utils.html import escape

    antwort = _registrieren(client, **felder)
    assert antwort.status_code == 200
    assert escape(str(meldung)) in _fehler(antwort)
    assert not get_user_model().objects.filter(email="nora@test.example").exists()
    assert not mail.outbox


@pytest.mark.parametrize("name", ["Nguyễn Văn", "O'Brien", "Müller-Lüdenscheidt", "José María"])
def test_namen_aus_aller_welt_sind_erlaubt(client, db, name):
    assert _registrieren(client, last_name=name).status_code == 302
    assert get_user_model().objects.get(email="nora@test.example").last_name == name


def test_bestaetigungsmail_deutsch_mit_namen_und_adresse_der_seite(client, db, settings):
    antwort = _registrieren(client, titel="Dr.")
    assert antwort.status_code == 302
    text = mail.outbox[0].body
    assert text.startswith("Guten Tag Dr. Nora Neumann,")
    assert "Hallo von" not in text and "Benutzer" not in text
    assert "Lernkette" in text and "127.0.0.1:8000" in text  # SITE_URL of the test settings
    assert mail.outbox[0].subject.startswith("[Lernkette] ")
    nutzer = get_user_model().objects.get(email="nora@test.example")
    assert nutzer.username not in text


def test_site_folgt_der_seitenadresse(db, settings):
    from django.contrib.sites.models import Site

    from kern.sites import site_abgleichen

    settings.SITE_URL = "https://lernkette.example.org"
    site_abgleichen()
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("lernkette.example.org", "Lernkette")


def test_anmeldemeldung_nennt_namen_nicht_die_adresse(client, teilnehmerin):
    antwort = client.post(
        reverse("account_login"), {"login": teilnehmerin.email, "password": PASSWORT}, follow=True
    )
    html = antwort.content.decode()
    assert "Sie sind angemeldet als Teilnehmerin Test." in html
    assert teilnehmerin.email not in html


def test_passwort_mail_deutsch_mit_namen(client, teilnehmerin):
    client.post(reverse("account_reset_password"), {"email": teilnehmerin.email})
    assert mail.outbox[0].body.startswith("Guten Tag Teilnehmerin Test,")
    assert "neues Passwort angefordert" in mail.outbox[0].body


# --- profile and hub ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/konto/", PROFIL])
def test_konto_und_profil_nur_angemeldet(client, teilnehmerin, trainerin, url):
    antwort = client.get(url)
    assert antwort.status_code == 302 and antwort.url == f"{LOGIN_URL}?next={url}"
    for nutzer in (teilnehmerin, trainerin):
        client.force_login(nutzer)
        assert client.get(url).status_code == 200


def test_kontoseite_verlinkt_alles(client, teilnehmerin):
    client.force_login(teilnehmerin)
    html = client.get("/konto/").content.decode()
    for ziel in (
        PROFIL,
        "/konto/email/",
        "/konto/password/change/",
        "/konto/2fa/",
        "/konto/daten/",
        "/konto/daten/einwilligungen/",
        "/konto/daten/loeschen/",
    ):
        assert f'href="{ziel}"' in html, ziel
    # The header's "Mein Konto" leads to the hub, not only to the e-mail page.
    assert '<a href="/konto/" aria-current="page">Mein Konto</a>' in html


def test_registrieren_fuehrt_zum_formular(client, db):
    antwort = client.get("/konto/registrieren/")
    assert antwort.status_code == 301 and antwort.url == SIGNUP


def test_name_aendern_mit_protokoll_ohne_namen(client, teilnehmerin):
    client.force_login(teilnehmerin)
    antwort = client.post(PROFIL, {"titel": "Prof.", "first_name": "Tina", "last_name": "Neu"})
    assert antwort.status_code == 302 and antwort.url == PROFIL
    teilnehmerin.refresh_from_db()
    assert anzeigename(teilnehmerin) == "Prof. Tina Neu"
    eintrag = Protokolleintrag.objects.get(aktion="name_geaendert")
    assert eintrag.betroffen == teilnehmerin and eintrag.akteur == teilnehmerin
    assert eintrag.details == {"felder": ["first_name", "last_name", "titel"]}
    assert "Tina" not in str(eintrag.details)


def test_zu_langer_name_im_profil_deutsche_meldung_nichts_gespeichert(client, teilnehmerin):
    client.force_login(teilnehmerin)
    antwort = client.post(PROFIL, {"first_name": "T" * 101, "last_name": "Neu"})
    assert antwort.status_code == 200
    assert "Bitte kürzen Sie den Namen auf höchstens 100 Zeichen." in antwort.content.decode()
    teilnehmerin.refresh_from_db()
    assert teilnehmerin.first_name == "Teilnehmerin"
    assert not Protokolleintrag.objects.filter(aktion="name_geaendert").exists()


def test_niemand_aendert_den_namen_einer_anderen_person(client, teilnehmerin, trainerin):
    """The profile has no id: extra fields (id, pk, email, username) change nothing of others."""
    client.force_login(teilnehmerin)
    client.post(
        PROFIL,
        {
            "first_name": "Eva",
            "last_name": "Angreiferin",
            "id": trainerin.pk,
            "pk": trainerin.pk,
            "email": trainerin.email,
            "username": trainerin.username,
        },
    )
    trainerin.refresh_from_db()
    teilnehmerin.refresh_from_db()
    assert (trainerin.first_name, trainerin.last_name) == ("Trainerin", "Test")
    assert teilnehmerin.email == "teilnehmerin@test.example"
    assert teilnehmerin.last_name == "Angreiferin"


def test_weiter_nur_auf_eigene_seiten(client, teilnehmerin):
    client.force_login(teilnehmerin)
    daten = {"first_name": "Tina", "last_name": "Test"}
    antwort = client.post(PROFIL + "?next=https://boese.example/", daten)
    assert antwort.url == PROFIL
    antwort = client.post(PROFIL + "?next=/mein-lernen/", daten)
    assert antwort.url == "/mein-lernen/"


# --- names instead of e-mail addresses --------------------------------------------------------


def test_konto_ohne_namen_zeigt_nie_die_adresse(db):
    nutzer = get_user_model().objects.create_user(
        username="ohne", email="ohne@test.example", password=PASSWORT
    )
    assert anzeigename(nutzer) == str(OHNE_NAMEN).format(nummer=nutzer.pk)
    assert "ohne@test.example" not in listenname(nutzer)


@pytest.fixture
def mit_zertifikat(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = durchgang_fuer(kurs, trainer=[trainerin])
    ich = person("zora")
    anmeldung = anmelden(ich, durchgang)
    zertifikat = zertifikat_ausstellen(anmeldung=anmeldung, pdf_erzeugen=False)
    return ich, zertifikat


def test_zertifikat_traegt_namen_nicht_adresse(mit_zertifikat):
    ich, zertifikat = mit_zertifikat
    assert zertifikat.inhaber_name == "Zora Test"


def test_namensaenderung_bietet_neuausstellung_an(client, mit_zertifikat):
    ich, alt = mit_zertifikat
    client.force_login(ich)
    assert "Zertifikat mit neuem Namen" not in client.get(PROFIL).content.decode()
    client.post(PROFIL, {"titel": "Dr.", "first_name": "Zora", "last_name": "Neu"})
    html = client.get(PROFIL).content.decode()
    assert "Zertifikat mit neuem Namen ausstellen" in html and alt.nummer in html

    antwort = client.post(reverse("konto:zertifikate_neu"), follow=True)
    assert "mit Ihrem neuen Namen neu ausgestellt" in antwort.content.decode()
    alt.refresh_from_db()
    assert alt.status == Zertifikat.Status.ERSETZT
    assert alt.ersetzt_grund == str(NAMENSAENDERUNG_GRUND)
    assert alt.ersetzt_durch.inhaber_name == "Dr. Zora Neu"
    assert Protokolleintrag.objects.filter(
        aktion="zertifikat_neu_ausgestellt", akteur=ich, betroffen=ich
    ).exists()
    # Nothing left to re-issue: a second POST changes nothing.
    client.post(reverse("konto:zertifikate_neu"))
    assert Zertifikat.objects.filter(anmeldung__nutzer=ich).count() == 2


def test_widerrufenes_zertifikat_wird_nicht_neu_ausgestellt(
    client, mit_zertifikat, administratorin
):
    ich, alt = mit_zertifikat
    zertifikat_widerrufen(zertifikat=alt, grund="Täuschung", von=administratorin)
    client.force_login(ich)
    client.post(PROFIL, {"first_name": "Zora", "last_name": "Neu"})
    assert "Zertifikat mit neuem Namen" not in client.get(PROFIL).content.decode()
    client.post(reverse("konto:zertifikate_neu"))
    assert Zertifikat.objects.filter(anmeldung__nutzer=ich).count() == 1


def test_fremdes_zertifikat_bleibt_unberuehrt(client, mit_zertifikat, teilnehmerin):
    ich, alt = mit_zertifikat
    ich.last_name = "Geändert"
    ich.save()
    client.force_login(teilnehmerin)  # another person asks for re-issue
    client.post(reverse("konto:zertifikate_neu"))
    alt.refresh_from_db()
    assert alt.status == Zertifikat.Status.GUELTIG


def test_neuausstellen_nur_per_post(client, teilnehmerin):
    client.force_login(teilnehmerin)
    assert client.get(reverse("konto:zertifikate_neu")).status_code == 405


def test_administration_korrigiert_titel_im_admin(client, administratorin, teilnehmerin):
    client.force_login(administratorin)
    url = f"/django-admin/kern/nutzer/{teilnehmerin.pk}/change/"
    html = client.get(url).content.decode()
    assert 'name="titel"' in html and 'name="first_name"' in html
