"""The audit log of sensitive actions: `protokollieren(...)` is the one way to write it.

Other apps call it from their services, e.g.
    protokollieren(aktion="anwesenheit_geaendert", akteur=trainerin, betroffen=teilnehmerin,
                   objekt=anwesenheit, details={"vorher": "anwesend", "nachher": "entschuldigt"})
A new kind of action is one line in AKTIONEN (no migration). Details hold ids and codes only —
no names, no e-mail addresses — so that deleting an account leaves nothing personal here.
"""

from __future__ import annotations

import contextvars
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Protokolleintrag

AKTIONEN: dict[str, Any] = {
    "rolle_geaendert": _("Rolle geändert"),
    "name_geaendert": _("Name im Profil geändert"),
    "datenexport": _("Export personenbezogener Daten"),
    "konto_geloescht": _("Konto gelöscht (anonymisiert)"),
    "aufbewahrung_anonymisiert": _("ESF-Daten nach Ablauf der Aufbewahrungsfrist anonymisiert"),
    "anwesenheit_geaendert": _("Anwesenheit geändert"),
    "begutachtung_entschieden": _("Begutachtung entschieden"),
    "zertifikat_widerrufen": _("Zertifikat widerrufen"),
    "zertifikat_neu_ausgestellt": _("Zertifikat ersetzt (neu ausgestellt)"),
    "einwilligung_erteilt": _("Einwilligung erteilt"),
    "aufgabe_erneut_eingestellt": _("Fehlgeschlagene Hintergrundaufgabe erneut eingestellt"),
    "einwilligung_widerrufen": _("Einwilligung widerrufen"),
    "openbadges_schluessel_neu": _("Open-Badges-Schlüssel erzeugt (Rotation)"),
    "openbadges_schluessel_zurueckgezogen": _("Open-Badges-Schlüssel zurückgezogen"),
    "einwilligung_praxisbeispiel": _(
        "Einwilligung zur Veröffentlichung als Praxisbeispiel geändert"
    ),
    "austritt_nicht_erhebbar": _("ESF-Austrittsdaten als nicht erhebbar vermerkt"),
}

UNBEKANNTE_AKTION = (
    "Unbekannte Aktion für das Protokoll: {aktion!r} (siehe kern.protokoll.AKTIONEN)"
)

#: The current request (set by ProtokollMiddleware): signal handlers learn who acted from it.
_anfrage: contextvars.ContextVar = contextvars.ContextVar("lernkette_anfrage", default=None)


def protokollieren(
    *,
    aktion: str,
    akteur=None,
    betroffen=None,
    objekt: models.Model | None = None,
    details: dict | None = None,
) -> Protokolleintrag:
    """Append one entry. `akteur` defaults to the logged-in user of the current request."""
    if aktion not in AKTIONEN:
        raise ValueError(UNBEKANNTE_AKTION.format(aktion=aktion))
    if akteur is None:
        akteur = aktueller_akteur()
    eintrag = Protokolleintrag(
        aktion=aktion,
        akteur=akteur if getattr(akteur, "pk", None) else None,
        betroffen=betroffen if getattr(betroffen, "pk", None) else None,
        objekt_typ=objekt._meta.label if objekt is not None else "",
        objekt_id=str(objekt.pk) if objekt is not None else "",
        details=details or {},
    )
    eintrag.full_clean()
    eintrag.save()
    return eintrag


def aktueller_akteur():
    anfrage = _anfrage.get()
    user = getattr(anfrage, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


class ProtokollMiddleware:
    """Remembers the request so that signal handlers know who acted (the user is looked up
    only when something is logged)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _anfrage.set(request)
        try:
            return self.get_response(request)
        finally:
            _anfrage.reset(token)
