"""Certificates in the DSGVO registry (kern/datenschutz.py): exported with their PDFs; on
account deletion a certificate stays verifiable but shows the holder's initials only."""

from __future__ import annotations

from kern.datenschutz import registrieren

from .models import Zertifikat


def _zertifikate(nutzer):
    return Zertifikat.objects.filter(anmeldung__nutzer=nutzer).order_by("ausgestellt_am", "pk")


def exportieren(nutzer) -> list[dict]:
    return [
        {
            "nummer": z.nummer,
            "kurs": z.kurs_titel,
            "inhaber": z.inhaber_name,
            "ausgestellt_am": z.ausgestellt_am,
            "status": z.get_status_display(),
        }
        for z in _zertifikate(nutzer)
    ]


def dateien(nutzer):
    for z in _zertifikate(nutzer):
        if z.pdf:
            yield f"zertifikate/{z.nummer}.pdf", z.pdf


def initialen(name: str) -> str:
    """ "Amelie Absolventin" → "A. A."; an e-mail address counts by its local part."""
    teile = name.split("@")[0].replace(".", " ").replace("-", " ").split()
    return " ".join(f"{teil[0].upper()}." for teil in teile if teil) or "–"


def anonymisieren(nutzer) -> None:
    """Initials instead of the name; the PDF (which carries the full name) is deleted and,
    when downloaded again, rendered anew with the initials."""
    for z in _zertifikate(nutzer):
        if z.pdf:
            z.pdf.delete(save=False)
        z.inhaber_name = initialen(z.inhaber_name)
        z.save(update_fields=["inhaber_name", "pdf"])


# Before "teilnehmende" (40), which detaches the enrolments from the person.
registrieren(
    "zertifikate",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    dateien=dateien,
    reihenfolge=30,
    modelle=["zertifikate.Zertifikat"],
)
