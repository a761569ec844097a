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
    for _ in range(6):
        fokus = _tab(page)
        _fokus_ist_sichtbar(fokus)
        reihenfolge.append(fokus["name"])
    assert reihenfolge == [
        "Lernkette Prävention in der kommunalen Familienpolitik",
        "Mein Lernen",
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
    for _ in range(6):
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
