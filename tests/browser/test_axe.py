"""axe-core (WCAG 2.0/2.1 A and AA) finds zero violations on every page of `seiten.py`."""

from __future__ import annotations

import pytest

from .axe import axe_pruefen, verstoesse_lesbar
from .seiten import ANGEMELDETE_SEITEN, OEFFENTLICHE_SEITEN

pytestmark = pytest.mark.browser


def test_oeffentliche_seiten_ohne_verstoesse(page):
    befunde = []
    for pfad in OEFFENTLICHE_SEITEN:
        page.goto(pfad)
        if verstoesse := axe_pruefen(page):
            befunde.append(verstoesse_lesbar(verstoesse, seite=pfad))
    assert not befunde, "\n\n".join(befunde)


def test_angemeldete_seiten_ohne_verstoesse(new_context, anmelden_in):
    befunde = []
    seiten = {}
    for konto, pfad in ANGEMELDETE_SEITEN:
        if konto not in seiten:
            seiten[konto] = new_context().new_page()
            anmelden_in(seiten[konto].context, konto)
        page = seiten[konto]
        page.goto(pfad)
        assert page.url.endswith(pfad), f"{konto}: {pfad} → {page.url}"
        if verstoesse := axe_pruefen(page):
            befunde.append(verstoesse_lesbar(verstoesse, seite=f"{pfad} ({konto})"))
    assert not befunde, "\n\n".join(befunde)


def test_axe_meldet_verstoesse(page):
    """The harness itself: axe-core runs in the page and reports what it finds."""
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend",
                '<input type="text"><img src="/static/img/favicon.svg"><p id="blass">blass</p>');
            // Through the CSSOM: the CSP blocks style attributes written as markup.
            const blass = document.getElementById("blass");
            blass.style.color = "#bbb";
            blass.style.background = "#fff";
        }"""
    )
    regeln = {v["id"] for v in axe_pruefen(page)}
    assert {"label", "image-alt", "color-contrast"} <= regeln
    assert "Regel(n) verletzt" in verstoesse_lesbar(axe_pruefen(page), seite="/")
