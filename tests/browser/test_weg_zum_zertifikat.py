"""Acceptance journey of a real participant: sign-up with her name through the UI, confirmation
from the mail, enrolment, lessons, attendance and presentation with the trainer, certificate –
and her name (never her e-mail address) on the PDF, in the trainer's tables and on the sign-in
sheet."""

from __future__ import annotations

import datetime
import re
import shutil

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teilnehmende.beispiel_pdf import beispiel_pdf
from tests.hilfen import pdf_text

from .axe import ohne_verstoesse
from .test_journeys import (
    _fragebogen_ausfuellen,
    _kuenftiger_durchgang,
    _registrieren_und_bestaetigen,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) fehlt"),
]

EMAIL = "hedwig.hausmann@beispiel.de"
NAME = "Dr. Hedwig Hausmann-Özkan"
LISTENNAME = "Hausmann-Özkan, Dr. Hedwig"


def _termine_haben_stattgefunden(durchgang) -> list:
    """Time passes: the cohort began a month ago and its sessions were yesterday and the day
    before (dates moved in the database; the test cannot wait for the calendar)."""
    from kurse.models import Durchgang, Praesenztermin

    heute = timezone.localdate()
    Durchgang.objects.filter(pk=durchgang.pk).update(beginn=heute - datetime.timedelta(days=30))
    termine = list(Praesenztermin.objects.filter(durchgang=durchgang).order_by("datum"))
    for abstand, termin in zip((2, 1), termine, strict=True):
        Praesenztermin.objects.filter(pk=termin.pk).update(
            datum=heute - datetime.timedelta(days=abstand)
        )
    return termine


def test_neue_person_bis_zum_zertifikat_mit_ihrem_namen(page, new_context, anmelden_in, tmp_path):
    from kurse.selectors import kursstrukturen
    from kurse.services import lektion_abschliessen
    from teilnehmende.models import Anmeldung
    from zertifikate.models import Zertifikat

    durchgang = _kuenftiger_durchgang()
    kurs = durchgang.kurs

    # 1. Sign-up with title, first and last name; confirmation from the mail; login.
    ich = _registrieren_und_bestaetigen(
        page,
        new_context,
        email=EMAIL,
        passwort="Kette-der-Praevention-26",
        titel="Dr.",
        vorname="Hedwig",
        nachname="Hausmann-Özkan",
    )
    expect(ich.get_by_text(f"Willkommen, {NAME}.", exact=True)).to_be_visible()
    ich.get_by_role("navigation", name="Konto").get_by_role("link", name="Mein Konto").click()
    expect(ich.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    ohne_verstoesse(ich, seite="/konto/ (neu registriert)")

    # 2. Enrolment in the cohort that starts next week.
    ich.goto("/mein-lernen/")
    ich.get_by_role("region", name="Offen zur Anmeldung").get_by_role(
        "link", name=f"Für {durchgang.titel} anmelden"
    ).click()
    _fragebogen_ausfuellen(ich, kreis="Hamm")
    ich.get_by_role("button", name="Verbindlich anmelden").click()
    expect(ich.get_by_text("Ihre Anmeldung ist bestätigt.")).to_be_visible()
    anmeldung = Anmeldung.objects.get(nutzer__email=EMAIL, durchgang=durchgang)
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT

    # 3. The sessions take place; the trainer records attendance on her page.
    termine = _termine_haben_stattgefunden(durchgang)
    trainerin = new_context().new_page()
    anmelden_in(trainerin.context, "trainerin")
    trainerin.goto(f"/trainer/durchgaenge/{durchgang.pk}/")
    expect(trainerin.get_by_role("row", name=re.compile(NAME))).to_be_visible()
    expect(trainerin.locator("body")).not_to_contain_text(EMAIL)
    for termin in termine:
        trainerin.goto(f"/trainer/termine/{termin.pk}/anwesenheit/")
        expect(trainerin.get_by_role("rowheader", name=NAME)).to_be_visible()
        trainerin.get_by_role("button", name="Alle als anwesend markieren").click()
        expect(trainerin.get_by_role("status")).to_contain_text("als anwesend erfasst")
    ohne_verstoesse(trainerin, seite="/trainer/termine/<id>/anwesenheit/ (erfasst)")
    expect(trainerin.locator("body")).not_to_contain_text(EMAIL)
    liste = trainerin.request.get(f"/trainer/termine/{termine[0].pk}/teilnahmeliste.pdf")
    text = pdf_text(liste.body(), tmp_path)
    assert LISTENNAME in text and EMAIL not in text

    # 4. She hands in her final presentation; the trainer accepts it.
    ich.goto("/mein-lernen/")
    ich.get_by_role("link", name=f"Abschlusspräsentation für {kurs.title}").first.click()
    ich.get_by_label("Titel der Präsentation").fill("Präventionskette in Hamm")
    ich.get_by_label("Kurzfassung").fill("Vom Willkommensbesuch bis zur Kita.")
    ich.get_by_label("Datei").set_input_files(
        {
            "name": "Praeventionskette.pdf",
            "mimeType": "application/pdf",
            "buffer": beispiel_pdf("Präventionskette in Hamm", ["Netzwerk"]),
        }
    )
    ich.get_by_role("button", name="Einreichen").click()
    expect(ich.get_by_role("status")).to_contain_text("Version 1 Ihrer")

    trainerin.goto("/trainer/begutachtungen/")
    trainerin.get_by_role("link", name=NAME).click()
    expect(trainerin.get_by_role("heading", level=1)).to_have_text(
        f"Abschlusspräsentation von {NAME}"
    )
    trainerin.get_by_role("button", name="Begutachtung beginnen").click()
    for feld in trainerin.get_by_label(re.compile(r"\(0 bis \d+ Punkte\)")).all():
        feld.fill("9")
    trainerin.get_by_label("Rückmeldung an die teilnehmende Person").fill("Sehr gelungen.")
    trainerin.get_by_label("Präsentation annehmen").check()
    trainerin.get_by_role("button", name="Entscheidung speichern").click()
    expect(trainerin.get_by_role("status")).to_contain_text("angenommen")

    # 5. Her lessons: the last one issues the certificate. H5P lessons are solved in the
    # player (tests/browser/test_h5p.py); here they are completed through the service.
    struktur = kursstrukturen(kurse=[kurs], mit_seiten=True)[kurs.pk]
    pflicht = [lektion for lektion in struktur.lektionen if lektion.pflicht]
    nutzer = anmeldung.nutzer
    for lektion in pflicht:
        if lektion.hat_h5p_aktivitaet:
            lektion_abschliessen(nutzer=nutzer, lektion=lektion)
    for lektion in [lektion for lektion in pflicht if not lektion.hat_h5p_aktivitaet]:
        ich.goto(lektion.url)
        ich.get_by_role("button", name="Als erledigt markieren").click()
        expect(ich.get_by_text(re.compile(r"^Erledigt am "))).to_be_visible(timeout=20_000)

    zertifikat = Zertifikat.objects.get(anmeldung=anmeldung)
    assert zertifikat.inhaber_name == NAME
    ich.goto("/mein-lernen/")
    karte = ich.get_by_role("region", name="Zertifikat")
    with ich.expect_download() as laden:
        karte.get_by_role("link", name="Zertifikat herunterladen (PDF)").click()
    text = pdf_text(laden.value.path().read_bytes(), tmp_path)
    assert NAME in text
    assert EMAIL not in text and "@" not in text
    ohne_verstoesse(ich, seite="/mein-lernen/ (mit Zertifikat, neu registriert)")
