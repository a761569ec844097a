"""Security headers, checked against a running server (live_server) and through the test client."""

from __future__ import annotations

import urllib.request

import pytest
from csp.decorators import csp_update
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from kern.sicherheit import ANFRAGE_ZU_GROSS, PERMISSIONS_POLICY


def _abrufen(url: str):
    anfrage = urllib.request.Request(url, headers={"Accept": "text/html"})  # noqa: S310
    with urllib.request.urlopen(anfrage, timeout=20) as antwort:  # noqa: S310 - our live_server
        return antwort.status, antwort.headers, antwort.read()


def _csp(kopf: str) -> dict[str, str]:
    return {
        teil.strip().split(" ", 1)[0]: teil.strip().partition(" ")[2]
        for teil in kopf.split(";")
        if teil.strip()
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_html_seiten_des_laufenden_servers_tragen_die_sicherheitsheader(live_server):
    from io import StringIO

    from cms import demo
    from cms.models import HomePage
    from cms.services import praxisbeispiel_index_sicherstellen

    demo.anlegen(StringIO())
    praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")

    for pfad in ("/", "/konto/login/", "/praxisbeispiele/"):
        _header_pruefen(live_server.url + pfad)


def _header_pruefen(url: str) -> None:
    status, kopf, inhalt = _abrufen(url)
    assert status == 200, url
    assert kopf["Content-Type"].startswith("text/html")
    assert b"<html" in inhalt
    csp = _csp(kopf["Content-Security-Policy"])
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in kopf["Content-Security-Policy"]
    assert kopf["X-Frame-Options"] == "DENY"
    assert kopf["X-Content-Type-Options"] == "nosniff"
    assert kopf["Referrer-Policy"] == "same-origin"
    assert kopf["Cross-Origin-Opener-Policy"] == "same-origin"
    assert kopf["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in kopf["Permissions-Policy"]


def test_admin_bereich_bekommt_die_dokumentierte_lockerung(client, redakteurin):
    client.force_login(redakteurin)
    antwort = client.get("/cms-admin/")
    assert antwort.status_code == 200
    csp = _csp(antwort["Content-Security-Policy"])
    assert csp["script-src"] == "'self' 'unsafe-inline'"
    assert csp["frame-ancestors"] == "'self'"
    assert csp["object-src"] == "'none'"


@csp_update({"script-src": ["'unsafe-eval'"]})
def _player_ansicht(request):
    return HttpResponse("<!DOCTYPE html><html lang='de'><title>x</title></html>")


urlpatterns = [path("player/", _player_ansicht)]


@override_settings(ROOT_URLCONF=__name__)
def test_eine_ansicht_kann_die_csp_per_dekorator_lockern(client, db):
    csp = _csp(client.get("/player/")["Content-Security-Policy"])
    assert csp["script-src"] == "'self' 'unsafe-eval'"
    assert csp["style-src"] == "'self'"


def test_zu_grosse_anfrage_wird_mit_413_und_deutscher_meldung_abgelehnt(client, db, settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {**settings.LERNKETTE_UPLOAD_GRENZEN, "anfrage": 1024}
    antwort = client.post("/konto/login/", {"login": "x" * 2000, "password": "y"})
    assert antwort.status_code == 413
    assert antwort.content.decode() == str(ANFRAGE_ZU_GROSS).format(grenze=0)


def test_hsts_und_sichere_cookies_in_produktion():
    from tests.kern.test_einstellungen import PROD_ENV, _manage

    ergebnis = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests'], "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'])",
        env={**PROD_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.production"},
    )
    assert ergebnis.stdout.strip() == "31536000 True True True True [\"'self'\"]", ergebnis.stderr
