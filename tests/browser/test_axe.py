"""axe-core (WCAG 2.0/2.1 A and AA) finds zero violations on every page of `seiten.py`."""

from __future__ import annotations

import pytest

from .axe import axe_pruefen, verstoesse_lesbar
from .seiten import ANGEMELDETE_SEITEN, OEFFENTLICHE_SEITEN, pfad

pytestmark = pytest.mark.browser


def test_oeffentliche_seiten_ohne_verstoesse(page):
    befunde = []
    for vorlage in OEFFENTLICHE_SEITEN:
        ziel = pfad(vorlage)
        page.goto(ziel)
        if verstoesse := axe_pruefen(page):
            befunde.append(verstoesse_lesbar(verstoesse, seite=ziel))
    assert not befunde, "\n\n".join(befunde)


def test_angemeldete_seiten_ohne_verstoesse(new_context, anmelden_in):
    befunde = []
    seiten = {}
    for konto, vorlage in ANGEMELDETE_SEITEN:
        ziel = pfad(vorlage)
        if konto not in seiten:
            seiten[konto] = new_context().new_page()
            anmelden_in(seiten[konto].context, konto)
        page = seiten[konto]
        page.goto(ziel)
        assert page.url.endswith(ziel), f"{konto}: {ziel} → {page.url}"
        if verstoesse := axe_pruefen(page):
            befunde.append(verstoesse_lesbar(verstoesse, seite=f"{ziel} ({konto})"))
    assert not befunde, "\n\n".join(befunde)


def test_axe_meldet_verstoesse(page):
    """The harness itself: axe-core runs in the page and reports what it finds."""
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend",
                '<input type="text"><img src="/static/img/favicon.svg"><p id="blass">blass</p>');
            // Through the CSSOM: the CSP (style-src 'self') blocks style attributes in markup.
            const blass = document.getElementById("blass");
            blass.style.color = "#bbb";
            blass.style.background = "#fff";
        }"""
    )
    regeln = {v["id"] for v in axe_pruefen(page)}
    assert {"label", "image-alt", "color-contrast"} <= regeln
    assert "Regel(n) verletzt" in verstoesse_lesbar(axe_pruefen(page), seite="/")
