"""demo_anlegen is idempotent and leaves a working site with one login per role."""

from io import StringIO

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kern import rollen
from kern.demo import DEMO_DOMAIN, DEMO_KONTEN


def test_demo_anlegen_zweimal_ohne_doppelte(db):
    call_command("demo_anlegen", stdout=StringIO())
    anzahl = get_user_model().objects.count()
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert get_user_model().objects.count() == anzahl
    for lokal, *_rest, rolle in DEMO_KONTEN:
        email = f"{lokal}@{DEMO_DOMAIN}"
        nutzer = get_user_model().objects.get(email=email)
        assert rolle in rollen.rollen(nutzer)
        assert EmailAddress.objects.get(user=nutzer).verified
        assert email in ausgabe.getvalue()


def test_demo_login_funktioniert(client, db):
    call_command("demo_anlegen", stdout=StringIO())
    antwort = client.post(
        "/konto/login/",
        {"login": f"teilnehmerin@{DEMO_DOMAIN}", "password": "lernkette-demo"},
    )
    assert antwort.status_code == 302
    assert antwort.url == "/mein-lernen/"


def test_startseite_und_pflichtseiten(client, site):
    antwort = client.get("/")
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html and 'id="inhalt"' in html
    assert 'href="/barrierefreiheit/"' in html and 'href="/leichte-sprache/"' in html
    assert "<main" in html and "<nav" in html and "<footer" in html
    for pfad in ("/barrierefreiheit/", "/leichte-sprache/"):
        assert client.get(pfad).status_code == 200, pfad


def test_keine_externen_ressourcen(client, site):
    html = client.get("/").content.decode()
    assert "https://" not in html.split("<body")[0]
    assert "cdn" not in html.lower()


def test_anmeldeseite_in_unserem_layout_und_deutsch(client, db):
    html = client.get("/konto/login/").content.decode()
    assert '<html lang="de">' in html
    assert "Anmelden" in html
    assert "Zum Inhalt springen" in html


def test_englisch_als_zweite_sprache(client, db):
    html = client.get("/konto/login/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
