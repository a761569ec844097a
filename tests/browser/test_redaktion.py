"""The editor's journey: Redaktion writes a new lesson in the Wagtail admin (text plus the demo
H5P package), publishes it, and an enrolled participant reads it with the player loaded.

axe-core checks the published lesson, not the Wagtail admin: the admin is Wagtail's own UI,
outside our templates and out of our hands (Wagtail tracks its accessibility itself)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kern.demo import DEMO_DOMAIN, demo_passwort
from kurse.demo import KURS_SLUG
from kurse.h5p_demo_paket import TITEL as PAKET_TITEL

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser

TITEL = "Netzwerkkarte der eigenen Kommune"
TEXT = "Zeichnen Sie alle Akteure Ihrer Kommune, die mit Familien arbeiten, als Netzwerkkarte."
UEBERSCHRIFT = "Wissenscheck: Netzwerke"


def _im_seitenbaum_oeffnen(page, *titel: str) -> None:
    """Sidebar → Seiten, down the tree through `titel[:-1]`, then the listing of `titel[-1]`."""
    page.get_by_role("button", name="Seiten", exact=True).click()
    for vorfahr in titel[:-1]:
        page.get_by_role("link", name=f"Unterseiten von ‚{vorfahr}‘ anzeigen").click()
    page.get_by_role("link", name=titel[-1], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(titel[-1])


def _block_einfuegen(page, art: str) -> None:
    """The last "+" of the StreamField opens the block picker; `art` is the block's label."""
    page.get_by_role("button", name="Einen Block einfügen").last.click()
    page.get_by_role("option", name=art, exact=True).click()


def test_redaktion_veroeffentlicht_lektion_mit_h5p_und_teilnehmerin_sieht_sie(
    page, new_context, anmelden_in
):
    from kurse.models import KursSeite, LektionSeite

    kurs = KursSeite.objects.get(slug=KURS_SLUG)
    modul = kurs.get_children().first().specific
    startseite = kurs.get_parent().get_parent()

    page.goto("/cms-admin/")
    page.get_by_label("Benutzername").fill(f"redaktion@{DEMO_DOMAIN}")
    page.get_by_label(re.compile("Passw")).fill(demo_passwort())  # Wagtail 8.0: "Password"
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/cms-admin/$"))

    _im_seitenbaum_oeffnen(page, startseite.title, kurs.get_parent().title, kurs.title, modul.title)
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    # A module takes only lessons, so Wagtail skips the choice of page type.
    expect(page).to_have_url(re.compile(rf"/cms-admin/pages/add/kurse/lektionseite/{modul.pk}/$"))

    page.get_by_role("textbox", name="Titel").fill(TITEL)
    _block_einfuegen(page, "Text")
    # Draftail's editable area has no label of its own; it is the only rich-text field here.
    page.locator('[role="textbox"][contenteditable="true"]').click()
    page.keyboard.type(TEXT)
    _block_einfuegen(page, "H5P-Aktivität")
    page.get_by_role("button", name="H5P-Paket auswählen").click()
    page.get_by_role("dialog").get_by_role("link", name=PAKET_TITEL).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.get_by_label("Überschrift").fill(UEBERSCHRIFT)
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()

    meldung = f"Die Seite ‚{TITEL}‘ wurde erstellt und veröffentlicht."
    expect(page.get_by_text(meldung)).to_be_visible()
    lektion = LektionSeite.objects.child_of(modul).get(title=TITEL)
    assert lektion.live
    assert [block.block_type for block in lektion.inhalt] == ["text", "h5p"]
    assert lektion.inhalt[1].value["paket"].titel == PAKET_TITEL
    assert lektion.hat_h5p_aktivitaet

    # Tanja is enrolled in the demo cohort: she finds the lesson in its module.
    kontext = new_context()
    anmelden_in(kontext, "teilnehmerin")
    tanja = kontext.new_page()
    tanja.goto(modul.url)
    tanja.get_by_role("link", name=TITEL).click()
    expect(tanja).to_have_url(re.compile(re.escape(lektion.url) + "$"))
    expect(tanja.get_by_role("heading", level=1)).to_have_text(TITEL)
    expect(tanja.get_by_text(TEXT)).to_be_visible()
    aktivitaet = tanja.get_by_role("region", name=UEBERSCHRIFT)
    expect(aktivitaet).to_be_visible()
    spieler = aktivitaet.frame_locator(".h5p-aktivitaet__spieler iframe")
    expect(spieler.locator(".h5p-true-false-answer")).to_have_count(2, timeout=15_000)
    expect(
        tanja.get_by_text("Diese Lektion wird automatisch als erledigt markiert")
    ).to_be_visible()
    ohne_verstoesse(tanja, seite=f"{lektion.url} (neue Lektion mit H5P)")

    # Published is not public: a visitor is sent to the login first.
    besucherin = new_context().new_page()
    besucherin.goto(lektion.url)
    expect(besucherin).to_have_url(re.compile(r"/konto/login/\?next=" + re.escape(lektion.url)))
