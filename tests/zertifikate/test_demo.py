"""demo_anlegen: graduates of a finished cohort earn their certificates through the rules (the
valid one belongs to the demo login absolventin@…, the other is revoked after a corrected
attendance list); running it again changes nothing."""

import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from berichte.demo import TITEL as TITEL_BERICHTE
from kern.demo import DEMO_DOMAIN, demo_passwort
from teilnehmende.selectors import anwesenheit_stand
from zertifikate import regeln
from zertifikate.demo import TITEL, WIDERRUF_GRUND
from zertifikate.models import Zertifikat
from zertifikate.pdf import zertifikat_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.alle_regeln]


def test_demo_zertifikate_nach_den_regeln(settings):
    settings.SITE_URL = "http://127.0.0.1:9123"
    call_command("demo_anlegen", stdout=StringIO())
    anzahl = Zertifikat.objects.count()
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert Zertifikat.objects.count() == anzahl
    assert f"absolventin@{DEMO_DOMAIN}" in ausgabe.getvalue()

    # The finished cohort of the funder demo (berichte/demo.py) holds 20 more, all valid.
    assert Zertifikat.objects.filter(anmeldung__durchgang__titel=TITEL_BERICHTE).count() == 20
    absolventen = Zertifikat.objects.filter(anmeldung__durchgang__titel=TITEL)
    gueltig = absolventen.get(status=Zertifikat.Status.GUELTIG)
    widerrufen = absolventen.get(status=Zertifikat.Status.WIDERRUFEN)
    assert Zertifikat.objects.order_by("pk").filter(status="gueltig").first() == gueltig
    assert gueltig.anmeldung.nutzer.email == f"absolventin@{DEMO_DOMAIN}"
    assert gueltig.inhaber_name == "Anna Albrecht"
    # Every rule holds for the valid one: lessons, attendance ≥ threshold, presentation.
    ergebnisse = regeln.auswerten(gueltig.anmeldung)
    assert {e.regel for e in ergebnisse} >= {"anwesenheit", "praesentation"}
    assert all(e.erfuellt for e in ergebnisse), ergebnisse
    stand = anwesenheit_stand(anmeldung=gueltig.anmeldung)
    assert stand.erfuellt and stand.anteil >= stand.schwelle
    # The revoked one: her attendance was corrected below the threshold afterwards.
    assert not anwesenheit_stand(anmeldung=widerrufen.anmeldung).erfuellt
    assert widerrufen.widerruf_grund == WIDERRUF_GRUND
    assert widerrufen.widerrufen_von.email == f"admin@{DEMO_DOMAIN}"

    client = Client()
    assert "gültig" in client.get(f"/zertifikate/pruefen/{gueltig.nummer}/").content.decode()
    text = client.get(f"/zertifikate/pruefen/{widerrufen.nummer}/").content.decode()
    assert "widerrufen am" in text and "Mindestanwesenheit" in text

    # Her "Mein Lernen": the certificate, its PDF and the Open Badge.
    assert client.login(email=f"absolventin@{DEMO_DOMAIN}", password=demo_passwort())
    html = client.get("/mein-lernen/").content.decode()
    assert gueltig.nummer in html
    assert f"/mein-lernen/zertifikate/{gueltig.pk}/pdf/" in html
    assert "Open Badge" in html
    antwort = client.get(f"/mein-lernen/zertifikate/{gueltig.pk}/pdf/")
    assert antwort.status_code == 200


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) fehlt")
def test_zertifikat_nennt_den_umfang_aus_den_daten(settings):
    settings.SITE_URL = "http://127.0.0.1:9123"
    call_command("demo_anlegen", stdout=StringIO())
    zertifikat = Zertifikat.objects.get(anmeldung__durchgang__titel=TITEL, status="gueltig")
    text = subprocess.run(
        ["pdftotext", "-", "-"],  # noqa: S607
        input=zertifikat_pdf(zertifikat),
        capture_output=True,
        check=True,
    ).stdout.decode()
    text = " ".join(text.split())
    # 42 hours on eight in-person days, 9.5 hours of lessons (2 + 2.5 + 2.5 + 2.5).
    assert "Umfang von 51,5 Stunden (9,5 Stunden Online-Lernzeit und 42 Präsenzstunden)" in text
    assert "120 Stunden" not in text
    assert "http://127.0.0.1:9123/zertifikate/pruefen/" in text
