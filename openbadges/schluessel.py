"""The issuer's Ed25519 keys: files in `LERNKETTE_OB_SCHLUESSEL_DIR`, never in the database.

Layout of the directory (the management command `openbadges_schluessel` writes it):

    <kennung>.pub   publicKeyMultibase ("z6Mk…"); kept for ever, so old credentials stay verifiable
    <kennung>.key   the private key (PKCS#8 PEM, mode 0600); only the active key keeps its file
    aktiv           the kennung of the key that signs new credentials

A rotation writes a new pair, makes it active and deletes the old private key; every public key
stays in the did:web document (`did.did_dokument`). A compromised key is withdrawn by deleting its
`.pub` (`schluessel_zurueckziehen`): every credential it signed fails verification from then on.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import timezone

from .multibase import MultibaseFehler, multikey_dekodieren, multikey_kodieren

AKTIV_DATEI = "aktiv"


class SchluesselFehlt(RuntimeError):
    """No active issuer key: run `manage.py openbadges_schluessel --neu`."""


@dataclass(frozen=True)
class Schluessel:
    kennung: str
    oeffentlich: Ed25519PublicKey
    privat: Ed25519PrivateKey | None = None

    @property
    def multikey(self) -> str:
        roh = self.oeffentlich.public_bytes(
            encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw
        )
        return multikey_kodieren(roh)


def verzeichnis() -> Path:
    return Path(settings.LERNKETTE_OB_SCHLUESSEL_DIR)


def _gueltige_kennung(kennung: str) -> bool:
    return bool(kennung) and all(z.isalnum() or z == "-" for z in kennung)


def _lesen(ordner: Path, kennung: str, *, mit_privat: bool) -> Schluessel:
    multikey = (ordner / f"{kennung}.pub").read_text(encoding="ascii").strip()
    oeffentlich = Ed25519PublicKey.from_public_bytes(multikey_dekodieren(multikey))
    privat = None
    if mit_privat:
        pem = (ordner / f"{kennung}.key").read_bytes()
        privat = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(privat, Ed25519PrivateKey):
            raise SchluesselFehlt(f"{kennung}.key ist kein Ed25519-Schlüssel.")
        if privat.public_key().public_bytes_raw() != oeffentlich.public_bytes_raw():
            raise SchluesselFehlt(f"{kennung}.key passt nicht zu {kennung}.pub.")
    return Schluessel(kennung=kennung, oeffentlich=oeffentlich, privat=privat)


def oeffentliche_schluessel(ordner: Path | None = None) -> list[Schluessel]:
    """Every published key (active and rotated ones), oldest first (kennung starts with a date)."""
    ordner = ordner or verzeichnis()
    if not ordner.is_dir():
        return []
    schluessel = []
    for datei in sorted(ordner.glob("*.pub")):
        try:
            schluessel.append(_lesen(ordner, datei.stem, mit_privat=False))
        except (OSError, ValueError, MultibaseFehler):
            continue  # a broken file must not take the did document down
    return schluessel


def aktive_kennung(ordner: Path | None = None) -> str | None:
    ordner = ordner or verzeichnis()
    try:
        kennung = (ordner / AKTIV_DATEI).read_text(encoding="ascii").strip()
    except OSError:
        return None
    return kennung if _gueltige_kennung(kennung) else None


def aktiver_schluessel(ordner: Path | None = None) -> Schluessel:
    """The signing key (with its private half)."""
    ordner = ordner or verzeichnis()
    kennung = aktive_kennung(ordner)
    if kennung is None:
        raise SchluesselFehlt(
            f"Kein aktiver Open-Badges-Schlüssel in {ordner}: manage.py openbadges_schluessel --neu"
        )
    try:
        return _lesen(ordner, kennung, mit_privat=True)
    except (OSError, ValueError, MultibaseFehler) as fehler:
        raise SchluesselFehlt(
            f"Schlüssel {kennung} in {ordner} ist nicht lesbar: {fehler}"
        ) from None


def _schreiben(pfad: Path, inhalt: bytes, modus: int) -> None:
    vorlaeufig = pfad.with_name(pfad.name + ".neu")
    fd = os.open(vorlaeufig, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, modus)
    with os.fdopen(fd, "wb") as datei:
        datei.write(inhalt)
    os.replace(vorlaeufig, pfad)


def neuer_schluessel(ordner: Path | None = None) -> Schluessel:
    """Generate a key pair and make it the active one (rotation); the previous private key is
    deleted, its public key stays published."""
    ordner = ordner or verzeichnis()
    ordner.mkdir(parents=True, exist_ok=True, mode=0o700)
    alt = aktive_kennung(ordner)
    kennung = f"ob-{timezone.now():%Y%m%d%H%M%S}-{secrets.token_hex(3)}"
    privat = Ed25519PrivateKey.generate()
    schluessel = Schluessel(kennung=kennung, oeffentlich=privat.public_key(), privat=privat)
    pem = privat.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    _schreiben(ordner / f"{kennung}.key", pem, 0o600)
    _schreiben(ordner / f"{kennung}.pub", (schluessel.multikey + "\n").encode("ascii"), 0o644)
    _schreiben(ordner / AKTIV_DATEI, (kennung + "\n").encode("ascii"), 0o644)
    if alt and alt != kennung:
        (ordner / f"{alt}.key").unlink(missing_ok=True)
    return schluessel


class SchluesselNichtZurueckziehbar(ValueError):
    pass


def schluessel_zurueckziehen(kennung: str, ordner: Path | None = None) -> None:
    """Withdraw a published key (compromise): its public key leaves the did:web document, so
    credentials signed with it no longer verify. The active key must be rotated away first."""
    ordner = ordner or verzeichnis()
    if not _gueltige_kennung(kennung) or not (ordner / f"{kennung}.pub").is_file():
        raise SchluesselNichtZurueckziehbar(
            f"Kein veröffentlichter Schlüssel {kennung} in {ordner}."
        )
    if kennung == aktive_kennung(ordner):
        raise SchluesselNichtZurueckziehbar(
            f"{kennung} ist der aktive Schlüssel: erst mit --neu einen neuen erzeugen, dann "
            "diesen zurückziehen."
        )
    (ordner / f"{kennung}.pub").unlink()
    (ordner / f"{kennung}.key").unlink(missing_ok=True)
