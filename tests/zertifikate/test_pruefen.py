"""Public verification at /zertifikate/pruefen/: valid, revoked, replaced, unknown, typo, limit."""

import pytest
from django.urls import reverse

from tests.zertifikate.conftest import alles_erledigen
from zertifikate.forms import NUMMER_FEHLT, NUMMER_TIPPFEHLER, NUMMER_UNGUELTIG
from zertifikate.nummern import ALPHABET, neue_nummer
from zertifikate.services import (
    zertifikat_ausstellen,
    zertifikat_neu_ausstellen,
    zertifikat_widerrufen,
)
from zertifikate.views import NUMMER_UNBEKANNT, ZU_VIELE_PRUEFUNGEN

pytestmark = pytest.mark.django_db

PRUEFEN = "/zertifikate/pruefen/"


@pytest.fixture
def zertifikat(lage):
    alles_erledigen(lage["ich"], lage["kurs"])
    return zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)


def _text(antwort) -> str:
    return antwort.content.decode()


def test_feste_adresse():
    assert reverse("zertifikate:pruefen") == PRUEFEN


def test_formularseite_ohne_anmeldung(client, site):
    antwort = client.get(PRUEFEN)
    assert antwort.status_code == 200
    assert '<label for="id_nummer"' in _text(antwort)
    assert 'name="robots" content="noindex"' in _text(antwort)


def test_formular_leitet_zur_nummer(client, zertifikat):
    antwort = client.get(PRUEFEN, {"nummer": zertifikat.nummer.lower()})
    assert antwort.status_code == 302
    assert antwort.url == PRUEFEN + zertifikat.nummer + "/"


def test_gueltiges_zertifikat(client, zertifikat, lage):
    antwort = client.get(PRUEFEN + zertifikat.nummer + "/")
    assert antwort.status_code == 200
    text = _text(antwort)
    assert "gültig" in text
    assert "Amelie Absolventin" in text
    assert lage["kurs"].title in text
    assert zertifikat.ausgestellt_am.strftime("%Y") in text
    assert "widerrufen am" not in text
    assert "no-store" in antwort["Cache-Control"]
    zertifikat.refresh_from_db()
    assert zertifikat.pruefungen == 1
    client.get(PRUEFEN + zertifikat.nummer + "/")
    zertifikat.refresh_from_db()
    assert zertifikat.pruefungen == 2


def test_widerrufenes_zertifikat(client, zertifikat, administratorin):
    zertifikat_widerrufen(
        zertifikat=zertifikat, grund="Teilnahme nachträglich aberkannt", von=administratorin
    )
    text = _text(client.get(PRUEFEN + zertifikat.nummer + "/"))
    assert "widerrufen am" in text
    assert "Teilnahme nachträglich aberkannt" in text
    assert 'Status: <strong class="status status--gueltig">' not in text


def test_ersetztes_zertifikat_verweist_auf_das_neue(client, zertifikat, administratorin):
    neu = zertifikat_neu_ausstellen(
        zertifikat=zertifikat, grund="Name korrigiert", von=administratorin
    )
    text = _text(client.get(PRUEFEN + zertifikat.nummer + "/"))
    assert f"ersetzt durch {neu.nummer}" in text
    assert PRUEFEN + neu.nummer + "/" in text
    assert "gültig" in _text(client.get(PRUEFEN + neu.nummer + "/"))


def test_unbekannte_nummer_verraet_nichts(client, zertifikat):
    fremd = neue_nummer(2026)
    antwort = client.get(PRUEFEN + fremd + "/")
    assert antwort.status_code == 404
    text = _text(antwort)
    assert str(NUMMER_UNBEKANNT) in text
    assert zertifikat.nummer not in text
    assert "Amelie" not in text


def test_tippfehler_wird_vor_der_suche_erkannt(client, zertifikat, django_assert_max_num_queries):
    i = len(zertifikat.nummer) - 3
    ersatz = next(z for z in ALPHABET if z != zertifikat.nummer[i])
    falsch = zertifikat.nummer[:i] + ersatz + zertifikat.nummer[i + 1 :]
    with django_assert_max_num_queries(3):  # session/user only: no certificate lookup
        antwort = client.get(PRUEFEN + falsch + "/")
    assert antwort.status_code == 404
    assert str(NUMMER_TIPPFEHLER) in _text(antwort)
    zertifikat.refresh_from_db()
    assert zertifikat.pruefungen == 0


@pytest.mark.parametrize(
    ("eingabe", "meldung"),
    [("", NUMMER_FEHLT), ("12345", NUMMER_UNGUELTIG), ("LK-2026-ABC", NUMMER_UNGUELTIG)],
)
def test_formularfehler(client, site, eingabe, meldung):
    antwort = client.get(PRUEFEN, {"nummer": eingabe})
    assert antwort.status_code == 200
    assert str(meldung) in _text(antwort)
    assert 'aria-invalid="true"' in _text(antwort) or "fehlerzusammenfassung" in _text(antwort)


def test_schreibweise_wird_vereinheitlicht(client, zertifikat):
    lasch = zertifikat.nummer.lower().replace("-", "")
    antwort = client.get(PRUEFEN + lasch + "/")
    assert antwort.status_code == 302
    assert antwort.url == PRUEFEN + zertifikat.nummer + "/"


def test_drosselung(client, zertifikat, settings):
    settings.LERNKETTE_DROSSELUNG = {
        **settings.LERNKETTE_DROSSELUNG,
        "zertifikat_pruefen": "3/m/ip",
    }
    for _ in range(3):
        assert client.get(PRUEFEN + zertifikat.nummer + "/").status_code == 200
    antwort = client.get(PRUEFEN + zertifikat.nummer + "/")
    assert antwort.status_code == 429
    assert str(ZU_VIELE_PRUEFUNGEN) in _text(antwort)
    assert 1 <= int(antwort["Retry-After"]) <= 60
    # Another address is not affected.
    andere = client.get(PRUEFEN + zertifikat.nummer + "/", REMOTE_ADDR="10.0.0.9")
    assert andere.status_code == 200
    zertifikat.refresh_from_db()
    assert zertifikat.pruefungen == 4
