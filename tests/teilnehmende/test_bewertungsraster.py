"""The rubric per course: edited by the editors in the Wagtail admin, validated."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from teilnehmende.models import RASTER_GRENZE_ZU_HOCH, Bewertungsraster
from teilnehmende.services_praesentation import bewertungsraster_festlegen
from tests.kurse.factories import kurs_anlegen

LISTE = "/cms-admin/snippets/teilnehmende/bewertungsraster/"


@pytest.fixture
def kurs(site):
    return kurs_anlegen(module=1, lektionen=1)


def _formular(kurs, grenze: int, *kriterien: tuple[str, int]) -> dict:
    daten = {
        "kurs": kurs.pk,
        "bestehensgrenze": grenze,
        "hinweise": "",
        "kriterien-TOTAL_FORMS": len(kriterien),
        "kriterien-INITIAL_FORMS": 0,
        "kriterien-MIN_NUM_FORMS": 1,
        "kriterien-MAX_NUM_FORMS": 1000,
    }
    for nummer, (titel, punkte) in enumerate(kriterien):
        daten |= {
            f"kriterien-{nummer}-titel": titel,
            f"kriterien-{nummer}-beschreibung": "",
            f"kriterien-{nummer}-max_punkte": punkte,
            f"kriterien-{nummer}-ORDER": nummer + 1,
            f"kriterien-{nummer}-DELETE": "",
            f"kriterien-{nummer}-id": "",
        }
    return daten


def test_redaktion_legt_raster_im_admin_an(client, kurs, redakteurin):
    client.force_login(redakteurin)
    assert client.get(LISTE).status_code == 200
    antwort = client.post(f"{LISTE}add/", _formular(kurs, 12, ("Analyse", 10), ("Vernetzung", 10)))
    assert antwort.status_code == 302, antwort.content.decode()[:3000]
    raster = Bewertungsraster.objects.get(kurs=kurs)
    assert raster.bestehensgrenze == 12
    assert [(k.titel, k.max_punkte) for k in raster.kriterien.all()] == [
        ("Analyse", 10),
        ("Vernetzung", 10),
    ]


def test_grenze_ueber_der_summe_wird_im_admin_abgelehnt(client, kurs, redakteurin):
    client.force_login(redakteurin)
    antwort = client.post(f"{LISTE}add/", _formular(kurs, 30, ("Analyse", 10), ("Vernetzung", 10)))
    assert antwort.status_code == 200
    assert "Die Bestehensgrenze ist höher als die erreichbare Punktzahl (20 Punkte)." in (
        antwort.content.decode()
    )
    assert not Bewertungsraster.objects.exists()


@pytest.mark.parametrize("konto", ["trainerin", "teilnehmerin", "foerderer"])
def test_andere_rollen_kommen_nicht_an_das_raster(client, kurs, konto, request):
    client.force_login(request.getfixturevalue(konto))
    antwort = client.get(LISTE)
    assert antwort.status_code in (302, 403)
    if antwort.status_code == 302:
        assert "/cms-admin/login/" in antwort.url or antwort.url.startswith("/konto/login/")


def test_service_prueft_die_grenze(kurs):
    with pytest.raises(ValidationError) as fehler:
        bewertungsraster_festlegen(kurs=kurs, bestehensgrenze=11, kriterien=[("A", "", 10)])
    assert fehler.value.message_dict["bestehensgrenze"] == [
        str(RASTER_GRENZE_ZU_HOCH % {"summe": 10})
    ]
    assert not Bewertungsraster.objects.exists()
    raster = bewertungsraster_festlegen(kurs=kurs, bestehensgrenze=10, kriterien=[("A", "", 10)])
    # Replacing keeps one rubric per course.
    bewertungsraster_festlegen(kurs=kurs, bestehensgrenze=5, kriterien=[("B", "", 8)])
    raster.refresh_from_db()
    assert Bewertungsraster.objects.count() == 1
    assert [k.titel for k in raster.kriterien.all()] == ["B"] and raster.bestehensgrenze == 5
