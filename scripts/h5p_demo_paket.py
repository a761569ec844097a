#!/usr/bin/env python3
"""Builds the German H5P package of the demo lesson (kurse/h5p_demo_paket.py) as a file, e.g. to
upload it by hand in the Wagtail admin. `demo_anlegen` builds it itself.

    python scripts/h5p_demo_paket.py [QUELLE.h5p] [ZIEL.h5p]

QUELLE defaults to ../shared/h5p/true-false-hello-world.h5p, ZIEL to wissenscheck-de.h5p.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kurse.h5p_demo_paket import deutsches_paket_bauen  # noqa: E402

if __name__ == "__main__":
    quelle = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "h5p"
    if quelle.is_dir():
        quelle = quelle / "true-false-hello-world.h5p"
    ziel = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("wissenscheck-de.h5p")
    print(deutsches_paket_bauen(quelle=quelle, ziel=ziel))
