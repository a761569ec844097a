"""The hostile corpus (feindlich.py): our verifier refuses every variant with its German reason,
within the CPU budget and without storing anything, and the independent DCC verifier refuses
every variant, too (all in one Node process)."""

from __future__ import annotations

import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openbadges.did import did_dokument
from openbadges.kanonisierung import MAX_CPU_SEKUNDEN
from openbadges.models import OpenBadge, Statusliste
from openbadges.pruefung import nachweis_pruefen
from openbadges.schluessel import aktiver_schluessel
from openbadges.services import NachweisUngueltig, openbadge_ausstellen, statusliste_credential
from tests.openbadges import dcc
from tests.openbadges.feindlich import WIDERRUFEN, korpus
from zertifikate.services import zertifikat_neu_ausstellen

pytestmark = pytest.mark.django_db


@pytest.fixture
def lage_korpus(zertifikat, administratorin):
    """A genuine credential, a revoked one (replaced by a re-issue) and the signed lists."""
    alt = openbadge_ausstellen(zertifikat=zertifikat)
    neu = openbadge_ausstellen(
        zertifikat=zertifikat_neu_ausstellen(
            zertifikat=zertifikat, grund="Namenskorrektur", von=administratorin
        )
    )
    listen = [statusliste_credential(statusliste=liste) for liste in Statusliste.objects.all()]
    varianten = korpus(
        echt=neu.credential,
        liste=listen[0],
        widerrufen=alt.credential,
        unser=aktiver_schluessel(),
    )
    return {"echt": neu.credential, "listen": listen, "varianten": varianten}


def _urteil(dokument) -> tuple[str, float]:
    """Our verdict (the German reason, "widerrufen" or "gültig") and the CPU time it took."""
    start = time.thread_time()
    try:
        ergebnis = nachweis_pruefen(dokument)
        urteil = WIDERRUFEN if ergebnis.widerrufen else "gültig"
    except NachweisUngueltig as fehler:
        urteil = str(fehler)
    return urteil, time.thread_time() - start


def test_korpus_wird_mit_grund_abgelehnt(lage_korpus):
    varianten = lage_korpus["varianten"]
    assert len(varianten) >= 25
    assert len({v.name for v in varianten}) == len(varianten)
    vorher = (OpenBadge.objects.count(), Statusliste.objects.count())
    assert _urteil(lage_korpus["echt"])[0] == "gültig"
    abweichungen = {}
    for variante in varianten:
        urteil, sekunden = _urteil(variante.dokument)
        if urteil != variante.grund:
            abweichungen[variante.name] = urteil
        assert sekunden < MAX_CPU_SEKUNDEN, (variante.name, sekunden)
    assert abweichungen == {}, json.dumps(abweichungen, ensure_ascii=False, indent=1)
    assert (OpenBadge.objects.count(), Statusliste.objects.count()) == vorher


def test_korpus_ueber_die_seite(client, lage_korpus, settings):
    """Through the upload form: 422 with the reason (200 „widerrufen“ for the revoked one)."""
    settings.LERNKETTE_DROSSELUNG = {**settings.LERNKETTE_DROSSELUNG, "openbadge_pruefen": "100/m"}
    vorher = (OpenBadge.objects.count(), Statusliste.objects.count())
    for variante in lage_korpus["varianten"]:
        datei = SimpleUploadedFile(
            "nachweis.json", json.dumps(variante.dokument).encode(), "application/json"
        )
        antwort = client.post("/zertifikate/openbadges/pruefen/", {"datei": datei})
        text = antwort.content.decode()
        if variante.grund == WIDERRUFEN:
            assert antwort.status_code == 200 and "echt, aber widerrufen" in text
        else:
            assert antwort.status_code == 422, variante.name
            assert "echt und gültig" not in text
            assert variante.grund in text, variante.name
    assert (OpenBadge.objects.count(), Statusliste.objects.count()) == vorher


def test_korpus_auch_fuer_den_dcc_pruefer_ungueltig(lage_korpus, tmp_path):
    node = dcc.pruefer_bereit()
    varianten = lage_korpus["varianten"]
    ergebnisse = dcc.stapel(
        node,
        tmp_path,
        [lage_korpus["echt"], *(v.dokument for v in varianten)],
        did=did_dokument(),
        statuslisten=lage_korpus["listen"],
    )
    assert ergebnisse[0]["verified"] is True, ergebnisse[0]
    angenommen = {
        v.name: e for v, e in zip(varianten, ergebnisse[1:], strict=True) if e["verified"]
    }
    assert angenommen == {}, sorted(angenommen)
