"""Personal data of the ESF exit record and the follow-up (kern/datenschutz.py registry).

The answers stay for the funders' figures, detached from the person with the enrolment
(teilnehmende runs after this, reihenfolge 40); the links and free text about the person go.
"""

from __future__ import annotations

from kern.datenschutz import registrieren

from .models import Austrittsdaten, Verbleib


def exportieren(nutzer) -> dict:
    austritte = [
        {
            "kurs": d.anmeldung.durchgang.kurs.title,
            "durchgang": d.anmeldung.durchgang.titel,
            "austrittstag": d.austrittstag,
            "art": d.get_art_display(),
            "erhebung": d.get_erhebung_display(),
            "erwerbsstatus": d.get_erwerbsstatus_display(),
            "in_bildung": d.get_in_bildung_display(),
            "qualifikation": d.qualifikation,
            "abbruchgrund": d.get_abbruchgrund_display(),
            "nicht_erhebbar_grund": d.nicht_erhebbar_grund,
        }
        for d in Austrittsdaten.objects.filter(anmeldung__nutzer=nutzer)
        .select_related("anmeldung__durchgang__kurs")
        .order_by("austrittstag", "pk")
    ]
    verbleibe = [
        {
            "kurs": v.anmeldung.durchgang.kurs.title,
            "durchgang": v.anmeldung.durchgang.titel,
            "austrittstag": v.austrittstag,
            "eingeladen_am": v.eingeladen_am,
            "erinnert_am": v.erinnert_am,
            "beantwortet_am": v.beantwortet_am,
            "erwerbsstatus": v.get_erwerbsstatus_display(),
            "mehr_verantwortung": v.mehr_verantwortung,
            "unbefristet": v.unbefristet,
            "mehr_stunden": v.mehr_stunden,
        }
        for v in Verbleib.objects.filter(anmeldung__nutzer=nutzer)
        .select_related("anmeldung__durchgang__kurs")
        .order_by("austrittstag", "pk")
    ]
    return {"austrittsdaten": austritte, "verbleib": verbleibe}


def anonymisieren(nutzer) -> None:
    from teilnehmende.models import Anmeldung

    from .services import esf_daten_anonymisieren

    for anmeldung in Anmeldung.objects.filter(nutzer=nutzer):
        esf_daten_anonymisieren(anmeldung=anmeldung)


registrieren(
    "esf",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    reihenfolge=35,
    modelle=["esf.Austrittsdaten", "esf.Verbleib", "esf.VerbleibLink"],
)
