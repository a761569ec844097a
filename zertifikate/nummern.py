"""Certificate numbers: `LK-2026-7KQ4-M9XD-3PTA-R8VK`.

15 random characters of Crockford's base32 (75 bits, no I, L, O, U) and one check character
(Luhn mod 32 over year and random part), so a typo is caught before any lookup. Input is
forgiving: lower case, spaces, missing dashes, O for 0 and I/L for 1 are accepted.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_WERT = {zeichen: wert for wert, zeichen in enumerate(ALPHABET)}
_VERWECHSELBAR = str.maketrans({"O": "0", "I": "1", "L": "1"})
PRAEFIX = "LK"
ZUFALLSZEICHEN = 15
_ROH = re.compile(rf"^{PRAEFIX}(\d{{4}})([{ALPHABET}]{{{ZUFALLSZEICHEN + 1}}})$")


class NummerUngueltig(ValueError):
    """Not the shape of a certificate number at all."""


class PruefzeichenFalsch(ValueError):
    """The shape fits, the check character does not: a typo."""


def pruefzeichen(zeichen: str) -> str:
    """Luhn mod N (N = 32): finds every single wrong character and most swapped neighbours."""
    faktor, summe, n = 2, 0, len(ALPHABET)
    for buchstabe in reversed(zeichen):
        wert = faktor * _WERT[buchstabe]
        summe += wert // n + wert % n
        faktor = 1 if faktor == 2 else 2
    return ALPHABET[(n - summe % n) % n]


def _formatieren(jahr: str, rest: str) -> str:
    gruppen = [rest[i : i + 4] for i in range(0, len(rest), 4)]
    return "-".join([PRAEFIX, jahr, *gruppen])


def neue_nummer(jahr: int) -> str:
    zufall = "".join(secrets.choice(ALPHABET) for _ in range(ZUFALLSZEICHEN))
    return _formatieren(f"{jahr:04d}", zufall + pruefzeichen(f"{jahr:04d}{zufall}"))


def normalisieren(eingabe: str) -> str:
    """The canonical spelling of a typed number; raises NummerUngueltig / PruefzeichenFalsch."""
    roh = re.sub(r"[\s\-–—_.]", "", eingabe or "").upper()
    if roh.startswith(PRAEFIX):
        roh = PRAEFIX + roh[len(PRAEFIX) :].translate(_VERWECHSELBAR)
    treffer = _ROH.match(roh)
    if treffer is None:
        raise NummerUngueltig(eingabe)
    jahr, rest = treffer.groups()
    if pruefzeichen(jahr + rest[:-1]) != rest[-1]:
        raise PruefzeichenFalsch(eingabe)
    return _formatieren(jahr, rest)
