"""Every page of `seiten.py` on a phone (390 × 844): nothing to scroll sideways (WCAG 1.4.10
Reflow) – not the page, no element sticking out, no table scrolling inside. A photo of each page
lands in test-artifacts/screenshots/mobil/ to look at."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import ARTEFAKTE, ueberstehende_elemente
from .seiten import ANGEMELDETE_SEITEN, BREITEN, OEFFENTLICHE_SEITEN, pfad

pytestmark = pytest.mark.browser

ZIEL = ARTEFAKTE / "screenshots" / "mobil"


def _foto(page, name: str) -> None:
    ZIEL.mkdir(parents=True, exist_ok=True)
    datei = re.sub(r"[^\w-]+", "-", name).strip("-") or "start"
    page.screenshot(path=str(ZIEL / f"{datei}.png"), full_page=True)


def test_oeffentliche_seiten_ohne_waagerechtes_scrollen(new_context):
    page = new_context(viewport=BREITEN["mobil"]).new_page()
    befunde = []
    for vorlage in OEFFENTLICHE_SEITEN:
        ziel = pfad(vorlage)
        page.goto(ziel)
        _foto(page, ziel)
        befunde += [f"{ziel}: {b}" for b in ueberstehende_elemente(page)]
    assert not befunde, "\n".join(befunde)


def test_angemeldete_seiten_ohne_waagerechtes_scrollen(new_context, anmelden_in):
    seiten = {}
    befunde = []
    for konto, vorlage in ANGEMELDETE_SEITEN:
        ziel = pfad(vorlage)
        if konto not in seiten:
            seiten[konto] = new_context(viewport=BREITEN["mobil"]).new_page()
            anmelden_in(seiten[konto].context, konto)
        page = seiten[konto]
        page.goto(ziel)
        assert page.url.endswith(ziel), f"{konto}: {ziel} → {page.url}"
        _foto(page, f"{konto}-{ziel}")
        befunde += [f"{ziel} ({konto}): {b}" for b in ueberstehende_elemente(page)]
    assert not befunde, "\n".join(befunde)


def test_pruefung_findet_ueberstand(new_context):
    """The check itself: a wide element, a wide table in a scroll box and a wide page are found."""
    page = new_context(viewport=BREITEN["mobil"]).new_page()
    page.goto("/")
    assert ueberstehende_elemente(page) == []
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend", '<div class="tabelle-scroll" id="kasten">'
                + '<table><tr><td id="breit">x</td></tr></table></div>');
            document.getElementById("breit").style.minWidth = "600px";
        }"""
    )
    assert ueberstehende_elemente(page) == [
        "div#kasten.tabelle-scroll scrollt seitwärts (600 > 358 px)"
    ]
    page.evaluate(
        """() => {
            document.getElementById("kasten").classList.remove("tabelle-scroll");
        }"""
    )
    befunde = ueberstehende_elemente(page)
    assert befunde[0].startswith("Seite ") and "table" in befunde[1], befunde


def test_trainerin_erfasst_anwesenheit_am_telefon(new_context, anmelden_in):
    """In the seminar room: every status control is within the screen, the save button stays in
    reach while she scrolls, and what she taps is stored."""
    from teilnehmende.models import Anwesenheit

    kontext = new_context(viewport=BREITEN["mobil"])
    anmelden_in(kontext, "trainerin")
    page = kontext.new_page()
    page.goto(pfad("/trainer/termine/{termin}/anwesenheit/"))
    gruppen = page.locator("fieldset.anwesenheit-status")
    assert gruppen.count() > 20
    for i in (0, gruppen.count() - 1):
        for knopf in gruppen.nth(i).get_by_role("radio").all():
            knopf.scroll_into_view_if_needed()
            box = knopf.bounding_box()
            assert box and 0 <= box["x"] and box["x"] + box["width"] <= 390, box
    speichern = page.get_by_role("button", name="Anwesenheit speichern")
    gruppen.nth(3).scroll_into_view_if_needed()
    expect(speichern).to_be_in_viewport()
    knopf = gruppen.first.get_by_role("radio", name="entschuldigt", exact=True)
    anmeldung_id = int(knopf.get_attribute("name").removeprefix("status_"))
    knopf.check()
    page.locator(f"input[name=stunden_{anmeldung_id}]").fill("")  # hours only with "anwesend"
    speichern.click()
    expect(page.locator(".meldung--success")).to_be_visible()
    eintrag = Anwesenheit.objects.get(termin_id=pfad("{termin}"), anmeldung_id=anmeldung_id)
    assert eintrag.status == Anwesenheit.Status.ENTSCHULDIGT


def test_praxisbeispiele_am_telefon_treffer_vor_filtern(new_context):
    page = new_context(viewport=BREITEN["mobil"]).new_page()
    page.goto("/praxisbeispiele/")
    erster = page.locator(".praxis__liste > li").first.bounding_box()
    filter_ = page.locator("#praxis-filter").bounding_box()
    assert erster["y"] < BREITEN["mobil"]["height"], erster
    assert filter_["y"] > erster["y"]
    # The filters fold away; the search field above the results searches with them.
    phase = page.get_by_role("group", name="Phase der Präventionskette")
    expect(phase).to_be_visible()
    page.locator("#praxis-filter > details > summary").click()
    expect(phase).to_be_hidden()
    page.get_by_label("Suchbegriff").fill("Dortmund")
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Dortmund\b"))


def test_zurueckziehen_sieht_anders_aus_und_fragt_nach(new_context, anmelden_in):
    from teilnehmende.models import Abschlusspraesentation

    kontext = new_context(viewport=BREITEN["mobil"])
    anmelden_in(kontext, "teilnehmerin")
    page = kontext.new_page()
    page.goto(pfad("/mein-lernen/praesentation/{anmeldung}/"))
    einreichen = page.get_by_role("button", name="Einreichen")
    zurueckziehen = page.get_by_role("link", name="Präsentation zurückziehen …")
    farbe = "e => getComputedStyle(e).backgroundColor + ' ' + getComputedStyle(e).color"
    assert einreichen.evaluate(farbe) != zurueckziehen.evaluate(farbe)
    assert zurueckziehen.bounding_box()["y"] > einreichen.bounding_box()["y"]
    # The secondary style reaches submit buttons too (e.g. the consent switch of a version).
    zweit = page.locator("button[type=submit].button--zweit").first
    assert zweit.evaluate(farbe) == "rgb(255, 255, 255) rgb(11, 90, 107)"  # --farbe-primaer

    zurueckziehen.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abschlusspräsentation zurückziehen")
    page.get_by_role("link", name="Nein, zurück zur Präsentation").click()
    praes = Abschlusspraesentation.objects.get(pk=int(pfad("{praesentation}")))
    assert praes.status == Abschlusspraesentation.Status.EINGEREICHT

    page.get_by_role("link", name="Präsentation zurückziehen …").click()
    ja = page.get_by_role("button", name="Ja, Präsentation zurückziehen")
    assert ja.evaluate(farbe) == "rgb(161, 22, 31) rgb(255, 255, 255)"  # --farbe-fehler
    ja.click()
    expect(page.locator(".meldung--success")).to_contain_text("zurückgezogen")
    praes.refresh_from_db()
    assert praes.status == Abschlusspraesentation.Status.ZURUECKGEZOGEN
