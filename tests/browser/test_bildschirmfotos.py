"""Screenshots of the main pages at desktop and mobile width (`make screenshots`), and the check
that nothing needs horizontal scrolling at either width (WCAG 1.4.10 Reflow); every page of
`seiten.py` gets the same check on a phone in test_mobil.py."""

from __future__ import annotations

import pytest

from .conftest import ARTEFAKTE, ueberstehende_elemente
from .seiten import BILDSCHIRMFOTOS, BREITEN, pfad

pytestmark = [pytest.mark.browser, pytest.mark.screenshots]

ZIEL = ARTEFAKTE / "screenshots"


def test_bildschirmfotos_ohne_waagerechtes_scrollen(new_context, anmelden_in):
    ZIEL.mkdir(parents=True, exist_ok=True)
    zu_breit = []
    for breite, viewport in BREITEN.items():
        for foto in BILDSCHIRMFOTOS:
            kontext = new_context(viewport=viewport)
            if foto.konto:
                anmelden_in(kontext, foto.konto)
            page = kontext.new_page()
            ziel = pfad(foto.pfad)
            page.goto(ziel)
            assert page.url.endswith(ziel), f"{ziel} → {page.url}"
            page.screenshot(path=str(ZIEL / f"{foto.name}-{breite}.png"), full_page=True)
            zu_breit += [f"{ziel} ({breite}): {b}" for b in ueberstehende_elemente(page)]
            kontext.close()
    assert not zu_breit, "\n".join(zu_breit)
