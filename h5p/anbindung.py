"""The small API through which a content app embeds H5P activities in its pages.

The h5p app imports none of our other apps. The app whose pages carry the "H5P-Aktivität"
block registers one function (``registrieren``) that answers, for a user, a page id and a
package id: is the activity on that page, with which completion rule, may the user load it,
and what happens when the rule is met. Without a registration every activity is unknown (404).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Einbettung", "Regel", "einbettung_finden", "registrieren"]


class Regel:
    """Completion rules of the block (values stored in the StreamField)."""

    ABGESCHLOSSEN = "abgeschlossen"  # completed or answered
    BESTANDEN = "bestanden"  # result.success
    PUNKTE = "punkte"  # result.score.scaled ≥ threshold


@dataclass(frozen=True)
class Einbettung:
    """One package embedded in one page, as seen by one user."""

    seite_id: int
    paket_id: int
    regel: str
    # Threshold in percent for Regel.PUNKTE; ignored by the other rules.
    schwelle: int | None
    darf_ansehen: bool
    # Called once, inside the transaction that first meets the rule; None: nothing completes
    # for this user (e.g. trainers and editors, who may look but have no progress).
    bei_erfuellung: Callable[[], object] | None = None


class Aufloeser(Protocol):
    def __call__(self, *, nutzer, seite_id: int, paket_id: int) -> Einbettung | None: ...


_aufloeser: Aufloeser | None = None


def registrieren(aufloeser: Aufloeser) -> None:
    """Called by the embedding app in ``AppConfig.ready``; the last registration counts."""
    global _aufloeser  # noqa: PLW0603 - one process-wide hook, set at start-up
    _aufloeser = aufloeser


def einbettung_finden(*, nutzer, seite_id: int, paket_id: int) -> Einbettung | None:
    if _aufloeser is None:
        return None
    return _aufloeser(nutzer=nutzer, seite_id=seite_id, paket_id=paket_id)
