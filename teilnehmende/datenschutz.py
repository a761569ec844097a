"""Personal data of enrolments, ESF entry data and consents (kern/datenschutz.py registry)."""

from __future__ import annotations

from kern.datenschutz import registrieren

from .models import EINTRITTSDATEN_FELDER, STORNIERBAR_STATUS, Anmeldung, Einwilligung


def exportieren(nutzer) -> dict:
    anmeldungen = []
    for anmeldung in (
        Anmeldung.objects.filter(nutzer=nutzer)
        .select_related("durchgang", "durchgang__kurs", "eintrittsdaten__kreis")
        .order_by("angemeldet_am", "pk")
    ):
        eintrag = {
            "kurs": anmeldung.durchgang.kurs.title,
            "durchgang": anmeldung.durchgang.titel,
            "status": anmeldung.get_status_display(),
            "angemeldet_am": anmeldung.angemeldet_am,
            "status_geaendert_am": anmeldung.status_geaendert_am,
        }
        daten = getattr(anmeldung, "eintrittsdaten", None)
        if daten is not None:
            eintrag["eintrittsdaten"] = {
                feld: str(getattr(daten, feld)) if feld == "kreis" else getattr(daten, feld)
                for feld in EINTRITTSDATEN_FELDER
            } | {"stichtag": daten.stichtag}
        anmeldungen.append(eintrag)
    einwilligungen = [
        {
            "zweck": e.get_zweck_display(),
            "textversion": e.textversion,
            "erteilt_am": e.erteilt_am,
            "widerrufen_am": e.widerrufen_am,
        }
        for e in Einwilligung.objects.filter(nutzer=nutzer).order_by("erteilt_am", "pk")
    ]
    return {"anmeldungen": anmeldungen, "einwilligungen": einwilligungen}


def anonymisieren(nutzer) -> None:
    """Active enrolments end as drop-outs (the seat goes to the waiting list); then every
    enrolment is detached and its ESF data anonymised; consents are removed."""
    from .anonymisierung import anmeldung_anonymisieren
    from .services import anmeldung_stornieren

    for anmeldung in Anmeldung.objects.filter(nutzer=nutzer, status__in=STORNIERBAR_STATUS):
        anmeldung_stornieren(anmeldung=anmeldung, benachrichtigen=True)
    for anmeldung in Anmeldung.objects.filter(nutzer=nutzer):
        anmeldung_anonymisieren(anmeldung=anmeldung)
    Einwilligung.objects.filter(nutzer=nutzer).delete()


registrieren("teilnehmende", exporter=exportieren, anonymisierer=anonymisieren, reihenfolge=40)
