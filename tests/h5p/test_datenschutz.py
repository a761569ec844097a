"""H5P learning data in the DSGVO export (readable JSON) and gone after account deletion."""

from __future__ import annotations

import io
import json
import zipfile

from django.urls import reverse

from h5p.models import H5PNutzerdaten, H5PVersuch, XAPIAussage
from kern.models import Datenexport
from tests.conftest import PASSWORT
from tests.h5p.test_xapi import aussage, senden, xapi_url


def _loeschen(client, nutzer):
    client.force_login(nutzer)
    antwort = client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    assert antwort.status_code == 302


def _export(client, nutzer, django_capture_on_commit_callbacks) -> dict:
    client.force_login(nutzer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/daten/export/")
    export = Datenexport.objects.get(nutzer=nutzer)
    antwort = client.get(f"/konto/daten/export/{export.pk}/")
    archiv = zipfile.ZipFile(io.BytesIO(b"".join(antwort.streaming_content)))
    return json.loads(archiv.read("daten.json"))


def _h5p_lernen(client, lage):
    client.force_login(lage["teilnehmerin"])
    assert senden(client, xapi_url(lage), aussage()).status_code == 200
    url = reverse("h5p:zwischenstand", args=[lage["lektion"].pk, lage["paket"].pk, "state", "0"])
    assert client.post(url, {"data": '{"antwort": "wahr"}'}).status_code == 200


def test_export_enthaelt_h5p_daten_lesbar(client, lage, django_capture_on_commit_callbacks):
    _h5p_lernen(client, lage)
    daten = _export(client, lage["teilnehmerin"], django_capture_on_commit_callbacks)["h5p"]
    [versuch] = daten["versuche"]
    assert versuch["aktivitaet"] == lage["paket"].titel
    assert versuch["seite"] == lage["lektion"].title
    assert (versuch["abgeschlossen"], versuch["beste_punktzahl"]) == (True, 1.0)
    [gespeichert] = daten["xapi_aussagen"]
    assert gespeichert["verb"] == "http://adlnet.gov/expapi/verbs/answered"
    assert gespeichert["aussage"]["result"]["score"]["scaled"] == 1.0  # JSON, not a string
    [stand] = daten["zwischenstaende"]
    assert (stand["datentyp"], stand["daten"]) == ("state", {"antwort": "wahr"})


def test_loeschen_entfernt_h5p_daten(client, lage):
    _h5p_lernen(client, lage)
    _loeschen(client, lage["teilnehmerin"])
    assert not XAPIAussage.objects.exists()
    assert not H5PVersuch.objects.exists()
    assert not H5PNutzerdaten.objects.exists()
