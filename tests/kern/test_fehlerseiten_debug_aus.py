"""German 404, 403 and 500 pages with DEBUG=False (as in production)."""

import pytest
from django.urls import path


def _kaputt(request):
    raise RuntimeError("absichtlich kaputt")


urlpatterns = [path("kaputt/", _kaputt)]


@pytest.fixture(autouse=True)
def _debug_aus(settings):
    settings.DEBUG = False


@pytest.mark.urls("tests.kern.test_fehlerseiten_debug_aus")
def test_500_deutsch_ohne_details(client, db):
    client.raise_request_exception = False
    antwort = client.get("/kaputt/")
    assert antwort.status_code == 500
    html = antwort.content.decode()
    assert '<html lang="de">' in html and "<h1>Technischer Fehler</h1>" in html
    assert "absichtlich kaputt" not in html and "Traceback" not in html
    assert 'href="/"' in html


def test_404_deutsch(client, site):
    antwort = client.get("/gibt-es-wirklich-nicht/")
    assert antwort.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in antwort.content.decode()
    assert "Page not found" not in antwort.content.decode()


def test_403_deutsch(client, teilnehmerin):
    client.force_login(teilnehmerin)
    antwort = client.get("/berichte/")
    assert antwort.status_code == 403
    assert "<h1>Kein Zugriff</h1>" in antwort.content.decode()


def test_registrieren_ist_kein_englisches_404(client, db):
    antwort = client.get("/konto/registrieren/", follow=True)
    assert antwort.status_code == 200
    assert 'name="first_name"' in antwort.content.decode()
