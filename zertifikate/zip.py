"""A ZIP of files written chunk by chunk into the response: never the whole archive in memory."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator

BLOCK = 64 * 1024


class _Strom:
    """Write-only, not seekable: zipfile then writes data descriptors after each file."""

    def __init__(self) -> None:
        self._teile: list[bytes] = []
        self._position = 0

    def write(self, daten: bytes) -> int:
        self._teile.append(bytes(daten))
        self._position += len(daten)
        return len(daten)

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        pass

    def abholen(self) -> bytes:
        daten = b"".join(self._teile)
        self._teile.clear()
        return daten


def zip_strom(dateien: Iterable[tuple[str, object]]) -> Iterator[bytes]:
    """`dateien`: (name in the archive, Django File/FieldFile). PDFs are compressed already,
    so they are stored as they are."""
    strom = _Strom()
    with zipfile.ZipFile(strom, mode="w", compression=zipfile.ZIP_STORED) as archiv:
        for name, datei in dateien:
            with datei.open("rb") as quelle, archiv.open(name, mode="w", force_zip64=True) as ziel:
                while block := quelle.read(BLOCK):
                    ziel.write(block)
                    yield strom.abholen()
            yield strom.abholen()
    yield strom.abholen()
