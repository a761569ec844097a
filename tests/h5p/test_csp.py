"""The player's CSP additions reach only pages that embed H5P (with django-csp switched on)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from h5p.csp import csp_fuer_spieler, inline_skript_hashes

STRENG = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
    }
}


@pytest.fixture
def mit_csp(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "csp.middleware.CSPMiddleware"]
    settings.CONTENT_SECURITY_POLICY = STRENG


def direktiven(antwort) -> dict[str, list[str]]:
    teile = (teil.strip().split() for teil in antwort["Content-Security-Policy"].split(";"))
    return {teil[0]: teil[1:] for teil in teile if teil}


def test_hash_des_inline_skripts_stammt_aus_dem_player():
    # The one inline script H5P core writes into the player frame, hashed from the vendored file.
    assert inline_skript_hashes() == ("'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='",)
    assert "'unsafe-inline'" not in csp_fuer_spieler()["script-src"]


def test_nur_die_h5p_lektion_bekommt_die_ergaenzungen(client, lage, mit_csp):
    client.force_login(lage["teilnehmerin"])
    mit = direktiven(client.get(lage["lektion"].url))
    assert inline_skript_hashes()[0] in mit["script-src"]
    assert "'unsafe-inline'" in mit["style-src"] and "'unsafe-inline'" not in mit["script-src"]
    assert "data:" in mit["font-src"]

    ohne_h5p = lage["lektion"].get_next_siblings().first()
    ohne = direktiven(client.get(ohne_h5p.url))
    assert ohne["script-src"] == ["'self'"] and ohne["style-src"] == ["'self'"]
    assert "font-src" not in ohne


def test_paketdateien_haben_eigene_strenge_richtlinie(client, lage, mit_csp):
    client.force_login(lage["teilnehmerin"])
    url = reverse("h5p:inhalt", args=[lage["lektion"].pk, lage["paket"].pk, "h5p.json"])
    assert "sandbox" in direktiven(client.get(url))
