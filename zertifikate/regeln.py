"""Completion rules of the certificate: a small registry.

Each rule is a name and a function `(anmeldung) -> (erfüllt, Erklärung auf Deutsch)`. A
certificate is issued only when every registered rule holds. Apps register their rule with
`registrieren()` (e.g. in `AppConfig.ready()`); the lesson rule is registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

RegelFunktion = Callable[[object], tuple[bool, str]]


@dataclass(frozen=True)
class Regel:
    name: str
    pruefen: RegelFunktion


@dataclass(frozen=True)
class Ergebnis:
    regel: str
    erfuellt: bool
    erklaerung: str


_REGELN: dict[str, Regel] = {}


def registrieren(name: str, funktion: RegelFunktion) -> Regel:
    """Add (or replace) the rule of that name."""
    regel = Regel(name=name, pruefen=funktion)
    _REGELN[name] = regel
    return regel


def entfernen(name: str) -> None:
    _REGELN.pop(name, None)


def regeln() -> list[Regel]:
    return list(_REGELN.values())


def auswerten(anmeldung) -> list[Ergebnis]:
    """Every rule's verdict on the enrolment, in registration order."""
    ergebnisse = []
    for regel in regeln():
        erfuellt, erklaerung = regel.pruefen(anmeldung)
        ergebnisse.append(
            Ergebnis(regel=regel.name, erfuellt=bool(erfuellt), erklaerung=erklaerung)
        )
    return ergebnisse


def alle_erfuellt(anmeldung) -> bool:
    return all(ergebnis.erfuellt for ergebnis in auswerten(anmeldung))


def pflichtlektionen_erledigt(anmeldung) -> tuple[bool, str]:
    """All required lessons of the course are completed (progress of kurse)."""
    from kurse.selectors import kursfortschritt

    fortschritt = kursfortschritt(nutzer=anmeldung.nutzer, kurs=anmeldung.durchgang.kurs)
    if fortschritt.vollstaendig:
        return True, _("Alle {gesamt} Pflichtlektionen sind erledigt.").format(
            gesamt=fortschritt.pflicht_gesamt
        )
    return False, _("{erledigt} von {gesamt} Pflichtlektionen sind erledigt.").format(
        erledigt=fortschritt.pflicht_erledigt, gesamt=fortschritt.pflicht_gesamt
    )


def anwesenheit_erreicht(anmeldung) -> tuple[bool, str]:
    """Attended hours reach the course's attendance threshold (teilnehmende, sessions)."""
    from teilnehmende.selectors import anwesenheit_erfuellt

    return anwesenheit_erfuellt(anmeldung)


def praesentation_angenommen(anmeldung) -> tuple[bool, str]:
    """The latest version of the final presentation was accepted by a trainer."""
    from teilnehmende.selectors import praesentation_angenommen as angenommen

    return angenommen(anmeldung)


#: The programme's completion rules (BRIEF): lessons, attendance, accepted final presentation.
registrieren("pflichtlektionen", pflichtlektionen_erledigt)
registrieren("anwesenheit", anwesenheit_erreicht)
registrieren("praesentation", praesentation_angenommen)
