"""Shared helpers of the production-topology tests: which real services this machine offers."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest

POSTGRES_BASIS = os.environ.get("LERNKETTE_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_BASIS = os.environ.get("LERNKETTE_TEST_REDIS_BASIS", "redis://127.0.0.1:6379")


def erreichbar(url: str, standard_port: int) -> bool:
    teile = urlsplit(url)
    try:
        with socket.create_connection(
            (teile.hostname or "127.0.0.1", teile.port or standard_port), 1
        ):
            return True
    except OSError:
        return False


@pytest.fixture
def dienste():
    """Skip with a clear reason unless PostgreSQL and Redis answer on this machine."""
    if not erreichbar(POSTGRES_BASIS, 5432):
        pytest.skip(f"PostgreSQL ist unter {POSTGRES_BASIS} nicht erreichbar.")
    if not erreichbar(REDIS_BASIS, 6379):
        pytest.skip(f"Redis ist unter {REDIS_BASIS} nicht erreichbar.")
    return POSTGRES_BASIS, REDIS_BASIS


#: Figures of the fault tests; shown in the terminal summary, also without `-s` (CI).
_MESSWERTE: list[str] = []


@pytest.fixture
def messwert():
    """`messwert("| störung | … |")`: a line for the summary section "Messwerte Betrieb"."""
    return _MESSWERTE.append


def pytest_terminal_summary(terminalreporter):
    if _MESSWERTE:
        terminalreporter.section("Messwerte Betrieb")
        for zeile in _MESSWERTE:
            terminalreporter.write_line(zeile)
