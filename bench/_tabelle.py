"""Shared output of the benchmarks: each prints rows `| bench | Messgröße | Wert | Ziel |`."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJEKT = Path(__file__).resolve().parent.parent


def django_einrichten() -> None:
    sys.path.insert(0, str(PROJEKT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def zeile(bench: str, messgroesse: str, wert: str, ziel: str = "") -> None:
    print(f"| {bench} | {messgroesse} | {wert} | {ziel} |", flush=True)


def zeiten_ms(funktion: Callable[[], object], *, wiederholungen: int = 30) -> list[float]:
    ergebnisse = []
    for _ in range(wiederholungen):
        start = time.perf_counter()
        funktion()
        ergebnisse.append((time.perf_counter() - start) * 1000)
    return ergebnisse


def cpu_zeiten_ms(funktion: Callable[[], object], *, wiederholungen: int = 30) -> list[float]:
    """CPU time of this process per call: on a busy machine closer to what an idle one would take
    than the wall clock (for SQLite it includes the database; PostgreSQL's share is not in it)."""
    ergebnisse = []
    for _ in range(wiederholungen):
        start = time.process_time()
        funktion()
        ergebnisse.append((time.process_time() - start) * 1000)
    return ergebnisse


def median_p95(werte: list[float]) -> tuple[float, float]:
    geordnet = sorted(werte)
    p95 = geordnet[max(0, round(0.95 * len(geordnet)) - 1)]
    return statistics.median(geordnet), p95
