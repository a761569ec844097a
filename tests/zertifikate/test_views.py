"""Participant download and dashboard; the administrators' pages: permissions, forms, bulk."""

import io
import zipfile

import pytest
from django.urls import reverse

from kurse.services import lektion_abschliessen
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import anmelden, person, pflichtlektionen
from tests.zertifikate.conftest import alles_erledigen
from zertifikate.models import Stapelauftrag, Zertifikat
from zertifikate.services import (
    GRUND_FEHLT,
    zertifikat_ausstellen,
    zertifikat_widerrufen,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zertifikat(lage):
    alles_erledigen(lage["ich"], lage["kurs"])
    return zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)


@pytest.fixture
def rollen(teilnehmerin, trainerin, foerderer, redakteurin, administratorin):
    return {
        "teilnehmerin": teilnehmerin,
        "trainerin": trainerin,
        "foerderer": foerderer,
        "redakteurin": redakteurin,
        "admin": administratorin,
    }


# --- participant --------------------------------------------------------------------------


def test_herunterladen_berechtigungen(client, zertifikat, lage, rollen):
    url = reverse("zertifikate:herunterladen", args=[zertifikat.pk])
    assert url == f"/mein-lernen/zertifikate/{zertifikat.pk}/pdf/"
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[lage["ich"], rollen["admin"]],
        abgelehnt=[rollen["teilnehmerin"], rollen["trainerin"], rollen["foerderer"]],
    )


def test_herunterladen_liefert_pdf(client, zertifikat, lage):
    client.force_login(lage["ich"])
    antwort = client.get(reverse("zertifikate:herunterladen", args=[zertifikat.pk]))
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/pdf"
    assert f'filename="Zertifikat-{zertifikat.nummer}.pdf"' in antwort["Content-Disposition"]
    assert b"".join(antwort.streaming_content).startswith(b"%PDF-")
    zertifikat.refresh_from_db()
    assert zertifikat.pdf  # rendered on first download, kept for the next


def test_widerrufenes_kann_teilnehmerin_nicht_laden(client, zertifikat, lage, administratorin):
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    client.force_login(lage["ich"])
    url = reverse("zertifikate:herunterladen", args=[zertifikat.pk])
    assert client.get(url).status_code == 403
    client.force_login(administratorin)
    assert client.get(url).status_code == 200


def test_dashboard_zeigt_zertifikat(client, zertifikat, lage, administratorin):
    client.force_login(lage["ich"])
    text = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert zertifikat.nummer in text
    assert reverse("zertifikate:herunterladen", args=[zertifikat.pk]) in text
    assert f"/zertifikate/pruefen/{zertifikat.nummer}/" in text
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    text = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert "widerrufen" in text and "Täuschung" in text
    assert reverse("zertifikate:herunterladen", args=[zertifikat.pk]) not in text


def test_dashboard_ohne_zertifikat(client, lage):
    client.force_login(lage["ich"])
    text = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert "Zertifikat herunterladen" not in text


# --- administrators -----------------------------------------------------------------------


def _verwaltungs_urls(zertifikat, durchgang) -> list[str]:
    return [
        reverse("zertifikate:verwaltung"),
        reverse("zertifikate:verwaltung_durchgang", args=[durchgang.pk]),
        reverse("zertifikate:widerrufen", args=[zertifikat.pk]),
        reverse("zertifikate:neu_ausstellen", args=[zertifikat.pk]),
        reverse("zertifikate:zip", args=[durchgang.pk]),
    ]


def test_verwaltung_nur_fuer_administration(client, zertifikat, lage, rollen):
    for url in _verwaltungs_urls(zertifikat, lage["durchgang"]):
        vier_stufen_pruefen(
            client,
            url,
            erlaubt=[rollen["admin"]],
            abgelehnt=[
                lage["ich"],
                rollen["trainerin"],
                rollen["foerderer"],
                rollen["redakteurin"],
            ],
        )


def test_stapel_start_und_status_nur_fuer_administration(client, lage, rollen):
    start = reverse("zertifikate:stapel_start", args=[lage["durchgang"].pk])
    for nutzer in (lage["ich"], rollen["trainerin"], rollen["foerderer"]):
        client.force_login(nutzer)
        assert client.post(start).status_code == 403
    assert not Stapelauftrag.objects.exists()
    client.logout()
    assert client.post(start).status_code == 302
    assert not Stapelauftrag.objects.exists()
    client.force_login(rollen["admin"])
    assert client.get(start).status_code == 405


def test_widerruf_formular(client, zertifikat, administratorin):
    client.force_login(administratorin)
    url = reverse("zertifikate:widerrufen", args=[zertifikat.pk])
    antwort = client.post(url, {"grund": "   "})
    assert antwort.status_code == 200
    assert str(GRUND_FEHLT) in antwort.content.decode()
    zertifikat.refresh_from_db()
    assert zertifikat.gueltig
    antwort = client.post(url, {"grund": "Teilnahme nicht nachgewiesen"})
    assert antwort.status_code == 302
    zertifikat.refresh_from_db()
    assert zertifikat.status == Zertifikat.Status.WIDERRUFEN
    assert zertifikat.widerrufen_von == administratorin
    # A second revocation is refused with the service's message, nothing changes.
    antwort = client.post(url, {"grund": "noch einmal"})
    assert antwort.status_code == 200
    assert "Nur ein gültiges Zertifikat kann widerrufen werden." in antwort.content.decode()


def test_neu_ausstellen_formular(client, zertifikat, administratorin):
    client.force_login(administratorin)
    url = reverse("zertifikate:neu_ausstellen", args=[zertifikat.pk])
    assert str(GRUND_FEHLT) in client.post(url, {"grund": ""}).content.decode()
    assert Zertifikat.objects.count() == 1
    antwort = client.post(url, {"grund": "Name korrigiert"})
    assert antwort.status_code == 302
    zertifikat.refresh_from_db()
    assert zertifikat.status == Zertifikat.Status.ERSETZT
    seite = client.get(antwort.url).content.decode()
    assert zertifikat.ersetzt_durch.nummer in seite


def test_stapel_erzeugt_pdfs_fortschritt_und_zip(
    client, lage, administratorin, django_capture_on_commit_callbacks
):
    durchgang = lage["durchgang"]
    zweite, dritte = person("zweite"), person("dritte")
    anmelden(zweite, durchgang)
    anmelden(dritte, durchgang)
    alles_erledigen(lage["ich"], lage["kurs"])
    alles_erledigen(zweite, lage["kurs"])
    lektion_abschliessen(nutzer=dritte, lektion=pflichtlektionen(lage["kurs"])[0])

    client.force_login(administratorin)
    seite = reverse("zertifikate:verwaltung_durchgang", args=[durchgang.pk])
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(reverse("zertifikate:stapel_start", args=[durchgang.pk]))
    assert antwort.status_code == 302 and antwort.url == seite

    auftrag = Stapelauftrag.objects.get()
    assert (auftrag.status, auftrag.gesamt, auftrag.erledigt, auftrag.fehlgeschlagen) == (
        Stapelauftrag.Status.FERTIG,
        2,
        2,
        0,
    )
    status = client.get(reverse("zertifikate:auftrag_status", args=[auftrag.pk])).json()
    assert status["status"] == "fertig" and status["prozent"] == 100
    assert status["zip_url"] == reverse("zertifikate:zip", args=[durchgang.pk])

    text = client.get(seite).content.decode()
    assert 'value="100"' in text and status["zip_url"] in text
    assert "js/stapelfortschritt.js" in text

    antwort = client.get(status["zip_url"])
    assert antwort.status_code == 200 and antwort["Content-Type"] == "application/zip"
    assert antwort.streaming  # streamed, never built in memory as a whole
    archiv = zipfile.ZipFile(io.BytesIO(b"".join(antwort.streaming_content)))
    nummern = sorted(
        Zertifikat.objects.filter(anmeldung__durchgang=durchgang).values_list("nummer", flat=True)
    )
    assert sorted(archiv.namelist()) == [f"Zertifikat-{n}.pdf" for n in nummern]
    assert all(archiv.read(name).startswith(b"%PDF-") for name in archiv.namelist())
    assert archiv.testzip() is None


def test_status_waehrend_des_laufs(client, lage, administratorin):
    auftrag = Stapelauftrag.objects.create(
        durchgang=lage["durchgang"], gestartet_von=administratorin, gesamt=4, erledigt=1
    )
    client.force_login(administratorin)
    status = client.get(reverse("zertifikate:auftrag_status", args=[auftrag.pk])).json()
    assert status == {
        "status": "laeuft",
        "status_text": "läuft",
        "gesamt": 4,
        "erledigt": 1,
        "fehlgeschlagen": 0,
        "prozent": 25,
        "zip_url": None,
    }
    client.force_login(lage["ich"])
    assert client.get(reverse("zertifikate:auftrag_status", args=[auftrag.pk])).status_code == 403


def test_django_admin_liste_nur_lesend(client, zertifikat, administratorin):
    client.force_login(administratorin)
    antwort = client.get("/django-admin/zertifikate/zertifikat/")
    assert antwort.status_code == 200
    text = antwort.content.decode()
    assert zertifikat.nummer in text
    assert (
        reverse("zertifikate:verwaltung_durchgang", args=[zertifikat.anmeldung.durchgang_id])
        in text
    )
    assert client.get("/django-admin/zertifikate/zertifikat/add/").status_code == 403
