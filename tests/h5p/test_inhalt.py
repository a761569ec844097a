"""Package files are served only to those who may see the embedding lesson (or, for the admin
preview, to editors and admins), with correct MIME types and nosniff."""

from __future__ import annotations

import pytest
from django.urls import reverse

from h5p.views import DATEI_CSP
from tests.h5p.conftest import h5p_einbauen, paket_aus
from tests.h5p.pakete import minimal
from tests.hilfen import vier_stufen_pruefen


def inhalt_url(lage, pfad="h5p.json", paket=None):
    paket = paket or lage["paket"]
    return reverse("h5p:inhalt", args=[lage["lektion"].pk, paket.pk, pfad])


def test_vier_stufen_fuer_den_inhalt(client, lage, foerderer, redakteurin, administratorin):
    vier_stufen_pruefen(
        client,
        inhalt_url(lage),
        erlaubt=[lage["teilnehmerin"], lage["trainerin"], redakteurin, administratorin],
        abgelehnt=[lage["fremde_teilnehmerin"], lage["fremde_trainerin"], foerderer],
    )


def test_dateien_mit_mime_typ_und_nosniff(client, lage):
    client.force_login(lage["teilnehmerin"])
    for pfad, typ in (
        ("h5p.json", "application/json"),
        ("content/content.json", "application/json"),
        ("H5P.Beispiel-1.0/scripts/beispiel.js", "text/javascript; charset=utf-8"),
        ("H5P.Beispiel-1.0/styles/beispiel.css", "text/css; charset=utf-8"),
    ):
        antwort = client.get(inhalt_url(lage, pfad))
        assert antwort.status_code == 200, pfad
        assert antwort["Content-Type"] == typ
        assert antwort["X-Content-Type-Options"] == "nosniff"
        assert antwort["Content-Security-Policy"] == DATEI_CSP
        assert "private" in antwort["Cache-Control"]
    inhalt = b"".join(client.get(inhalt_url(lage, "content/content.json")).streaming_content)
    assert b"Ist das ein Test?" in inhalt


@pytest.mark.parametrize(
    "pfad",
    [
        "fehlt.json",
        "H5P.Beispiel/library.json",  # the player probes this name first: a real 404
        "content/../h5p.json",
        ".versteckt/datei.js",
        "content//content.json",
    ],
)
def test_unbekannte_und_unsichere_pfade_sind_404(client, lage, pfad):
    client.force_login(lage["teilnehmerin"])
    assert client.get(inhalt_url(lage, pfad)).status_code == 404


def test_paket_das_nicht_in_der_lektion_steckt_ist_404(client, lage):
    anderes = paket_aus(minimal() | {"content/zusatz.json": "{}"})
    client.force_login(lage["teilnehmerin"])
    assert client.get(inhalt_url(lage, paket=anderes)).status_code == 404


def test_lektion_ohne_h5p_oder_unbekannte_seite_ist_404(client, lage):
    client.force_login(lage["teilnehmerin"])
    ohne = lage["lektion"].get_next_siblings().first()
    assert (
        client.get(reverse("h5p:inhalt", args=[ohne.pk, lage["paket"].pk, "h5p.json"])).status_code
        == 404
    )
    assert (
        client.get(reverse("h5p:inhalt", args=[999999, lage["paket"].pk, "h5p.json"])).status_code
        == 404
    )


def test_unveroeffentlichte_lektion_liefert_nichts(client, lage):
    lage["lektion"].unpublish()
    client.force_login(lage["teilnehmerin"])
    assert client.get(inhalt_url(lage)).status_code == 404


def test_zwei_aktivitaeten_in_einer_lektion(client, lage):
    zweites = paket_aus(minimal() | {"content/zusatz.json": "{}"})
    h5p_einbauen(lage["lektion"], zweites)
    client.force_login(lage["teilnehmerin"])
    assert client.get(inhalt_url(lage, paket=zweites)).status_code == 200
    assert client.get(inhalt_url(lage)).status_code == 200


def test_vorschau_nur_fuer_redaktion_und_administration(
    client, paket, teilnehmerin, trainerin, foerderer, redakteurin, administratorin
):
    vier_stufen_pruefen(
        client,
        reverse("h5p:vorschau", args=[paket.pk, "h5p.json"]),
        erlaubt=[redakteurin, administratorin],
        abgelehnt=[teilnehmerin, trainerin, foerderer],
    )


def test_nur_get(client, lage):
    client.force_login(lage["teilnehmerin"])
    assert client.post(inhalt_url(lage)).status_code == 405
