"""`manage.py check --deploy`: production needs an active issuer key, else downloads and the
status list answer 503 (`manage.py openbadges_schluessel --wenn-fehlt` creates one)."""

from __future__ import annotations

from django.core import checks

from .schluessel import SchluesselFehlt, aktiver_schluessel, verzeichnis


@checks.register(checks.Tags.security, deploy=True)
def aktiver_schluessel_vorhanden(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        aktiver_schluessel()
    except SchluesselFehlt as fehler:
        return [
            checks.Warning(
                f"Open Badges: {fehler}",
                hint=(
                    "Ohne aktiven Schlüssel antworten Nachweis-Download und Statusliste mit 503. "
                    f"Schlüsselverzeichnis: {verzeichnis()} (LERNKETTE_OB_SCHLUESSEL_DIR)."
                ),
                id="openbadges.W001",
            )
        ]
    return []
