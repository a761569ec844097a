"""The person's name (never the e-mail address) in the trainer's tables, on the sign-in sheet
and on the certificate; names with markup are escaped in pages and printed literally in PDFs."""

import shutil

import pytest
from django.urls import reverse

from tests.hilfen import pdf_text
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen
from zertifikate.pdf import zertifikat_pdf
from zertifikate.services import zertifikat_ausstellen

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) fehlt"
)

HTML_NAME = "<b>Fett</b> & Co"


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = laufender_durchgang(kurs, trainer=[trainerin])
    dora = person("dora")
    dora.titel, dora.first_name, dora.last_name = "Dr.", "Dora", "Dreher"
    dora.save()
    # A name set outside the form (admin, old data) may contain markup.
    boese = person("boese")
    boese.first_name, boese.last_name = "Mallory", HTML_NAME
    boese.save()
    return {
        "durchgang": durchgang,
        "dora": anmelden(dora, durchgang),
        "boese": anmelden(boese, durchgang),
        "termin": termin_anlegen(durchgang),
    }


def test_trainertabellen_zeigen_namen(client, lage, trainerin):
    client.force_login(trainerin)
    for url in (
        reverse("kurse:trainer_durchgang", args=[lage["durchgang"].pk]),
        reverse("anwesenheit:erfassen", args=[lage["termin"].pk]),
    ):
        html = client.get(url).content.decode()
        assert "Dr. Dora Dreher" in html, url
        assert "dora@test.example" not in html and "boese@test.example" not in html
        assert "<b>Fett</b>" not in html and "&lt;b&gt;Fett&lt;/b&gt; &amp; Co" in html


def test_teilnahmeliste_mit_namen(client, lage, trainerin, tmp_path):
    client.force_login(trainerin)
    antwort = client.get(reverse("anwesenheit:teilnahmeliste", args=[lage["termin"].pk]))
    text = pdf_text(antwort.content, tmp_path)
    assert "Dreher, Dr. Dora" in text
    assert f"{HTML_NAME}, Mallory" in text  # printed literally, not interpreted
    assert "Trainerin Test" in text
    assert "@test.example" not in text


def test_zertifikat_pdf_mit_namen_und_html_als_text(lage, tmp_path):
    for anmeldung, erwartet in ((lage["dora"], "Dr. Dora Dreher"), (lage["boese"], None)):
        zertifikat = zertifikat_ausstellen(anmeldung=anmeldung, pdf_erzeugen=False)
        text = pdf_text(zertifikat_pdf(zertifikat), tmp_path)
        assert (erwartet or f"Mallory {HTML_NAME}") in text
        assert "@test.example" not in text
