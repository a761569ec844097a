"""Every `LERNKETTE_*` setting is read somewhere outside config/settings/, and every key of the
dict-valued ones (rates, upload limits, quotas) too: a configured limit that nothing applies is
a promise that does not hold."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

WURZEL = Path(__file__).resolve().parents[2]
APPS = ["berichte", "cms", "h5p", "kern", "kurse", "openbadges", "teilnehmende", "zertifikate"]
#: Dict settings whose keys name what they limit, with how code applies one key (KEY).
SCHLUESSEL_EINSTELLUNGEN = {
    "LERNKETTE_DROSSELUNG": r"(gedrosselt|erlaubt)\([^)]*[\"']KEY[\"']",
    "LERNKETTE_UPLOAD_GRENZEN": r"(art=|grenze\(|LERNKETTE_UPLOAD_GRENZEN\[)[\"']KEY[\"']",
    "LERNKETTE_H5P_KONTINGENT": r"_grenze\([\"']KEY[\"']",
}


def _quelltext() -> str:
    teile = []
    for app in [*APPS, "config"]:
        for datei in (WURZEL / app).rglob("*.py"):
            if "settings" in datei.parts or "migrations" in datei.parts:
                continue
            teile.append(datei.read_text(encoding="utf-8"))
    return "\n".join(teile)


def ungenutzte(quelltext: str) -> list[str]:
    fehlend = []
    for name in sorted(n for n in dir(settings) if n.startswith("LERNKETTE_")):
        if not re.search(rf"\b{name}\b", quelltext):
            fehlend.append(name)
    for name, muster in SCHLUESSEL_EINSTELLUNGEN.items():
        for schluessel in getattr(settings, name):
            if not re.search(muster.replace("KEY", re.escape(schluessel)), quelltext):
                fehlend.append(f"{name}[{schluessel!r}]")
    return fehlend


def test_jede_lernkette_einstellung_wird_gelesen():
    assert ungenutzte(_quelltext()) == []


def test_der_test_findet_ungenutzte(settings):
    settings.LERNKETTE_NIRGENDS_GELESEN = 1
    settings.LERNKETTE_DROSSELUNG = {**settings.LERNKETTE_DROSSELUNG, "gibt_es_nicht": "1/m"}
    assert ungenutzte(_quelltext()) == [
        "LERNKETTE_NIRGENDS_GELESEN",
        "LERNKETTE_DROSSELUNG['gibt_es_nicht']",
    ]
