"""Journeys of in-person sessions: the trainer records attendance, the participant reads it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser


def test_trainerin_erfasst_anwesenheit(page, anmelden_in):
    anmelden_in(page.context, "trainerin")
    page.goto("/trainer/")
    page.get_by_role("table").get_by_role("link").first.click()
    termine = page.get_by_role("region", name="Präsenztermine")
    expect(termine.get_by_role("row")).to_have_count(9)  # header + 8 days
    ohne_verstoesse(page)

    termine.get_by_role("link", name=re.compile(r"Modul 1.*\(Tag 1\)")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anwesenheit: Präsenztermin")
    ohne_verstoesse(page)

    erste = page.get_by_role("group", name=re.compile(r"^Anwesenheit von ")).first
    name = erste.get_attribute("aria-label") or erste.locator("legend").inner_text()
    person = name.removeprefix("Anwesenheit von ")
    erste.get_by_label("entschuldigt", exact=True).check()
    page.get_by_label(f"Stunden von {person}").fill("viel")
    page.get_by_role("button", name="Anwesenheit speichern").click()
    fehler = page.get_by_role("alert")
    expect(fehler).to_contain_text("Bitte geben Sie die Stunden als Zahl an")
    ohne_verstoesse(page, seite="Anwesenheit (mit Fehler)")

    page.get_by_label(f"Stunden von {person}").fill("")
    page.get_by_role("button", name="Anwesenheit speichern").click()
    expect(
        page.get_by_text("Die Anwesenheit ist gespeichert (1 Einträge geändert).")
    ).to_be_visible()
    verlauf = page.get_by_role("region", name="Änderungsverlauf")
    expect(verlauf.get_by_role("row").nth(1)).to_contain_text(person)
    expect(verlauf.get_by_role("row").nth(1)).to_contain_text("Tessa Trainer")


def test_teilnehmerin_sieht_termine_und_anwesenheit(page, anmelden_in):
    anmelden_in(page.context, "teilnehmerin")
    page.goto("/mein-lernen/")
    expect(page.get_by_text(re.compile(r"Ihre Anwesenheit: 21 von 42 Stunden"))).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Termine und Anwesenheit")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Präsenztermine und Anwesenheit")
    expect(page.get_by_text(re.compile(r"Anwesenheit 21 von 42 Stunden \(50 %\)"))).to_be_visible()
    ohne_verstoesse(page)
