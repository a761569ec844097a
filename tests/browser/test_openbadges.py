"""An outsider checks Open Badges files on /zertifikate/openbadges/pruefen/: the demo's genuine
credential is „echt und gültig“, a forgery built from it (an extra context re-maps the course
name, so the invented name would not be signed) is refused with the German reason."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser


def test_besucherin_laedt_echten_und_gefaelschten_nachweis_hoch(page, tmp_path):
    from openbadges.kanonisierung import OB_V3, VC_V2
    from openbadges.pruefung import KONTEXT_FALSCH
    from openbadges.services import openbadge_ausstellen
    from zertifikate.models import Zertifikat

    zertifikat = Zertifikat.objects.get(
        status=Zertifikat.Status.GUELTIG, inhaber_name="Anna Albrecht"
    )
    echt = openbadge_ausstellen(zertifikat=zertifikat).credential
    echt_datei = tmp_path / "echt.openbadge.json"
    echt_datei.write_text(json.dumps(echt), encoding="utf-8")
    gefaelscht = json.loads(json.dumps(echt))
    gefaelscht["@context"] = [
        VC_V2,
        OB_V3,
        {
            "@version": 1.1,
            "achievement": {
                "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement",
                "@context": {"name": "https://example.org/unsigniert"},
            },
        },
    ]
    gefaelscht["credentialSubject"]["achievement"]["name"] = "Meisterkurs Erfunden"
    falsch_datei = tmp_path / "gefaelscht.openbadge.json"
    falsch_datei.write_text(json.dumps(gefaelscht), encoding="utf-8")

    page.goto("/zertifikate/openbadges/pruefen/")
    datei = page.get_by_label("Nachweisdatei (Open Badge, JSON)")
    datei.set_input_files(echt_datei)
    page.get_by_role("button", name="Nachweisdatei hochladen").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("Status: echt und gültig")
    expect(page.get_by_text(zertifikat.kurs_titel).first).to_be_visible()

    page.get_by_label("Nachweisdatei (Open Badge, JSON)").set_input_files(falsch_datei)
    page.get_by_role("button", name="Nachweisdatei hochladen").click()
    expect(page.get_by_role("alert")).to_have_text(str(KONTEXT_FALSCH))
    expect(page.get_by_text("echt und gültig")).to_have_count(0)
    expect(page.get_by_text("Meisterkurs Erfunden")).to_have_count(0)
    ohne_verstoesse(page, seite="/zertifikate/openbadges/pruefen/ (Fälschung abgelehnt)")
