"""The issuer's identifier `did:web:<host>` and its DID document (/.well-known/did.json)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from django.conf import settings

from .schluessel import oeffentliche_schluessel

DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"


def aussteller_did() -> str:
    """did:web of the site: the host of SITE_URL, a port encoded as %3A (did:web spec)."""
    teile = urlsplit(settings.SITE_URL)
    return "did:web:" + quote(teile.netloc, safe="")


def verification_method(kennung: str) -> str:
    return f"{aussteller_did()}#{kennung}"


def did_dokument() -> dict:
    """Every published key is an assertionMethod: rotated keys stay, so old credentials verify."""
    did = aussteller_did()
    methoden = [
        {
            "id": verification_method(s.kennung),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": s.multikey,
        }
        for s in oeffentliche_schluessel()
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methoden,
        "assertionMethod": [m["id"] for m in methoden],
    }
