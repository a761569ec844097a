"""Builds the German H5P package of the demo "Wissenscheck" from the libraries of a True/False
package (shared/h5p/true-false-hello-world.h5p): German question, German interface strings in
the content's l10n fields, language "de". Plain Python (no Django), so that
`scripts/h5p_demo_paket.py` can call it too.

The archive is byte-for-byte reproducible (fixed order and timestamps): the demo finds the
package it stored earlier by its SHA-256 and does not upload it twice.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

TITEL = "Wissenscheck: Wann beginnt eine Präventionskette?"
FRAGE = (
    "<p>Richtig oder falsch? Eine kommunale Präventionskette beginnt erst mit dem Eintritt "
    "des Kindes in die Schule.</p>\n"
)
#: The True/False content (H5P.TrueFalse 1.6 semantics); the statement above is false.
INHALT = {
    "question": FRAGE,
    "correct": "false",
    "media": {"disableImageZooming": False},
    "behaviour": {
        "enableRetry": True,
        "enableSolutionsButton": True,
        "enableCheckButton": True,
        "confirmCheckDialog": False,
        "confirmRetryDialog": False,
        "autoCheck": False,
        "feedbackOnCorrect": (
            "Genau: Die Präventionskette beginnt schon in der Schwangerschaft und rund um die "
            "Geburt und begleitet Kinder und Familien bis zum Berufseinstieg."
        ),
        "feedbackOnWrong": (
            "Nicht ganz: Die Präventionskette setzt viel früher an – schon in der "
            "Schwangerschaft und rund um die Geburt. Versuchen Sie es noch einmal."
        ),
    },
    "l10n": {
        "trueText": "Richtig",
        "falseText": "Falsch",
        "score": "Sie haben @score von @total Punkten erreicht.",
        "checkAnswer": "Überprüfen",
        "showSolutionButton": "Lösung anzeigen",
        "tryAgain": "Wiederholen",
        "wrongAnswerMessage": "Leider falsch",
        "correctAnswerMessage": "Richtig beantwortet",
        "scoreBarLabel": "Sie haben :num von :total Punkten erreicht.",
    },
    "confirmCheck": {
        "header": "Beenden?",
        "body": "Möchten Sie die Aufgabe wirklich beenden?",
        "cancelLabel": "Abbrechen",
        "confirmLabel": "Beenden",
    },
    "confirmRetry": {
        "header": "Wiederholen?",
        "body": "Möchten Sie die Aufgabe wirklich wiederholen?",
        "cancelLabel": "Abbrechen",
        "confirmLabel": "Bestätigen",
    },
}
_ZEITSTEMPEL = (2026, 1, 1, 0, 0, 0)


def deutsches_paket_bauen(*, quelle: Path, ziel: Path) -> Path:
    """Write the German package to `ziel`: the libraries and dependencies of `quelle`, our
    h5p.json metadata and content. Raises ValueError if `quelle` is no True/False package."""
    with zipfile.ZipFile(quelle) as alt:
        metadaten = json.loads(alt.read("h5p.json"))
        if metadaten.get("mainLibrary") != "H5P.TrueFalse":
            raise ValueError(f"{quelle}: kein H5P.TrueFalse-Paket")
        # Library folders only: the old content and stray top-level files stay behind.
        bibliotheken = sorted(
            name
            for name in alt.namelist()
            if "/" in name and not name.startswith("content/") and not name.endswith("/")
        )
        metadaten |= {"title": TITEL, "language": "de", "license": "U"}
        dateien = [
            ("h5p.json", json.dumps(metadaten, ensure_ascii=False).encode()),
            ("content/content.json", json.dumps(INHALT, ensure_ascii=False).encode()),
        ] + [(name, alt.read(name)) for name in bibliotheken]
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(ziel, "w", compression=zipfile.ZIP_DEFLATED) as neu:
        for name, inhalt in dateien:
            eintrag = zipfile.ZipInfo(name, date_time=_ZEITSTEMPEL)
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            eintrag.external_attr = 0o644 << 16
            neu.writestr(eintrag, inhalt)
    return ziel
