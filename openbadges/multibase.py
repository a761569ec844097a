"""Multibase base58btc ("z…") and Ed25519 Multikey ("z6Mk…"), as Data Integrity and did:web use
them. Encoding only, no cryptography: the keys themselves come from `cryptography`."""

from __future__ import annotations

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_WERTE = {zeichen: wert for wert, zeichen in enumerate(_ALPHABET)}
#: Multicodec prefix of an Ed25519 public key (varint of 0xed).
ED25519_PRAEFIX = b"\xed\x01"


class MultibaseFehler(ValueError):
    pass


def base58_kodieren(daten: bytes) -> str:
    zahl = int.from_bytes(daten, "big")
    zeichen = []
    while zahl:
        zahl, rest = divmod(zahl, 58)
        zeichen.append(_ALPHABET[rest])
    nullen = len(daten) - len(daten.lstrip(b"\0"))
    return "1" * nullen + "".join(reversed(zeichen))


def base58_dekodieren(text: str) -> bytes:
    zahl = 0
    for zeichen in text:
        try:
            zahl = zahl * 58 + _WERTE[zeichen]
        except KeyError:
            raise MultibaseFehler(f"Kein base58btc-Zeichen: {zeichen!r}") from None
    nullen = len(text) - len(text.lstrip("1"))
    rumpf = zahl.to_bytes((zahl.bit_length() + 7) // 8, "big") if zahl else b""
    return b"\0" * nullen + rumpf


def z_kodieren(daten: bytes) -> str:
    """Multibase base58btc: "z" + base58."""
    return "z" + base58_kodieren(daten)


def z_dekodieren(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z"):
        raise MultibaseFehler("Multibase-Wert muss mit „z“ (base58btc) beginnen.")
    return base58_dekodieren(text[1:])


def multikey_kodieren(oeffentlich_roh: bytes) -> str:
    """32 raw bytes of an Ed25519 public key → publicKeyMultibase "z6Mk…"."""
    if len(oeffentlich_roh) != 32:
        raise MultibaseFehler("Ein Ed25519-Schlüssel hat 32 Byte.")
    return z_kodieren(ED25519_PRAEFIX + oeffentlich_roh)


def multikey_dekodieren(multikey: str) -> bytes:
    daten = z_dekodieren(multikey)
    if len(daten) != 34 or not daten.startswith(ED25519_PRAEFIX):
        raise MultibaseFehler("Kein Ed25519-Multikey.")
    return daten[2:]
