"""Pinned query counts: the dashboard, a lesson page and the trainer's cohort page make the same
number of queries for 2 modules × 2 lessons as for 12 modules × 15 lessons with 200 participants."""

import pytest
from django.urls import reverse

from tests.kurse.factories import lernlage_anlegen

# Warm request (site root paths cached), as a participant / trainer sees the page.
ABFRAGEN_DASHBOARD = 14  # among them: the consent check (per request), open ESF exits (esf/)
ABFRAGEN_LEKTION = 20
ABFRAGEN_TRAINER_DURCHGANG = 12

GROESSEN = [
    pytest.param((2, 2, 0), id="2-module-2-lektionen"),
    pytest.param((12, 15, 200), id="12-module-15-lektionen-200-teilnehmende"),
]


@pytest.fixture
def lage(request, site):
    module, lektionen, weitere = request.param
    return lernlage_anlegen(module=module, lektionen=lektionen, weitere=weitere)


def _warm_zaehlen(client, url, anzahl, django_assert_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(anzahl):
        antwort = client.get(url)
    assert antwort.status_code == 200
    return antwort


@pytest.mark.parametrize("lage", GROESSEN, indirect=True)
def test_dashboard(client, lage, django_assert_num_queries):
    client.force_login(lage["ich"])
    antwort = _warm_zaehlen(
        client, reverse("kurse:mein_lernen"), ABFRAGEN_DASHBOARD, django_assert_num_queries
    )
    assert b"Pflichtlektionen erledigt" in antwort.content and b"Warteliste" in antwort.content
    assert b"Ihre Anwesenheit: 6 von 12 Stunden (50 %)" in antwort.content


@pytest.mark.parametrize("lage", GROESSEN, indirect=True)
def test_lektionsseite(client, lage, django_assert_num_queries):
    client.force_login(lage["ich"])
    antwort = _warm_zaehlen(
        client, lage["lektion"].url, ABFRAGEN_LEKTION, django_assert_num_queries
    )
    assert b"Erledigt am" in antwort.content


@pytest.mark.parametrize("lage", GROESSEN, indirect=True)
def test_trainer_durchgang(client, lage, django_assert_num_queries):
    client.force_login(lage["trainerin"])
    url = reverse("kurse:trainer_durchgang", args=[lage["durchgang"].pk])
    antwort = _warm_zaehlen(client, url, ABFRAGEN_TRAINER_DURCHGANG, django_assert_num_queries)
    fortschritt, termine = antwort.content.split(b'id="termine-titel"')
    assert fortschritt.count(b'<th scope="row">') == lage["durchgang"].kapazitaet
    assert termine.count(b'<th scope="row">') == 2  # sessions
