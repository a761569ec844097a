"""The independent verifier (Digital Credentials Consortium, npm, tests/openbadges/js) from
Python: one credential per process (`einzeln`) or many in one Node process (`stapel`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).parent / "js"
SKRIPT = Path(__file__).resolve().parents[2] / "scripts" / "openbadges_pruefer.sh"
NODE = shutil.which("node")


def pruefer_bereit() -> str:
    """Node with the pinned npm packages installed (make test installs them before pytest)."""
    if NODE is None:
        pytest.skip("node fehlt: die unabhängige Prüfung braucht Node.js (apt-get install nodejs)")
    subprocess.run([str(SKRIPT)], check=True, timeout=600)  # noqa: S603
    assert (JS / "node_modules" / "@digitalcredentials" / "vc").is_dir(), (
        "npm-Pakete fehlen: scripts/openbadges_pruefer.sh"
    )
    return NODE


def stapel(node: str, ordner: Path, credentials: list, *, did: dict, statuslisten: list) -> list:
    """The DCC verdicts of all `credentials`, in order, from a single Node process."""
    eingabe = ordner / "stapel.json"
    eingabe.write_text(
        json.dumps({"did": did, "statuslisten": statuslisten, "credentials": credentials}),
        encoding="utf-8",
    )
    lauf = subprocess.run(  # noqa: S603
        [node, "stapel.mjs", str(eingabe)],
        cwd=JS,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    ergebnisse = json.loads(lauf.stdout)
    assert len(ergebnisse) == len(credentials)
    return ergebnisse
