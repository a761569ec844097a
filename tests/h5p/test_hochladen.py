"""Uploading packages in the Wagtail admin: editors and admins only; a rejected upload leaves
nothing behind (no row, no files) and shows every reason in German."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from h5p.models import H5PPaket
from h5p.services import PAKET_SCHON_VORHANDEN
from h5p.speicher import paket_speicher
from h5p.validierung import (
    FEHLER_ABHAENGIGKEIT_FEHLT,
    FEHLER_DATEITYP_INHALT,
    FEHLER_H5P_JSON_FEHLT,
    FEHLER_KEIN_ZIP,
    FEHLER_PFAD_ELTERNVERZEICHNIS,
)
from tests.h5p.pakete import ECHTES_PAKET, abhaengigkeit, als_zip, minimal

LISTE = "wagtailsnippets_h5p_h5ppaket:list"
NEU = "wagtailsnippets_h5p_h5ppaket:add"
DETAIL = "wagtailsnippets_h5p_h5ppaket:inspect"


def hochladen(client, inhalt: bytes, name: str = "paket.h5p"):
    return client.post(reverse(NEU), {"datei": SimpleUploadedFile(name, inhalt)})


def gespeicherte_dateien() -> list[str]:
    if not paket_speicher().exists("h5p"):
        return []
    ordner, _ = paket_speicher().listdir("h5p")
    return ordner


def test_redaktion_laedt_echtes_paket_hoch(client, redakteurin):
    client.force_login(redakteurin)
    antwort = hochladen(client, ECHTES_PAKET.read_bytes(), ECHTES_PAKET.name)
    assert antwort.status_code == 302, antwort.content.decode()[:3000]
    paket = H5PPaket.objects.get()
    assert paket.titel == "Hello World"
    assert paket.hauptbibliothek == "H5P.TrueFalse 1.6"
    assert "H5P.Question 1.4" in paket.bibliotheken and len(paket.bibliotheken) == 10
    assert paket.dateiname == ECHTES_PAKET.name
    assert paket.hochgeladen_von == redakteurin
    assert paket_speicher().exists(f"h5p/{paket.sha256}/h5p.json")
    assert paket_speicher().exists(f"h5p/{paket.sha256}/content/content.json")
    assert paket_speicher().exists(f"h5p/{paket.sha256}/H5P.TrueFalse-1.6/library.json")

    liste = client.get(reverse(LISTE)).content.decode()
    assert "Hello World" in liste
    detail = client.get(reverse(DETAIL, args=[paket.pk])).content.decode()
    for text in ("H5P.TrueFalse 1.6", "Hauptbibliothek", "H5P.JoubelUI 1.3", "Vorschau"):
        assert text in detail
    assert reverse("h5p:vorschau", args=[paket.pk, "h5p.json"]) in detail


def _kaputt(dateien: dict) -> bytes:
    return als_zip(dateien).getvalue()


@pytest.mark.parametrize(
    ("inhalt", "meldungen"),
    [
        (b"kein zip", [FEHLER_KEIN_ZIP]),
        (
            _kaputt({k: v for k, v in minimal().items() if k != "h5p.json"}),
            [FEHLER_H5P_JSON_FEHLT],
        ),
        (
            _kaputt(minimal() | {"content/bild.svg": "<svg/>", "../boese.json": "{}"}),
            [
                FEHLER_PFAD_ELTERNVERZEICHNIS % {"datei": "../boese.json"},
            ],
        ),
        (
            _kaputt(
                minimal()
                | {
                    "content/bild.svg": "<svg/>",
                    "h5p.json": minimal()["h5p.json"]
                    | {
                        "preloadedDependencies": [
                            abhaengigkeit("H5P.Beispiel"),
                            abhaengigkeit("H5P.Fehlt", 2, 1),
                        ]
                    },
                }
            ),
            [
                FEHLER_DATEITYP_INHALT % {"datei": "content/bild.svg", "endung": "svg"},
                FEHLER_ABHAENGIGKEIT_FEHLT % {"bibliothek": "H5P.Fehlt 2.1", "von": "h5p.json"},
            ],
        ),
    ],
    ids=["kein-zip", "ohne-h5p-json", "zip-slip", "svg-und-abhaengigkeit"],
)
def test_abgelehntes_paket_hinterlaesst_nichts(client, redakteurin, inhalt, meldungen):
    client.force_login(redakteurin)
    antwort = hochladen(client, inhalt)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    for meldung in meldungen:
        # The admin escapes quotes; compare the text without them.
        assert str(meldung).replace("„", "").replace("“", "")[:60] in html.replace("„", "").replace(
            "“", ""
        )
    assert not H5PPaket.objects.exists()
    assert gespeicherte_dateien() == []


def test_alle_gruende_werden_genannt(client, redakteurin):
    client.force_login(redakteurin)
    inhalt = _kaputt(minimal() | {"content/a.svg": "<svg/>", "content/b.php": "<?php"})
    html = hochladen(client, inhalt).content.decode()
    assert "content/a.svg" in html and "content/b.php" in html


def test_ohne_datei(client, redakteurin):
    client.force_login(redakteurin)
    antwort = client.post(reverse(NEU), {})
    assert antwort.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in antwort.content.decode()
    assert not H5PPaket.objects.exists()


def test_dasselbe_paket_zweimal(client, redakteurin):
    # The same bytes: a zip built again in another second differs in its timestamps.
    inhalt = als_zip(minimal()).getvalue()
    client.force_login(redakteurin)
    assert hochladen(client, inhalt).status_code == 302
    paket = H5PPaket.objects.get()
    antwort = hochladen(client, inhalt)
    assert antwort.status_code == 200
    erwartet = str(PAKET_SCHON_VORHANDEN % {"titel": paket.titel})
    assert erwartet.replace("„", "").replace("“", "")[:40] in antwort.content.decode().replace(
        "„", ""
    ).replace("“", "")
    assert H5PPaket.objects.count() == 1


def test_administration_darf_hochladen(client, administratorin):
    client.force_login(administratorin)
    assert hochladen(client, als_zip(minimal()).getvalue()).status_code == 302
    assert H5PPaket.objects.count() == 1


def test_andere_rollen_duerfen_nicht_hochladen(client, teilnehmerin, trainerin, foerderer):
    for nutzer in (teilnehmerin, trainerin, foerderer):
        client.force_login(nutzer)
        assert client.get(reverse(LISTE)).status_code in (302, 403), nutzer.email
        antwort = hochladen(client, als_zip(minimal()).getvalue())
        assert antwort.status_code in (302, 403), nutzer.email
    client.logout()
    antwort = hochladen(client, als_zip(minimal()).getvalue())
    assert antwort.status_code == 302 and "/login/" in antwort.url
    assert not H5PPaket.objects.exists()
    assert gespeicherte_dateien() == []


def test_pakete_lassen_sich_nicht_bearbeiten_oder_loeschen(client, redakteurin, paket):
    """Content-addressed: a changed package is a new upload, so editors get no edit view; and
    lessons and kept xAPI statements refer to it, so there is no delete view either."""
    client.force_login(redakteurin)
    for aktion in ("edit", "delete"):
        url = reverse(f"wagtailsnippets_h5p_h5ppaket:{aktion}", args=[paket.pk])
        assert client.get(url).status_code in (302, 403), aktion
        assert client.post(url).status_code in (302, 403), aktion
    assert H5PPaket.objects.filter(pk=paket.pk).exists()
