"""Fixtures of the good-practice library: the index page and a factory for examples."""

from __future__ import annotations

import itertools

import pytest

from cms.models import HomePage, Kommune
from cms.services import (
    kommune_sicherstellen,
    praxisbeispiel_anlegen,
    praxisbeispiel_index_sicherstellen,
)

_nummer = itertools.count(1)


@pytest.fixture
def praxis_index(site):
    return praxisbeispiel_index_sicherstellen(
        home=HomePage.objects.get(), titel="Praxisbeispiele", einleitung="<p>Gute Praxis.</p>"
    )


@pytest.fixture
def datteln(db) -> Kommune:
    return kommune_sicherstellen(name="Datteln", kreis="05562")


@pytest.fixture
def dortmund(db) -> Kommune:
    return kommune_sicherstellen(name="Dortmund", kreis="05913")


@pytest.fixture
def beispiel(praxis_index, datteln):
    """Creates a published example through the service; every field has a sensible default."""

    def anlegen(**felder):
        nummer = next(_nummer)
        werte = {
            "titel": f"Praxisbeispiel {nummer}",
            "teaser": "Ein kurzer Überblick über das Vorhaben.",
            "kommune": datteln,
            "phasen": ["kita"],
            "handlungsfelder": ["bildung"],
            "programm": "kinderstark",
            "angebotsart": "netzwerk",
            "inhalt": [("text", "<p>Fachkräfte arbeiten zusammen.</p>")],
            "index": praxis_index,
        }
        werte.update(felder)
        if isinstance(werte["inhalt"], list):
            from wagtail.rich_text import RichText

            werte["inhalt"] = [
                (typ, RichText(wert) if typ == "text" else wert) for typ, wert in werte["inhalt"]
            ]
        return praxisbeispiel_anlegen(**werte)

    return anlegen
