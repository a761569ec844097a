"""Journey of the final presentation: the participant hands in a new version, the trainer reviews
it with the rubric and asks for a revision, the participant reads the feedback."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kurse.demo_inhalte import KURS
from teilnehmende.beispiel_pdf import beispiel_pdf
from teilnehmende.models import Abschlusspraesentation

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser


def test_einreichen_begutachten_ueberarbeiten(new_context, anmelden_in):
    teilnehmerin = new_context().new_page()
    anmelden_in(teilnehmerin.context, "teilnehmerin")
    teilnehmerin.goto("/mein-lernen/")
    teilnehmerin.get_by_role("link", name=f"Abschlusspräsentation für {KURS['titel']}").click()
    expect(teilnehmerin.get_by_role("heading", level=1)).to_have_text("Abschlusspräsentation")
    ohne_verstoesse(teilnehmerin)

    # A program renamed to .pdf is refused with a German message.
    teilnehmerin.get_by_label("Titel der Präsentation").fill("Familienbüros im Stadtteil")
    teilnehmerin.get_by_label("Kurzfassung").fill("Zweite Fassung mit Netzwerkkarte.")
    teilnehmerin.get_by_label("Datei").set_input_files(
        {"name": "vortrag.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" * 64}
    )
    teilnehmerin.get_by_role("button", name="Einreichen").click()
    expect(teilnehmerin.get_by_role("alert")).to_contain_text("Der Inhalt der Datei passt nicht")
    ohne_verstoesse(teilnehmerin)

    teilnehmerin.get_by_label("Datei").set_input_files(
        {
            "name": "Familienbüros.pdf",
            "mimeType": "application/pdf",
            "buffer": beispiel_pdf("Familienbüros im Stadtteil", ["Netzwerkkarte"]),
        }
    )
    teilnehmerin.get_by_role("button", name="Einreichen").click()
    expect(teilnehmerin.get_by_role("status")).to_contain_text("Version 2 Ihrer")
    expect(
        teilnehmerin.get_by_role("heading", name="Version 2: Familienbüros im Stadtteil")
    ).to_be_visible()

    trainerin = new_context().new_page()
    anmelden_in(trainerin.context, "trainerin")
    trainerin.goto("/trainer/")
    trainerin.get_by_role("link", name="Abschlusspräsentationen begutachten").click()
    expect(trainerin).to_have_url(re.compile(r"/trainer/begutachtungen/$"))
    ohne_verstoesse(trainerin)
    trainerin.get_by_role("link", name="Tanja Teilnehmer").click()
    trainerin.get_by_role("button", name="Begutachtung beginnen").click()
    expect(trainerin.get_by_role("heading", name="Bewertung und Entscheidung")).to_be_visible()
    ohne_verstoesse(trainerin)
    for feld in trainerin.get_by_label(re.compile(r"\(0 bis 10 Punkte\)")).all():
        feld.fill("5")
    trainerin.get_by_label("Rückmeldung an die teilnehmende Person").fill(
        "Bitte zeigen Sie, wie eine Familie den Weg durch die Angebote erlebt."
    )
    trainerin.get_by_label("Überarbeitung erbitten").check()
    trainerin.get_by_role("button", name="Entscheidung speichern").click()
    expect(trainerin.get_by_role("status")).to_contain_text("Die Überarbeitung ist erbeten")
    ohne_verstoesse(trainerin)
    assert (
        Abschlusspraesentation.objects.get(
            anmeldung__nutzer__email__startswith="teilnehmerin@"
        ).status
        == "ueberarbeitung_erbeten"
    )

    teilnehmerin.reload()
    expect(
        teilnehmerin.get_by_text("wie eine Familie den Weg durch die Angebote erlebt")
    ).to_be_visible()
    expect(teilnehmerin.get_by_role("heading", name="Neue Version einreichen")).to_be_visible()
    ohne_verstoesse(teilnehmerin)
