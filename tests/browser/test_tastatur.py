"""Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): skip link, main navigation and the login
form in a sensible Tab order, each focused element with a visible focus ring."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kern.demo import DEMO_DOMAIN, demo_passwort

pytestmark = pytest.mark.browser

# Name, tag and focus ring of the element that has the keyboard focus.
FOKUS_JS = """() => {
    const el = document.activeElement;
    const stil = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        name: (el.getAttribute("aria-label") || el.innerText || el.value || el.id || "")
            .replace(/\\s+/g, " ").trim(),
        tag: el.tagName.toLowerCase(),
        id: el.id,
        sichtbar: el.matches(":focus-visible"),
        outline: stil.outlineStyle,
        breite: parseFloat(stil.outlineWidth),
        im_bild: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1,
    };
}"""


def _tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(FOKUS_JS)


def _fokus_ist_sichtbar(fokus: dict) -> None:
    assert fokus["sichtbar"], f"{fokus['name']}: nicht :focus-visible"
    assert fokus["outline"] not in ("none", "hidden"), f"{fokus['name']}: kein Fokusrahmen"
    assert fokus["breite"] >= 2, f"{fokus['name']}: Fokusrahmen {fokus['breite']}px"
    assert fokus["im_bild"], f"{fokus['name']}: fokussiert, aber nicht im sichtbaren Bereich"


def test_sprunglink_und_hauptnavigation(page):
    page.goto("/")
    sprunglink = _tab(page)
    assert sprunglink["name"] == "Zum Inhalt springen"
    _fokus_ist_sichtbar(sprunglink)

    reihenfolge = []
    for _ in range(7):
        fokus = _tab(page)
        _fokus_ist_sichtbar(fokus)
        reihenfolge.append(fokus["name"])
    assert reihenfolge == [
        "Lernkette Prävention in der kommunalen Familienpolitik",
        "Mein Lernen",
        "Kurse",
        "Praxisbeispiele",
        "Zertifikat prüfen",
        "Anmelden",
        "Registrieren",
    ]
    # The next Tab leaves the header for the page content.
    assert _tab(page)["name"] == "Jetzt registrieren"

    # Back to the start: the skip link moves the focus to <main>.
    page.keyboard.press("Shift+Tab")
    page.goto("/")
    _tab(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"
    assert _tab(page)["name"] == "Jetzt registrieren"

    # Enter on a navigation link follows it.
    page.goto("/")
    for _ in range(7):
        fokus = _tab(page)
    assert fokus["name"] == "Anmelden"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/konto/login/$"))


def test_anmeldeformular_nur_mit_tastatur(page):
    page.goto("/konto/login/")
    _tab(page)
    page.keyboard.press("Enter")  # skip link
    reihenfolge = []
    for _ in range(6):
        fokus = _tab(page)
        _fokus_ist_sichtbar(fokus)
        reihenfolge.append((fokus["tag"], fokus["id"] or fokus["name"]))
    assert reihenfolge == [
        ("a", "registrieren Sie sich bitte zuerst"),  # sign-up link in the intro (formal "Sie")
        ("input", "id_login"),
        ("input", "id_password"),
        ("a", "Passwort vergessen?"),
        ("input", "id_remember"),
        ("button", "Anmeldung"),
    ]

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOKUS_JS)["id"] == "id_login"
    page.keyboard.type(f"teilnehmerin@{DEMO_DOMAIN}")
    page.keyboard.press("Tab")
    page.keyboard.type(demo_passwort())
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mein-lernen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Lernen")


def test_eintrittsfragebogen_nur_mit_tastatur(page, anmelden_in):
    """The ESF entry questionnaire: one Tab stop per radio group (arrow keys choose inside it),
    in the order of the questions, then consent and the submit button; sent with Enter."""
    from kern import rollen
    from kern.demo import konto_anlegen
    from teilnehmende.models import Anmeldung

    from .test_journeys import _kuenftiger_durchgang

    konto_anlegen(
        email=f"neu@{DEMO_DOMAIN}",
        vorname="Nina",
        nachname="Neu",
        rolle=rollen.TEILNEHMENDE,
        passwort=demo_passwort(),
    )
    anmelden_in(page.context, "neu")
    # The demo cohort is half over (its threshold is out of reach): one that starts next week.
    durchgang = _kuenftiger_durchgang()
    page.goto(f"/mein-lernen/anmelden/{durchgang.pk}/")
    _tab(page)
    page.keyboard.press("Enter")  # skip link
    reihenfolge = []
    for _ in range(12):
        fokus = _tab(page)
        _fokus_ist_sichtbar(fokus)
        reihenfolge.append((fokus["tag"], fokus["id"] or fokus["name"]))
    assert reihenfolge == [
        ("a", "Prävention in der kommunalen Familienpolitik"),  # the course, in the intro
        ("input", "id_geschlecht_0"),
        ("input", "id_geburtsjahr"),
        ("input", "id_erwerbsstatus_0"),
        ("input", "id_bildung_0"),
        ("input", "id_organisationsart_0"),
        ("input", "id_organisation"),
        ("input", "id_kommune"),
        ("select", "id_kreis"),
        ("input", "id_einwilligung"),
        ("button", "Verbindlich anmelden"),
        ("a", "Barrierefreiheit"),  # the footer follows the form
    ]

    # Answered with the keyboard alone: Space chooses, an arrow key moves within a group.
    page.goto(f"/mein-lernen/anmelden/{durchgang.pk}/")
    _tab(page)
    page.keyboard.press("Enter")
    _tab(page)
    eingaben = [
        ("id_geschlecht_0", "Space"),
        ("id_geburtsjahr", "1990"),
        ("id_erwerbsstatus_0", "Space"),
        ("id_bildung_0", "ArrowDown"),  # the second answer: ISCED 3–4
        ("id_organisationsart_0", "Space"),
        ("id_organisation", "Kreis Unna, Jugendamt"),
        ("id_kommune", "Unna"),
        ("id_kreis", "Kreis Unna"),  # typing selects the option that starts so
        ("id_einwilligung", "Space"),
    ]
    for feld, eingabe in eingaben:
        assert _tab(page)["id"] == feld
        if eingabe in ("Space", "ArrowDown"):
            page.keyboard.press(eingabe)
        else:
            page.keyboard.type(eingabe)
    assert _tab(page)["name"] == "Verbindlich anmelden"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mein-lernen/$"))
    expect(page.get_by_text("Ihre Anmeldung ist bestätigt.")).to_be_visible()
    daten = Anmeldung.objects.get(nutzer__email=f"neu@{DEMO_DOMAIN}").eintrittsdaten
    assert (daten.geschlecht, daten.geburtsjahr, daten.erwerbsstatus, daten.bildung) == (
        "weiblich",
        1990,
        "erwerbstaetig",
        "isced_3_4",
    )
    assert (daten.organisationsart, daten.kommune, str(daten.kreis)) == (
        "kommune",
        "Unna",
        "Kreis Unna",
    )
