"""After login every role lands on its own page; only people who may enrol are invited to."""

import pytest
from django.urls import reverse

from kern import rollen
from tests.conftest import PASSWORT, _konto
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import durchgang_fuer, kurs_anlegen


@pytest.mark.parametrize(
    ("rolle", "ziel"),
    [
        (rollen.TEILNEHMENDE, "/mein-lernen/"),
        (rollen.TRAINER, "/trainer/"),
        (rollen.FOERDERER, "/berichte/"),
        (rollen.REDAKTION, "/cms-admin/"),
        (rollen.ADMINISTRATION, "/verwaltung/"),
    ],
)
def test_anmeldung_fuehrt_zur_seite_der_rolle(client, db, rolle, ziel):
    nutzer = _konto("person", rolle)
    antwort = client.post(reverse("account_login"), {"login": nutzer.email, "password": PASSWORT})
    assert antwort.status_code == 302 and antwort.url == ziel
    assert client.get(ziel).status_code == 200


def test_next_geht_vor(client, trainerin):
    antwort = client.post(
        reverse("account_login") + "?next=/praxisbeispiele/",
        {"login": trainerin.email, "password": PASSWORT},
    )
    assert antwort.url == "/praxisbeispiele/"


def test_verwaltung_vier_stufen(
    client, administratorin, teilnehmerin, trainerin, foerderer, redakteurin
):
    vier_stufen_pruefen(
        client,
        "/verwaltung/",
        erlaubt=[administratorin],
        abgelehnt=[teilnehmerin, trainerin, foerderer, redakteurin],
    )


def test_verwaltung_verlinkt_die_bereiche(client, administratorin):
    client.force_login(administratorin)
    html = client.get("/verwaltung/").content.decode()
    for ziel in (
        "/django-admin/",
        "/cms-admin/",
        "/trainer/",
        "/trainer/begutachtungen/",
        "/zertifikate/verwaltung/",
        "/berichte/",
    ):
        assert f'href="{ziel}"' in html, ziel


@pytest.fixture
def offener_durchgang(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    return durchgang_fuer(kurs, trainer=[trainerin], titel="Frühjahr")


def test_offen_zur_anmeldung_nur_fuer_teilnehmende(
    client, offener_durchgang, teilnehmerin, trainerin
):
    anmelden_url = reverse("teilnehmende:anmelden", args=[offener_durchgang.pk])
    kurs_url = offener_durchgang.kurs.url
    client.force_login(teilnehmerin)
    assert "Offen zur Anmeldung" in client.get("/mein-lernen/").content.decode()
    assert anmelden_url in client.get(kurs_url).content.decode()

    # The trainer of the cohort is not invited to enrol in it, neither here nor there.
    client.force_login(trainerin)
    assert "Offen zur Anmeldung" not in client.get("/mein-lernen/").content.decode()
    assert anmelden_url not in client.get(kurs_url).content.decode()

    # Visitors see the button (they log in first).
    client.logout()
    assert anmelden_url in client.get(kurs_url).content.decode()
