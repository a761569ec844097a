"""Demo step: an issuer key, so `make run` hands out Open Badges out of the box. Idempotent."""

from __future__ import annotations

from .schluessel import aktive_kennung, neuer_schluessel, verzeichnis


def anlegen(stdout) -> None:
    if aktive_kennung() is None:
        schluessel = neuer_schluessel()
        stdout.write(f"Open-Badges-Schlüssel {schluessel.kennung} in {verzeichnis()} angelegt.")
