"""Download on /mein-lernen/, the public issuer documents and the upload check: permissions,
bad input (German messages), rate limit."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openbadges.forms import DATEI_FEHLT, KEIN_JSON
from openbadges.models import OpenBadge
from openbadges.pruefung import FREMDER_AUSSTELLER, KEIN_NACHWEIS
from openbadges.schluessel import aktiver_schluessel
from openbadges.services import openbadge_ausstellen
from openbadges.views import NICHT_VERFUEGBAR
from tests.hilfen import vier_stufen_pruefen
from zertifikate.services import zertifikat_widerrufen

pytestmark = pytest.mark.django_db

PRUEFEN = "/zertifikate/openbadges/pruefen/"


def _datei(inhalt: bytes, name="nachweis.json"):
    return SimpleUploadedFile(name, inhalt, content_type="application/json")


def _hochladen(client, inhalt: bytes):
    return client.post(PRUEFEN, {"datei": _datei(inhalt)})


# --- download -----------------------------------------------------------------------------


def test_herunterladen_nur_die_inhaberin(
    client, zertifikat, lage, teilnehmerin, trainerin, foerderer, administratorin
):
    url = reverse("openbadges:herunterladen", args=[zertifikat.pk])
    assert url == f"/mein-lernen/zertifikate/{zertifikat.pk}/openbadge.json"
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[lage["ich"]],
        # The trainer of the cohort, too: the credential is the holder's alone.
        abgelehnt=[teilnehmerin, trainerin, foerderer, administratorin],
    )


def test_herunterladen_liefert_signierten_nachweis(client, zertifikat, lage):
    client.force_login(lage["ich"])
    antwort = client.get(reverse("openbadges:herunterladen", args=[zertifikat.pk]))
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/ld+json; charset=utf-8"
    assert (
        f'filename="Zertifikat-{zertifikat.nummer}.openbadge.json"'
        in antwort["Content-Disposition"]
    )
    daten = json.loads(antwort.content)
    assert daten == OpenBadge.objects.get(zertifikat=zertifikat).credential
    assert daten["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_widerrufenes_gibt_es_nicht_mehr_als_nachweis(client, zertifikat, lage, administratorin):
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    client.force_login(lage["ich"])
    assert client.get(reverse("openbadges:herunterladen", args=[zertifikat.pk])).status_code == 403
    assert not OpenBadge.objects.exists()


def test_ohne_schluessel_eine_klare_meldung(client, zertifikat, lage, settings, tmp_path):
    settings.LERNKETTE_OB_SCHLUESSEL_DIR = tmp_path / "leer"
    client.force_login(lage["ich"])
    antwort = client.get(reverse("openbadges:herunterladen", args=[zertifikat.pk]))
    assert antwort.status_code == 503
    assert antwort.content.decode() == str(NICHT_VERFUEGBAR)
    assert not OpenBadge.objects.exists()


def test_dashboard_verlinkt_den_nachweis(client, zertifikat, lage, administratorin):
    client.force_login(lage["ich"])
    url = reverse("openbadges:herunterladen", args=[zertifikat.pk])
    assert url in client.get(reverse("kurse:mein_lernen")).content.decode()
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    assert url not in client.get(reverse("kurse:mein_lernen")).content.decode()


# --- public issuer documents --------------------------------------------------------------


def test_did_dokument(client):
    antwort = client.get("/.well-known/did.json")
    assert antwort.status_code == 200
    assert antwort["Access-Control-Allow-Origin"] == "*"
    dokument = json.loads(antwort.content)
    assert dokument["id"] == "did:web:127.0.0.1%3A8000"
    schluessel = aktiver_schluessel()
    methode = f"did:web:127.0.0.1%3A8000#{schluessel.kennung}"
    assert dokument["assertionMethod"] == [methode]
    assert dokument["verificationMethod"] == [
        {
            "id": methode,
            "type": "Multikey",
            "controller": "did:web:127.0.0.1%3A8000",
            "publicKeyMultibase": schluessel.multikey,
        }
    ]
    assert "privat" not in antwort.content.decode().lower()


def test_statusliste(client, zertifikat):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    antwort = client.get(f"/zertifikate/openbadges/status/{badge.statusliste_id}")
    assert antwort.status_code == 200
    assert antwort["Access-Control-Allow-Origin"] == "*"
    liste = json.loads(antwort.content)
    assert liste["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert liste["credentialSubject"]["statusPurpose"] == "revocation"
    assert client.get("/zertifikate/openbadges/status/999").status_code == 404


# --- upload check -------------------------------------------------------------------------


def test_pruefseite_bietet_das_hochladen_an(client):
    text = client.get("/zertifikate/pruefen/").content.decode()
    assert f'action="{PRUEFEN}"' in text and 'enctype="multipart/form-data"' in text
    assert client.get(PRUEFEN).status_code == 200
    # The number form's errors are not repeated by the upload form on the same page.
    text = client.get("/zertifikate/pruefen/?nummer=LK-2026-0000").content.decode()
    assert text.count('id="fehlerzusammenfassung"') == 1 and 'name="datei"' in text


def test_echter_nachweis(client, zertifikat):
    credential = openbadge_ausstellen(zertifikat=zertifikat).credential
    antwort = _hochladen(client, json.dumps(credential).encode())
    assert antwort.status_code == 200
    text = antwort.content.decode()
    assert "echt und gültig" in text and zertifikat.kurs_titel in text


def test_widerrufener_nachweis(client, zertifikat, administratorin):
    credential = openbadge_ausstellen(zertifikat=zertifikat).credential
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    antwort = _hochladen(client, json.dumps(credential).encode())
    assert antwort.status_code == 200
    assert "echt, aber widerrufen" in antwort.content.decode()


def test_veraenderter_nachweis(client, zertifikat):
    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    credential["credentialSubject"]["achievement"]["name"] = "Master of Everything"
    antwort = _hochladen(client, json.dumps(credential).encode())
    assert antwort.status_code == 422
    assert "Der Nachweis wurde verändert oder ist nicht echt." in antwort.content.decode()


def test_fremder_nachweis(client, zertifikat):
    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    credential["issuer"] = "did:web:example.org"
    antwort = _hochladen(client, json.dumps(credential).encode())
    assert antwort.status_code == 422
    assert str(FREMDER_AUSSTELLER) in antwort.content.decode()


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (b"%PDF-1.7 kein JSON", KEIN_JSON),
        (b"\xff\xfe\x00", KEIN_JSON),
        (b"[" * 100_000 + b"]" * 100_000, None),  # too big (and too deep)
        (b'{"@context": "x"}', KEIN_NACHWEIS),
        (b"[1, 2]", KEIN_NACHWEIS),
    ],
    ids=["pdf", "kein-utf8", "zu-gross", "kein-vc", "liste"],
)
def test_schlechte_eingaben(client, inhalt, meldung):
    antwort = _hochladen(client, inhalt)
    text = antwort.content.decode()
    if meldung is None:
        assert antwort.status_code == 400
        assert "erlaubt sind höchstens" in text
    else:
        assert antwort.status_code in (400, 422)
        assert str(meldung) in text


def test_zu_tief_verschachtelt(client, settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {**settings.LERNKETTE_UPLOAD_GRENZEN, "json": 10**6}
    antwort = _hochladen(client, b"[" * 200_000 + b"]" * 200_000)
    assert antwort.status_code == 400
    assert str(KEIN_JSON) in antwort.content.decode()


def test_ohne_datei(client):
    antwort = client.post(PRUEFEN, {})
    assert antwort.status_code == 400
    assert str(DATEI_FEHLT) in antwort.content.decode()


def test_pruefen_ist_gedrosselt(client, settings):
    settings.LERNKETTE_DROSSELUNG = {**settings.LERNKETTE_DROSSELUNG, "openbadge_pruefen": "2/m"}
    for _ in range(2):
        assert _hochladen(client, b"{}").status_code == 422
    antwort = _hochladen(client, b"{}")
    assert antwort.status_code == 429
    assert "Zu viele Anfragen" in antwort.content.decode()


@pytest.mark.parametrize(
    ("ersetzen", "durch"),
    [
        ('"hashed": true', '"hashed": true, "narrative": "\\ud800"'),  # lone surrogate: no UTF-8
        ('"hashed": true', '"hashed": true, "creditsAvailable": Infinity'),
        ('"hashed": true', '"hashed": true, "creditsAvailable": NaN'),
    ],
    ids=["ersatzzeichen", "unendlich", "nan"],
)
def test_ungueltige_werte_klare_meldung(client, zertifikat, ersetzen, durch):
    from openbadges.struktur import UNGUELTIGER_WERT

    text = json.dumps(openbadge_ausstellen(zertifikat=zertifikat).credential)
    assert ersetzen in text
    antwort = _hochladen(client, text.replace(ersetzen, durch, 1).encode())
    assert antwort.status_code == 422
    assert str(UNGUELTIGER_WERT) in antwort.content.decode()
