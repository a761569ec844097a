"""Open Badges in the DSGVO registry: the stored credentials are exported; on account deletion
credential and salt are deleted (pseudonymous: hash of the e-mail address). The row with its
status-list index stays: the copy in the holder's wallet contains no name and keeps verifying."""

from __future__ import annotations

from kern.datenschutz import registrieren

from .models import OpenBadge


def _badges(nutzer):
    return OpenBadge.objects.filter(zertifikat__anmeldung__nutzer=nutzer).select_related(
        "zertifikat"
    )


def exportieren(nutzer) -> list[dict]:
    return [
        {"zertifikat": b.zertifikat.nummer, "erstellt_am": b.erstellt_am, "nachweis": b.credential}
        for b in _badges(nutzer).order_by("erstellt_am", "pk")
    ]


def anonymisieren(nutzer) -> None:
    _badges(nutzer).update(credential=None, salz="")


# Before "zertifikate" (30) and "teilnehmende" (40), which detach the enrolment from the person.
registrieren(
    "openbadges",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    reihenfolge=25,
    modelle=["openbadges.OpenBadge"],
)
