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
    """Consents are withdrawn as on the consent page (same service, audit-logged); active
    enrolments end as drop-outs (the seat goes to the waiting list); then every enrolment is
    detached and its ESF data anonymised; the consent records are removed."""
    from .anonymisierung import anmeldung_anonymisieren
    from .einwilligung import einwilligung_widerrufen
    from .services import anmeldung_stornieren

    for eintrag in Einwilligung.objects.filter(nutzer=nutzer, widerrufen_am__isnull=True):
        einwilligung_widerrufen(einwilligung=eintrag, nutzer=nutzer)

    for anmeldung in Anmeldung.objects.filter(nutzer=nutzer, status__in=STORNIERBAR_STATUS):
        anmeldung_stornieren(anmeldung=anmeldung, benachrichtigen=True)
    for anmeldung in Anmeldung.objects.filter(nutzer=nutzer):
        anmeldung_anonymisieren(anmeldung=anmeldung)
    Einwilligung.objects.filter(nutzer=nutzer).delete()


registrieren(
    "teilnehmende",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    reihenfolge=40,
    modelle=["teilnehmende.Anmeldung", "teilnehmende.Eintrittsdaten", "teilnehmende.Einwilligung"],
)


# --- Final presentations and attendance ------------------------------------------------------


def praesentationen_exportieren(nutzer) -> dict:
    from .models import Anwesenheit, Version

    versionen = [
        {
            "kurs": v.praesentation.anmeldung.durchgang.kurs.title,
            "version": v.nummer,
            "titel": v.titel,
            "kurzfassung": v.kurzfassung,
            "link": v.link,
            "dateiname": v.dateiname,
            "eingereicht_am": v.eingereicht_am,
            "einwilligung_praxisbeispiel": v.einwilligung_praxisbeispiel,
            "begutachtung": (
                {
                    "entscheidung": v.begutachtung.get_entscheidung_display(),
                    "rueckmeldung": v.begutachtung.kommentar,
                    "punkte": v.begutachtung.punkte,
                    "erreichbar": v.begutachtung.max_punkte,
                }
                if hasattr(v, "begutachtung")
                else None
            ),
        }
        for v in Version.objects.filter(praesentation__anmeldung__nutzer=nutzer)
        .select_related("praesentation__anmeldung__durchgang__kurs", "begutachtung")
        .order_by("praesentation", "nummer")
    ]
    anwesenheiten = [
        {
            "termin": str(a.termin),
            "datum": a.termin.datum,
            "status": a.get_status_display(),
            "stunden": str(a.stunden),
            "aenderungen": [
                {
                    "vorher": a_.status_vorher,
                    "nachher": a_.status,
                    "stunden": str(a_.stunden),
                    "geaendert_am": a_.geaendert_am,
                }
                for a_ in a.aenderungen.all()
            ],
        }
        for a in Anwesenheit.objects.filter(anmeldung__nutzer=nutzer)
        .select_related("termin")
        .prefetch_related("aenderungen")
        .order_by("termin__datum", "pk")
    ]
    return {"abschlusspraesentationen": versionen, "anwesenheiten": anwesenheiten}


def praesentationsdateien(nutzer):
    from .models import Version

    for v in Version.objects.filter(praesentation__anmeldung__nutzer=nutzer).order_by("pk"):
        if v.datei:
            yield f"praesentationen/v{v.nummer}-{v.dateiname}", v.datei


def praesentationen_anonymisieren(nutzer) -> None:
    """The person's own work goes (files, titles, abstracts, links, trainers' feedback about it);
    states, points and dates stay for the figures. Attendance stays as ESF proof: it hangs on
    the enrolment, which `anonymisieren` detaches from the person afterwards."""
    from .models import Begutachtung, Version
    from .services_praesentation import praxisbeispiele_bei_kontoloeschung

    # First, while the consent flags still say which pages came from this person.
    praxisbeispiele_bei_kontoloeschung(nutzer=nutzer)
    versionen = Version.objects.filter(praesentation__anmeldung__nutzer=nutzer)
    for version in versionen:
        if version.datei:
            version.datei.delete(save=False)
    versionen.update(
        titel="–",
        kurzfassung="",
        link="",
        dateiname="",
        datei="",
        einwilligung_praxisbeispiel=False,
    )
    Begutachtung.objects.filter(version__praesentation__anmeldung__nutzer=nutzer).update(
        kommentar=""
    )


# Before "teilnehmende" (40): these find their rows through the not yet detached enrolment.
registrieren(
    "praesentationen",
    exporter=praesentationen_exportieren,
    anonymisierer=praesentationen_anonymisieren,
    dateien=praesentationsdateien,
    reihenfolge=30,
    modelle=[
        "teilnehmende.Abschlusspraesentation",
        "teilnehmende.Version",
        "teilnehmende.Begutachtung",
        "teilnehmende.Punktwert",
        "teilnehmende.Anwesenheit",
        "teilnehmende.AnwesenheitAenderung",
    ],
)
