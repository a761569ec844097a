"""Optional lines of the certificate PDF that other apps provide, e.g. attended hours
(attendance) and the title of the final presentation. Same registry idea as `regeln.py`:
`registrieren("anwesenheit_stunden", funktion)` with `funktion(anmeldung) -> str | None`.
"""

from __future__ import annotations

from collections.abc import Callable

#: Keys the PDF template shows, with their German label.
BEKANNTE_ANGABEN = {
    "anwesenheit_stunden": "Teilgenommene Präsenzstunden",
    "praesentation_titel": "Abschlusspräsentation",
}

_ANGABEN: dict[str, Callable[[object], str | None]] = {}


def registrieren(schluessel: str, funktion: Callable[[object], str | None]) -> None:
    if schluessel not in BEKANNTE_ANGABEN:
        raise KeyError(f"Unbekannte Angabe: {schluessel}")
    _ANGABEN[schluessel] = funktion


def entfernen(schluessel: str) -> None:
    _ANGABEN.pop(schluessel, None)


def werte(anmeldung) -> list[tuple[str, str]]:
    """(label, value) for every registered provider that has a value for the enrolment."""
    zeilen = []
    for schluessel, funktion in _ANGABEN.items():
        wert = funktion(anmeldung)
        if wert:
            zeilen.append((BEKANNTE_ANGABEN[schluessel], str(wert)))
    return zeilen


def _anwesenheit_stunden(anmeldung) -> str | None:
    from kurse.models import stunden_text
    from teilnehmende.selectors import anwesenheit_stand

    stand = anwesenheit_stand(anmeldung=anmeldung)
    if not stand.stunden_anwesend:
        return None
    return f"{stunden_text(stand.stunden_anwesend)} Stunden"


def _praesentation_titel(anmeldung) -> str | None:
    from teilnehmende.models import Abschlusspraesentation, Version

    version = (
        Version.objects.filter(
            praesentation__anmeldung=anmeldung,
            praesentation__status=Abschlusspraesentation.Status.ANGENOMMEN,
        )
        .order_by("-nummer")
        .first()
    )
    return version.titel if version else None


registrieren("anwesenheit_stunden", _anwesenheit_stunden)
registrieren("praesentation_titel", _praesentation_titel)
