"""The work budget inside RDFC-1.0: a blank-node clique (exponential for URDNA2015) is stopped
within the CPU budget, by the step counter as well as by the CPU deadline; our own credentials
need no step at all."""

from __future__ import annotations

import time

import pytest

from openbadges import kanonisierung
from openbadges.kanonisierung import (
    MAX_CPU_SEKUNDEN,
    BudgetErschoepft,
    arbeitsbudget,
    kanonisch,
)
from openbadges.services import openbadge_ausstellen

pytestmark = pytest.mark.django_db


def _giftgraph(knoten: int) -> dict:
    """Fully connected blank nodes: URDNA2015 tries every permutation (8 took ~60 s)."""
    return {
        "@context": {"verwandt": {"@id": "https://example.org/verwandt", "@type": "@id"}},
        "@graph": [
            {"@id": f"_:b{i}", "verwandt": [f"_:b{j}" for j in range(knoten) if j != i]}
            for i in range(knoten)
        ],
    }


def test_clique_wird_vom_schrittzaehler_gestoppt():
    with arbeitsbudget(sekunden=60, schritte=500), pytest.raises(BudgetErschoepft):
        kanonisch(_giftgraph(8))


def test_clique_bleibt_unter_der_cpu_grenze():
    start = time.thread_time()
    with arbeitsbudget(), pytest.raises(BudgetErschoepft):
        kanonisch(_giftgraph(10))
    assert time.thread_time() - start < MAX_CPU_SEKUNDEN + 0.1


def test_cpu_frist_greift_auch_ohne_schrittgrenze():
    start = time.thread_time()
    with arbeitsbudget(sekunden=0.2, schritte=10**9), pytest.raises(BudgetErschoepft):
        kanonisch(_giftgraph(10))
    assert time.thread_time() - start < 0.5


def test_ohne_budget_unbegrenzt_und_ohne_wirkung_auf_kleine_graphen():
    assert kanonisch(_giftgraph(3)).count("_:c14n") == 12


def test_unser_nachweis_braucht_keinen_schritt(zertifikat):
    credential = openbadge_ausstellen(zertifikat=zertifikat).credential
    with arbeitsbudget(schritte=0):
        kanonisch(credential, max_leere_knoten=kanonisierung.MAX_LEERE_KNOTEN)


def test_ueberschrittenes_budget_nennt_die_regel(client, zertifikat, monkeypatch):
    """Two identical alignments need an N-degree hash; with no steps allowed the upload is
    refused with the budget's reason (422) and nothing is stored."""
    import copy
    import functools
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from openbadges import pruefung
    from openbadges.models import OpenBadge

    monkeypatch.setattr(pruefung, "arbeitsbudget", functools.partial(arbeitsbudget, schritte=0))
    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    achievement = credential["credentialSubject"]["achievement"]
    achievement["alignment"] = achievement["alignment"] * 2
    datei = SimpleUploadedFile("n.json", json.dumps(credential).encode(), "application/json")
    antwort = client.post("/zertifikate/openbadges/pruefen/", {"datei": datei})
    assert antwort.status_code == 422
    assert str(pruefung.ZU_AUFWENDIG) in antwort.content.decode()
    assert OpenBadge.objects.count() == 1
