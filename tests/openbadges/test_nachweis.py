"""The signed OpenBadgeCredential: content, verification, tampering, revocation, key rotation."""

from __future__ import annotations

import copy
import hashlib

import pytest

from openbadges import bitstring
from openbadges.did import aussteller_did, did_dokument
from openbadges.integritaet import ProofUngueltig, pruefen, signieren
from openbadges.kanonisierung import OB_V3, VC_V2
from openbadges.models import OpenBadge
from openbadges.multibase import multikey_dekodieren, z_dekodieren
from openbadges.pruefung import (
    FREMDER_AUSSTELLER,
    KEIN_NACHWEIS,
    KONTEXT_FALSCH,
    STATUS_UNBEKANNT,
    nachweis_pruefen,
)
from openbadges.schluessel import (
    aktive_kennung,
    aktiver_schluessel,
    neuer_schluessel,
    schluessel_zurueckziehen,
)
from openbadges.services import NachweisUngueltig, openbadge_ausstellen, statusliste_credential
from openbadges.struktur import ZU_VIELE_LEERE_KNOTEN
from zertifikate.services import zertifikat_neu_ausstellen, zertifikat_widerrufen

pytestmark = pytest.mark.django_db

SIGNATUR_FALSCH = (
    "Die Signatur passt nicht zum Inhalt: Der Nachweis wurde verändert oder ist nicht echt."
)


def _status_bit(badge: OpenBadge) -> bool:
    badge.statusliste.refresh_from_db()
    liste = statusliste_credential(statusliste=badge.statusliste)
    bits = bitstring.dekodieren(liste["credentialSubject"]["encodedList"])
    return bitstring.gesetzt(bits, badge.index)


def test_nachweis_ist_ob3_und_enthaelt_keinen_namen(zertifikat, lage):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    c = badge.credential
    assert c["@context"] == [VC_V2, OB_V3]
    assert c["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert c["issuer"]["id"] == aussteller_did() == "did:web:127.0.0.1%3A8000"
    assert c["validFrom"] == zertifikat.ausgestellt_am.strftime("%Y-%m-%dT%H:%M:%SZ")
    subjekt = c["credentialSubject"]
    assert subjekt["type"] == ["AchievementSubject"]
    kennung = subjekt["identifier"][0]
    assert kennung["hashed"] is True and kennung["identityType"] == "emailAddress"
    erwartet = hashlib.sha256((lage["ich"].email + kennung["salt"]).encode()).hexdigest()
    assert kennung["identityHash"] == f"sha256${erwartet}"
    achievement = subjekt["achievement"]
    assert achievement["name"] == zertifikat.kurs_titel
    assert "Pflichtlektionen" in achievement["criteria"]["narrative"]
    assert achievement["alignment"][0]["targetUrl"].startswith("http://127.0.0.1:8000/")
    assert c["credentialStatus"]["statusListIndex"] == str(badge.index)
    # Privacy: neither name nor e-mail address in the document.
    text = str(c)
    assert "Amelie" not in text and "Absolventin" not in text and lage["ich"].email not in text
    proof = c["proof"]
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert len(z_dekodieren(proof["proofValue"])) == 64


def test_nachweis_wird_nur_einmal_signiert(zertifikat):
    erster = openbadge_ausstellen(zertifikat=zertifikat)
    zweiter = openbadge_ausstellen(zertifikat=zertifikat)
    assert zweiter.pk == erster.pk and zweiter.credential == erster.credential
    assert OpenBadge.objects.count() == 1


def test_nachweis_verifiziert(zertifikat):
    ergebnis = nachweis_pruefen(openbadge_ausstellen(zertifikat=zertifikat).credential)
    assert ergebnis.gueltig and not ergebnis.widerrufen
    assert ergebnis.zertifikat == zertifikat
    assert ergebnis.achievement == zertifikat.kurs_titel


@pytest.mark.parametrize(
    "aendern",
    [
        lambda c: c["credentialSubject"]["achievement"].update(name="Ein anderer Kurs"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="sha256$00"),
        lambda c: c["credentialSubject"]["achievement"]["criteria"].update(narrative="Nichts."),
        lambda c: c["issuer"].update(name="Fälscherei"),
        lambda c: c["proof"].update(created="2030-01-01T00:00:00Z"),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
    ],
    ids=["achievement", "validFrom", "identityHash", "criteria", "issuer", "created", "neu"],
)
def test_geaendertes_feld_bricht_die_signatur(zertifikat, aendern):
    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    aendern(credential)
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(credential)
    assert str(fehler.value) == SIGNATUR_FALSCH


def test_fremder_schluessel_und_fremder_aussteller(zertifikat, tmp_path):
    credential = openbadge_ausstellen(zertifikat=zertifikat).credential
    # Signed again with a key that is not published: refused before any canonicalisation.
    fremd = neuer_schluessel(tmp_path / "fremd")
    ohne = {k: v for k, v in credential.items() if k != "proof"}
    gefaelscht = signieren(
        ohne,
        schluessel=fremd,
        verification_method=f"{aussteller_did()}#{fremd.kennung}",
        erstellt=zertifikat.ausgestellt_am,
    )
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(gefaelscht)
    assert str(fehler.value) == "Der Nachweis ist nicht mit einem Schlüssel der Lernkette signiert."
    anderer = copy.deepcopy(credential)
    anderer["issuer"]["id"] = "did:web:example.org"
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(anderer)
    assert str(fehler.value) == str(FREMDER_AUSSTELLER)


@pytest.mark.parametrize("dokument", [[], "text", {"@context": VC_V2}, {"type": ["X"]}])
def test_kein_nachweis(dokument):
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(dokument)
    assert str(fehler.value) == str(KEIN_NACHWEIS)


def test_unbekannter_kontext_wird_nicht_geladen(zertifikat):
    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    credential["@context"].append("https://example.org/boese.jsonld")
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(credential)
    assert str(fehler.value) == str(KONTEXT_FALSCH)


def test_widerruf_setzt_das_bit(zertifikat, administratorin):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    assert _status_bit(badge) is False
    zertifikat_widerrufen(
        zertifikat=zertifikat, grund="Anwesenheit korrigiert", von=administratorin
    )
    assert _status_bit(badge) is True
    ergebnis = nachweis_pruefen(badge.credential)
    assert ergebnis.widerrufen and not ergebnis.gueltig


def test_neuausstellung_bekommt_neuen_index(zertifikat, administratorin):
    alt = openbadge_ausstellen(zertifikat=zertifikat)
    neu_zertifikat = zertifikat_neu_ausstellen(
        zertifikat=zertifikat, grund="Namenskorrektur", von=administratorin
    )
    neu = openbadge_ausstellen(zertifikat=neu_zertifikat)
    assert (neu.statusliste_id, neu.index) != (alt.statusliste_id, alt.index)
    # The replaced certificate's credential is no longer current: its bit is set.
    assert _status_bit(alt) is True and _status_bit(neu) is False
    assert nachweis_pruefen(alt.credential).widerrufen
    assert nachweis_pruefen(neu.credential).gueltig


def test_statusliste_wird_nur_bei_aenderung_neu_signiert(zertifikat, administratorin):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    erste = statusliste_credential(statusliste=badge.statusliste)
    badge.statusliste.refresh_from_db()
    assert statusliste_credential(statusliste=badge.statusliste) == erste
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Fehler", von=administratorin)
    badge.statusliste.refresh_from_db()
    zweite = statusliste_credential(statusliste=badge.statusliste)
    assert zweite["credentialSubject"]["encodedList"] != erste["credentialSubject"]["encodedList"]
    # The list is itself a credential signed by us.
    pruefen(zweite, schluessel_fuer=lambda m: aktiver_schluessel().oeffentlich)


def test_statuseintrag_unbekannt(zertifikat):
    credential = openbadge_ausstellen(zertifikat=zertifikat).credential
    OpenBadge.objects.all().delete()
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(credential)
    assert str(fehler.value) == str(STATUS_UNBEKANNT)


def test_schluesselrotation_alte_nachweise_bleiben_gueltig(
    schluessel_ordner, zertifikat, lage, administratorin
):
    alt_kennung = aktive_kennung()
    alt = openbadge_ausstellen(zertifikat=zertifikat)
    neu_schluessel = neuer_schluessel()
    assert aktive_kennung() == neu_schluessel.kennung != alt_kennung
    # The old private key is gone, its public key stays published.
    assert not (schluessel_ordner / f"{alt_kennung}.key").exists()
    dokument = did_dokument()
    methoden = {m["id"].split("#")[1]: m for m in dokument["verificationMethod"]}
    assert set(methoden) == {alt_kennung, neu_schluessel.kennung}
    assert set(dokument["assertionMethod"]) == {m["id"] for m in methoden.values()}
    assert len(multikey_dekodieren(methoden[alt_kennung]["publicKeyMultibase"])) == 32
    assert methoden[alt_kennung]["publicKeyMultibase"].startswith("z6Mk")
    # The old credential still verifies; a new one (re-issue) is signed with the new key.
    assert nachweis_pruefen(alt.credential).gueltig
    neu_zertifikat = zertifikat_neu_ausstellen(
        zertifikat=zertifikat, grund="Namenskorrektur", von=administratorin
    )
    neu = openbadge_ausstellen(zertifikat=neu_zertifikat)
    assert neu.credential["proof"]["verificationMethod"].endswith("#" + neu_schluessel.kennung)
    assert nachweis_pruefen(neu.credential).gueltig
    # Withdrawing the old public key (compromise) makes the old credential fail.
    schluessel_zurueckziehen(alt_kennung)
    with pytest.raises(NachweisUngueltig):
        nachweis_pruefen(alt.credential)


def test_signatur_ohne_proof():
    with pytest.raises(ProofUngueltig):
        pruefen({"@context": [VC_V2]}, schluessel_fuer=lambda m: None)


def test_zu_viele_leere_knoten_werden_nicht_kanonisiert(zertifikat):
    """Guard against poison graphs: an upload with many blank nodes is refused before RDFC."""
    from openbadges.kanonisierung import MAX_LEERE_KNOTEN, KanonisierungFehler, kanonisch

    credential = copy.deepcopy(openbadge_ausstellen(zertifikat=zertifikat).credential)
    achievement = credential["credentialSubject"]["achievement"]
    achievement["alignment"] = [
        {"type": ["Alignment"], "targetName": f"A{i}", "targetUrl": "https://example.org/"}
        for i in range(MAX_LEERE_KNOTEN + 1)
    ]
    with pytest.raises(KanonisierungFehler):
        kanonisch(credential, max_leere_knoten=MAX_LEERE_KNOTEN)
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(credential)
    assert str(fehler.value) == str(ZU_VIELE_LEERE_KNOTEN)
    # Our own credentials stay below the limit.
    kanonisch(openbadge_ausstellen(zertifikat=zertifikat).credential, max_leere_knoten=10)


def test_nachweis_nennt_den_namen_des_zertifikats_nur_als_hash(zertifikat, lage):
    """The holder's name (as on the certificate, never the e-mail) identifies her, hashed."""
    c = openbadge_ausstellen(zertifikat=zertifikat).credential
    name = next(k for k in c["credentialSubject"]["identifier"] if k["identityType"] == "name")
    assert name["hashed"] is True
    erwartet = hashlib.sha256(("amelie absolventin" + name["salt"]).encode()).hexdigest()
    assert zertifikat.inhaber_name == "Amelie Absolventin"
    assert name["identityHash"] == f"sha256${erwartet}"
    assert "Amelie" not in str(c)


@pytest.mark.parametrize(
    "aendern",
    [
        lambda liste: liste["@context"].append({"encodedList": "https://example.org/liste"}),
        lambda liste: liste["credentialSubject"].update(statusPurpose="suspension"),
        lambda liste: liste.update(type=["VerifiableCredential", "OpenBadgeCredential"]),
        lambda liste: liste["proof"].update(verificationMethod="did:web:example.org#fremd"),
        lambda liste: liste.update(validFrom="2099-01-01T00:00:00Z"),
    ],
    ids=["kontext", "zweck", "typ", "schluessel", "gueltig-ab"],
)
def test_statusliste_unter_denselben_regeln(zertifikat, aendern):
    """The status list credential is read like an upload: a changed stored list (same bits and
    key, so it is served as it is) fails, and the credential is not confirmed."""
    from openbadges.pruefung import STATUSLISTE_UNGUELTIG

    badge = openbadge_ausstellen(zertifikat=zertifikat)
    liste = badge.statusliste
    credential = copy.deepcopy(statusliste_credential(statusliste=liste))
    aendern(credential)
    type(liste).objects.filter(pk=liste.pk).update(credential=credential)
    with pytest.raises(NachweisUngueltig) as fehler:
        nachweis_pruefen(badge.credential)
    assert str(fehler.value) == str(STATUSLISTE_UNGUELTIG)


def test_nachweis_nennt_den_umfang_aus_den_daten_wie_das_pdf(zertifikat):
    """The badge states the scope the PDF prints (lessons and in-person hours), not the
    course page's advertised hours."""
    from zertifikate.pdf import pdf_kontext

    kurs = zertifikat.anmeldung.durchgang.kurs
    kurs.stunden = 999
    kurs.save_revision().publish()
    c = openbadge_ausstellen(zertifikat=zertifikat).credential
    beschreibung = c["credentialSubject"]["achievement"]["alignment"][0]["targetDescription"]
    gesamt = pdf_kontext(zertifikat)["umfang"].gesamt
    assert beschreibung == f"Fortbildung „{zertifikat.kurs_titel}“, {gesamt} Stunden"
    assert "999" not in beschreibung
