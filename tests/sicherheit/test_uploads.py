"""Upload limits come from one setting (LERNKETTE_UPLOAD_GRENZEN) through kern/uploads.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kern.uploads import grenze, groesse_pruefen


def test_zu_grosse_datei_wird_mit_name_und_grenze_abgelehnt(settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {"praesentation": 1024 * 1024}
    datei = SimpleUploadedFile("vortrag.pdf", b"x" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as fehler:
        groesse_pruefen(datei, art="praesentation")
    assert fehler.value.messages == [
        "Die Datei „vortrag.pdf“ ist 1,0 MB groß; erlaubt sind höchstens 1 MB."
    ]


def test_datei_an_der_grenze_ist_erlaubt(settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {"praesentation": 10}
    groesse_pruefen(SimpleUploadedFile("a.pdf", b"x" * 10), art="praesentation")


def test_unbekannte_art_ist_ein_konfigurationsfehler():
    with pytest.raises(ImproperlyConfigured):
        grenze("gibt-es-nicht")


def test_wagtail_bilder_nutzen_dieselbe_grenze(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == settings.LERNKETTE_UPLOAD_GRENZEN["bild"]
