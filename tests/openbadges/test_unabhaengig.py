"""Independent verification: the Digital Credentials Consortium's JavaScript libraries
(@digitalcredentials/vc 10 + eddsa-rdfc-2022-cryptosuite + vc-bitstring-status-list, pinned in
tests/openbadges/js/package-lock.json) verify credentials our code issued. Offline: the contexts
come bundled with the npm packages, DID document and status list are handed over as files
(tests/openbadges/js/pruefen.mjs). Skipped only where `node` is missing."""

from __future__ import annotations

import copy
import json
import subprocess

import pytest

from openbadges.did import did_dokument
from openbadges.kanonisierung import GEBUENDELT
from openbadges.schluessel import neuer_schluessel
from openbadges.services import openbadge_ausstellen, statusliste_credential
from tests.openbadges.dcc import JS, pruefer_bereit
from zertifikate.services import zertifikat_widerrufen

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pruefer():
    return pruefer_bereit()


def _pruefen(pruefer, tmp_path, credential, *, did=None, statusliste) -> dict:
    dateien = {
        "credential.json": credential,
        "did.json": did or did_dokument(),
        "statusliste.json": statusliste,
    }
    for name, inhalt in dateien.items():
        (tmp_path / name).write_text(json.dumps(inhalt), encoding="utf-8")
    lauf = subprocess.run(  # noqa: S603
        [pruefer, "pruefen.mjs", *(str(tmp_path / name) for name in dateien)],
        cwd=JS,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(lauf.stdout)


def _liste(badge) -> dict:
    badge.statusliste.refresh_from_db()
    return statusliste_credential(statusliste=badge.statusliste)


def test_unser_nachweis_ist_fuer_den_dcc_pruefer_gueltig(pruefer, tmp_path, zertifikat):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    ergebnis = _pruefen(pruefer, tmp_path, badge.credential, statusliste=_liste(badge))
    assert ergebnis == {"verified": True, "status": {"verified": True}, "fehler": []}


@pytest.mark.parametrize(
    "aendern",
    [
        lambda c: c["credentialSubject"]["achievement"].update(name="Ein anderer Kurs"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"].update(statusListIndex="0"),
    ],
    ids=["achievement", "validFrom", "statusindex"],
)
def test_veraenderter_nachweis_faellt_durch(pruefer, tmp_path, zertifikat, aendern):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    credential = copy.deepcopy(badge.credential)
    aendern(credential)
    ergebnis = _pruefen(pruefer, tmp_path, credential, statusliste=_liste(badge))
    assert ergebnis["verified"] is False
    assert "Invalid signature." in ergebnis["fehler"]


def test_widerrufener_nachweis_laut_statusliste(pruefer, tmp_path, zertifikat, administratorin):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Täuschung", von=administratorin)
    ergebnis = _pruefen(pruefer, tmp_path, badge.credential, statusliste=_liste(badge))
    assert ergebnis["verified"] is False
    assert ergebnis["status"] == {"verified": False}


def test_gefaelschte_statusliste_faellt_durch(pruefer, tmp_path, zertifikat):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    liste = copy.deepcopy(_liste(badge))
    liste["validFrom"] = "2020-01-01T00:00:00Z"
    ergebnis = _pruefen(pruefer, tmp_path, badge.credential, statusliste=liste)
    assert ergebnis["verified"] is False


def test_nach_schluesselrotation_bleibt_der_alte_nachweis_gueltig(
    pruefer, tmp_path, schluessel_ordner, zertifikat
):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    neuer_schluessel()
    dokument = did_dokument()
    assert len(dokument["verificationMethod"]) == 2
    # The list is now signed with the new key, the credential still with the old one.
    liste = _liste(badge)
    assert liste["proof"]["verificationMethod"] != badge.credential["proof"]["verificationMethod"]
    ergebnis = _pruefen(pruefer, tmp_path, badge.credential, did=dokument, statusliste=liste)
    assert ergebnis == {"verified": True, "status": {"verified": True}, "fehler": []}
    # Without the old key in the DID document the credential fails.
    ohne_alten = copy.deepcopy(dokument)
    alt = badge.credential["proof"]["verificationMethod"]
    ohne_alten["verificationMethod"] = [m for m in dokument["verificationMethod"] if m["id"] != alt]
    ohne_alten["assertionMethod"] = [m for m in dokument["assertionMethod"] if m != alt]
    ergebnis = _pruefen(pruefer, tmp_path, badge.credential, did=ohne_alten, statusliste=liste)
    assert ergebnis["verified"] is False


def test_kontexte_wie_im_pruefer(pruefer, tmp_path):
    """Our bundled contexts are the ones of the verifier's npm packages (same canonical form)."""
    subprocess.run(  # noqa: S603
        [pruefer, "kontexte_exportieren.mjs", str(tmp_path)], cwd=JS, check=True, timeout=60
    )
    for pfad in GEBUENDELT.values():
        assert json.loads((tmp_path / pfad.name).read_text()) == json.loads(pfad.read_text())
