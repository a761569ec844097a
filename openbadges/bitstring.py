"""The bit list of a W3C Bitstring Status List: index 0 is the most significant bit of the first
byte; `encodedList` is multibase base64url ("u", no padding) of the GZIP-compressed bytes."""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterable

#: The spec's minimum (16 KiB) for herd privacy.
MINDESTLAENGE = 131_072


def kodieren(gesetzt: Iterable[int], *, laenge: int = MINDESTLAENGE) -> str:
    bits = bytearray(laenge // 8)
    for index in gesetzt:
        if not 0 <= index < laenge:
            raise IndexError(index)
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same list gives the same bytes (stable signature cache)
    komprimiert = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(komprimiert).decode("ascii").rstrip("=")


def dekodieren(kodiert: str) -> bytes:
    if not kodiert.startswith("u"):
        raise ValueError("encodedList muss mit „u“ (base64url) beginnen.")
    rumpf = kodiert[1:]
    return gzip.decompress(base64.urlsafe_b64decode(rumpf + "=" * (-len(rumpf) % 4)))


def gesetzt(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
