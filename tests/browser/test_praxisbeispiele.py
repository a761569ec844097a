"""Journey of a visitor in the good-practice library: tick a facet, add a search word, watch the
counts change, open an example with its facts box, and pass the search on as a link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cms.models import Phase, Praxisbeispiel

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser

SUCHWORT = "Dortmund"
BEISPIEL = "Kita-Sozialarbeit in den Dortmunder Stadtbezirken"


def _trefferzahl(page) -> int:
    """The number in the result heading („12 Praxisbeispiele“)."""
    text = page.locator("#praxis-treffer-titel").inner_text()
    return int(re.match(r"\s*(\d+) Praxisbeispiele?\b", text).group(1))


def _facettenzahl(page, gruppe: str, wert: str) -> int:
    """The count a facet value shows in its label („Kita (7 Treffer)“)."""
    feld = page.get_by_role("group", name=gruppe).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(wert)} \(")
    )
    text = feld.evaluate("e => e.labels[0].textContent")
    return int(re.search(r"\((\d+)", text).group(1))


def test_besucherin_filtert_sucht_und_teilt_praxisbeispiele(page, new_context):
    live = Praxisbeispiel.objects.live()
    alle = live.count()
    kita = Phase.objects.get(schluessel="kita")
    mit_kita = live.filter(phasen=kita).count()
    # Neither filter may be a no-op on the demo data, or the journey proves nothing.
    assert 0 < mit_kita < alle
    beispiel = live.get(title=BEISPIEL)
    assert beispiel.phasen.filter(pk=kita.pk).exists()

    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Praxisbeispiele"
    ).click()
    expect(page).to_have_url(re.compile(r"/praxisbeispiele/$"))
    assert _trefferzahl(page) == alle
    alle_besuche = _facettenzahl(page, "Angebotsart", "Willkommensbesuch")
    ohne_verstoesse(page, seite="/praxisbeispiele/")

    # 1. Tick a facet value: the list and the other facets' counts shrink to the Kita examples.
    page.get_by_role("group", name="Phase der Präventionskette").get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(kita.name)} \(")
    ).check()
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    expect(page).to_have_url(re.compile(r"[?&]phase=kita\b"))
    assert _trefferzahl(page) == mit_kita
    kita_besuche = live.filter(phasen=kita, angebotsart="willkommensbesuch").count()
    assert _facettenzahl(page, "Angebotsart", "Willkommensbesuch") == kita_besuche
    assert kita_besuche < alle_besuche
    expect(page.locator(".praxis__aktiv").get_by_role("link")).to_have_text(
        [re.compile(rf"Phase der Präventionskette: {re.escape(kita.name)}")]
    )
    ohne_verstoesse(page, seite="/praxisbeispiele/?phase=kita")

    # 2. Add a search word: fewer hits still, every one about Dortmund.
    page.get_by_label("Suchbegriff").fill(SUCHWORT)
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    expect(page).to_have_url(re.compile(rf"[?&]q={SUCHWORT}\b"))
    gefunden = _trefferzahl(page)
    assert 0 < gefunden < mit_kita
    titel = page.locator(".praxis__liste h3").all_inner_texts()
    assert len(titel) == gefunden
    assert BEISPIEL in titel
    for ort in page.locator(".praxis__liste .praxis__ort").all_inner_texts():
        assert ort.startswith("Dortmund"), ort
    expect(page.get_by_role("checkbox", name=re.compile(rf"^{kita.name} \("))).to_be_checked()
    ohne_verstoesse(page, seite=f"/praxisbeispiele/?phase=kita&q={SUCHWORT}")
    teilbare_adresse = page.url

    # 3. Open an example: the detail page with its facts box.
    page.get_by_role("link", name=BEISPIEL).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(beispiel.url)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(BEISPIEL)
    fakten = page.get_by_role("complementary", name="Auf einen Blick")
    expect(fakten).to_be_visible()
    expect(fakten.locator("dt")).to_contain_text(["Kommune", "Kreis", "Phasen"])
    expect(fakten.get_by_role("link", name="Dortmund", exact=True).first).to_be_visible()
    expect(fakten.get_by_role("link", name=kita.name, exact=True)).to_be_visible()
    ohne_verstoesse(page, seite=beispiel.url)

    # A value in the facts box leads back to the library, filtered by it.
    fakten.get_by_role("link", name=kita.name, exact=True).click()
    expect(page).to_have_url(re.compile(r"/praxisbeispiele/\?phase=kita$"))
    assert _trefferzahl(page) == mit_kita

    # 4. The address of a search is shareable: another visitor sees the same result.
    andere = new_context().new_page()
    andere.goto(teilbare_adresse)
    assert _trefferzahl(andere) == gefunden
    expect(andere.get_by_label("Suchbegriff")).to_have_value(SUCHWORT)
    expect(andere.get_by_role("checkbox", name=re.compile(rf"^{kita.name} \("))).to_be_checked()
    assert andere.locator(".praxis__liste h3").all_inner_texts() == titel
