"""Upload limits come from one setting (LERNKETTE_UPLOAD_GRENZEN) through kern/uploads.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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


def test_kleine_grenzen_in_kb_nie_0_mb(settings):
    """The Open Badges JSON cap is 64 KB: the message names it so (was "höchstens 0 MB")."""
    datei = SimpleUploadedFile("nachweis.json", b"x" * (64 * 1024 + 1))
    with pytest.raises(ValidationError) as fehler:
        groesse_pruefen(datei, art="json")
    assert fehler.value.messages == [
        "Die Datei „nachweis.json“ ist 65 KB groß; erlaubt sind höchstens 64 KB."
    ]


@pytest.fixture
def kleine_grenzen(settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {
        **settings.LERNKETTE_UPLOAD_GRENZEN,
        "dokument": 1024 * 1024,
        "h5p_paket": 1024 * 1024,
    }


def _dokument(groesse: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("handout.pdf", b"%PDF-1.4\n" + b"x" * groesse, "application/pdf")


def test_wagtail_dokument_ueber_der_grenze_wird_abgelehnt(client, redakteurin, kleine_grenzen):
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    client.force_login(redakteurin)
    daten = {"title": "Handout", "collection": Collection.get_first_root_node().pk}
    antwort = client.post(reverse("wagtaildocs:add"), {**daten, "file": _dokument(1024 * 1024)})
    assert antwort.status_code == 200
    # (Wagtail's model validation then also misses the file's extension: a second message.)
    assert antwort.context["form"].errors["file"][0] == (
        "Die Datei „handout.pdf“ ist 1,0 MB groß; erlaubt sind höchstens 1 MB."
    )
    # The multiple upload of the admin uses the same form.
    antwort = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": _dokument(1024 * 1024)})
    assert antwort.json()["success"] is False
    assert not Document.objects.exists()
    # Below the limit: stored.
    client.post(reverse("wagtaildocs:add"), {**daten, "file": _dokument(1000)})
    assert Document.objects.count() == 1


def test_h5p_paket_ueber_der_grenze_wird_vor_dem_pruefen_abgelehnt(
    client, redakteurin, kleine_grenzen
):
    from h5p.models import H5PPaket

    client.force_login(redakteurin)
    antwort = client.post(
        reverse("wagtailsnippets_h5p_h5ppaket:add"),
        {"datei": SimpleUploadedFile("gross.h5p", b"PK" + b"\0" * (2 * 1024 * 1024))},
    )
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["datei"] == [
        "Die Datei „gross.h5p“ ist 2,0 MB groß; erlaubt sind höchstens 1 MB."
    ]
    assert not H5PPaket.objects.exists()
