"""DSGVO registry: every app declares here what personal data it holds about a user.

Each app calls `registrieren(...)` in its own `datenschutz.py` (found at start-up by
kern.apps.KernConfig.ready):

    registrieren(
        "teilnehmende",
        exporter=lambda nutzer: {...},          # JSON-serialisable data about this person
        anonymisierer=lambda nutzer: None,      # remove/anonymise it when the account is deleted
        dateien=lambda nutzer: [("praesentationen/v1.pdf", fieldfile), ...],  # optional
        reihenfolge=50,                         # lower runs first; kern's account data runs last
    )

Anonymisers run in one transaction, before the account row itself is deleted. They must keep
what funders' figures and certificate verification need (anonymised, without the person) and
remove everything else; the deletion test searches every text column for the old e-mail/name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Anonymisierer = Callable[[Any], None]
Dateien = Callable[[Any], Iterable[tuple[str, Any]]]


@dataclass(frozen=True)
class Registrierung:
    name: str
    exporter: Exporter
    anonymisierer: Anonymisierer
    dateien: Dateien | None = None
    reihenfolge: int = 50


_REGISTER: dict[str, Registrierung] = {}


def registrieren(
    name: str,
    *,
    exporter: Exporter,
    anonymisierer: Anonymisierer,
    dateien: Dateien | None = None,
    reihenfolge: int = 50,
) -> None:
    """Register (or replace, on a second import) the personal data of one app."""
    _REGISTER[name] = Registrierung(name, exporter, anonymisierer, dateien, reihenfolge)


def registrierungen() -> list[Registrierung]:
    return sorted(_REGISTER.values(), key=lambda r: (r.reihenfolge, r.name))


# --- kern's own data: the account itself (runs last) -------------------------------------------


def _konto_exportieren(nutzer) -> dict:
    from allauth.account.models import EmailAddress

    from . import rollen

    return {
        "email": nutzer.email,
        "vorname": nutzer.first_name,
        "nachname": nutzer.last_name,
        "titel": nutzer.titel,
        "registriert_am": nutzer.date_joined,
        "letzte_anmeldung": nutzer.last_login,
        "rollen": sorted(rollen.rollen(nutzer)),
        "email_adressen": [
            {"email": a.email, "bestaetigt": a.verified, "primaer": a.primary}
            for a in EmailAddress.objects.filter(user=nutzer)
        ],
    }


def _konto_anonymisieren(nutzer) -> None:
    """Traces of the account outside the row itself; the row is deleted by konto_loeschen."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from .services import datenexport_dateien_loeschen

    # The admin's history of this account names it (object_repr = e-mail).
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(nutzer), object_id=str(nutzer.pk)
    ).delete()
    datenexport_dateien_loeschen(nutzer=nutzer)


registrieren(
    "konto", exporter=_konto_exportieren, anonymisierer=_konto_anonymisieren, reihenfolge=1000
)
