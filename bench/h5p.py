"""Benchmarks of the H5P package checks; run from the project root: ``python bench/h5p.py``.

Prints the rows of the shared bench table (see ``bench/_tabelle.py``). Each measurement is a
function returning rows (Messgröße, Wert, Ziel, erfüllt); add one by listing it in MESSUNGEN.
Exits with 1 when a row misses its target.
"""

from __future__ import annotations

import io
import sys
import tracemalloc
from collections.abc import Callable
from typing import NamedTuple

from _tabelle import django_einrichten, median_p95, zeile, zeiten_ms

django_einrichten()

from h5p.validierung import Grenzen, H5PPaketFehler, pruefen  # noqa: E402
from tests.h5p.pakete import ECHTES_PAKET, MB, bombe  # noqa: E402

BENCH = "h5p"
WIEDERHOLUNGEN = 20
ZIEL_BOMBE_MS = 500


class Zeile(NamedTuple):
    messgroesse: str
    wert: str
    ziel: str = ""
    erfuellt: bool | None = None


def bench_validierung() -> list[Zeile]:
    median, _ = median_p95(zeiten_ms(lambda: pruefen(ECHTES_PAKET), wiederholungen=WIEDERHOLUNGEN))
    return [Zeile(f"Prüfung {ECHTES_PAKET.name}, Median aus {WIEDERHOLUNGEN}", f"{median:.1f} ms")]


def _ablehnen(archiv: io.BytesIO) -> None:
    try:
        pruefen(archiv, grenzen=Grenzen())
    except H5PPaketFehler:
        return
    raise AssertionError("Die ZIP-Bombe wurde nicht abgelehnt.")


def bench_zip_bombe() -> list[Zeile]:
    """A member of 101 MB zeros, with the default caps: declaring 1000 bytes, or its real size."""
    zeilen = []
    for art, angegeben in (("gibt 1000 Bytes an", 1000), ("gibt 101 MB an", 101 * MB)):
        archiv = bombe(101 * MB, angegeben=angegeben)
        median, _ = median_p95(zeiten_ms(lambda archiv=archiv: _ablehnen(archiv), wiederholungen=5))
        tracemalloc.start()
        _ablehnen(archiv)
        _, spitze = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        titel = f"ZIP-Bombe {len(archiv.getvalue()) // 1024} KB → 101 MB, {art}"
        zeilen += [
            Zeile(
                f"{titel}: abgelehnt nach",
                f"{median:.1f} ms",
                f"< {ZIEL_BOMBE_MS} ms",
                median < ZIEL_BOMBE_MS,
            ),
            Zeile(f"{titel}: Speicherspitze", f"{spitze / MB:.2f} MB"),
        ]
    return zeilen


MESSUNGEN: list[Callable[[], list[Zeile]]] = [bench_validierung, bench_zip_bombe]


def main() -> int:
    zeilen = [z for messung in MESSUNGEN for z in messung()]
    for z in zeilen:
        ziel = (
            z.ziel
            if z.erfuellt is None
            else f"{z.ziel} ({'erfüllt' if z.erfuellt else 'VERFEHLT'})"
        )
        zeile(BENCH, z.messgroesse, z.wert, ziel)
    return 0 if all(z.erfuellt is not False for z in zeilen) else 1


if __name__ == "__main__":
    sys.exit(main())
