"""Data Integrity proofs with the cryptosuite `eddsa-rdfc-2022` (W3C "Data Integrity EdDSA
Cryptosuites v1.0", §3.2): RDFC-1.0 canonicalisation (pyld), SHA-256, Ed25519 (cryptography).

    hashData   = SHA-256(canonical proof configuration) || SHA-256(canonical document)
    proofValue = "z" + base58btc(Ed25519 signature over hashData)

The proof configuration is the proof without `proofValue`, with the document's `@context`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils.translation import gettext_lazy as _

from .kanonisierung import MAX_LEERE_KNOTEN, BudgetErschoepft, KanonisierungFehler, kanonisch
from .multibase import MultibaseFehler, z_dekodieren, z_kodieren
from .schluessel import Schluessel

PROOF_TYP = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"


SIGNATUR_FEHLT = _("Der Nachweis enthält keine (oder mehrere) Signaturen.")
VERFAHREN_UNBEKANNT = _("Die Signatur hat ein unbekanntes Verfahren (erwartet: eddsa-rdfc-2022).")
ZWECK_FALSCH = _("Die Signatur ist nicht für Ausstellungen (assertionMethod) gedacht.")
SCHLUESSEL_FREMD = _("Der Nachweis ist nicht mit einem Schlüssel der Lernkette signiert.")
SIGNATUR_FALSCH = _(
    "Die Signatur passt nicht zum Inhalt: Der Nachweis wurde verändert oder ist nicht echt."
)


class ProofUngueltig(ValueError):
    """The proof is missing, malformed, or the signature does not match (message in German)."""


def zeitstempel(zeitpunkt: datetime) -> str:
    """XML Schema dateTime in UTC with second precision, e.g. 2026-11-23T04:10:00Z."""
    return zeitpunkt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hashdaten(dokument: dict, proof_konfiguration: dict, *, max_leere_knoten=None) -> bytes:
    konfiguration = {"@context": dokument["@context"], **proof_konfiguration}
    konfiguration.pop("proofValue", None)
    ohne_proof = {k: v for k, v in dokument.items() if k != "proof"}
    konfig_hash = hashlib.sha256(
        kanonisch(konfiguration, max_leere_knoten=max_leere_knoten).encode("utf-8")
    ).digest()
    dokument_hash = hashlib.sha256(
        kanonisch(ohne_proof, max_leere_knoten=max_leere_knoten).encode("utf-8")
    ).digest()
    return konfig_hash + dokument_hash


def signieren(
    dokument: dict, *, schluessel: Schluessel, verification_method: str, erstellt: datetime
) -> dict:
    """A copy of the document with an `eddsa-rdfc-2022` proof (assertionMethod)."""
    if schluessel.privat is None:
        raise ValueError("Zum Signieren fehlt der private Schlüssel.")
    proof = {
        "type": PROOF_TYP,
        "cryptosuite": CRYPTOSUITE,
        "created": zeitstempel(erstellt),
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    signatur = schluessel.privat.sign(_hashdaten(dokument, proof))
    return {**dokument, "proof": {**proof, "proofValue": z_kodieren(signatur)}}


def pruefen(dokument: dict, *, schluessel_fuer: Callable[[str], Ed25519PublicKey | None]) -> dict:
    """Verify the single `eddsa-rdfc-2022` proof; returns the proof, raises ProofUngueltig.

    `schluessel_fuer(verification_method)` gives the public key of a method we trust, or None.
    """
    proof = dokument.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofUngueltig(str(SIGNATUR_FEHLT))
    if proof.get("type") != PROOF_TYP or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofUngueltig(str(VERFAHREN_UNBEKANNT))
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        raise ProofUngueltig(str(ZWECK_FALSCH))
    methode = proof.get("verificationMethod")
    oeffentlich = schluessel_fuer(methode) if isinstance(methode, str) else None
    if oeffentlich is None:
        raise ProofUngueltig(str(SCHLUESSEL_FREMD))
    try:
        signatur = z_dekodieren(proof.get("proofValue"))
        daten = _hashdaten(dokument, proof, max_leere_knoten=MAX_LEERE_KNOTEN)
        oeffentlich.verify(signatur, daten)
    except BudgetErschoepft:
        raise
    except (
        MultibaseFehler,
        KanonisierungFehler,
        InvalidSignature,
        TypeError,
        KeyError,
        UnicodeError,
    ):
        raise ProofUngueltig(str(SIGNATUR_FALSCH)) from None
    return proof
