"""Reads on certificates: the current one of an enrolment, lookups by number, lists."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kurse.models import Durchgang
from teilnehmende.models import PLATZ_STATUS, Anmeldung

from .models import Stapelauftrag, Zertifikat

#: States of the one certificate an enrolment may hold (a replaced one no longer counts).
AKTUELLE_STATUS = (Zertifikat.Status.GUELTIG, Zertifikat.Status.WIDERRUFEN)


def aktuelles_zertifikat(*, anmeldung) -> Zertifikat | None:
    return Zertifikat.objects.filter(anmeldung=anmeldung, status__in=AKTUELLE_STATUS).first()


def zertifikate_mit_altem_namen(*, nutzer) -> list[Zertifikat]:
    """The person's valid certificates whose printed name differs from the current one (revoked
    or replaced ones are not re-issued by their holder)."""
    from kern.namen import anzeigename

    name = anzeigename(nutzer)
    return [
        z
        for z in Zertifikat.objects.filter(
            anmeldung__nutzer=nutzer, status=Zertifikat.Status.GUELTIG
        ).select_related("anmeldung__durchgang__kurs")
        if z.inhaber_name != name
    ]


def zertifikat_mit_nummer(*, nummer: str) -> Zertifikat | None:
    """For the public verification; `nummer` in canonical spelling (nummern.normalisieren)."""
    return Zertifikat.objects.select_related("ersetzt_durch").filter(nummer=nummer).first()


def anmeldungen_ohne_zertifikat(*, durchgang: Durchgang | None = None) -> QuerySet[Anmeldung]:
    """Enrolments holding a seat that have no (current) certificate yet."""
    qs = Anmeldung.objects.filter(status__in=PLATZ_STATUS).exclude(
        zertifikate__status__in=AKTUELLE_STATUS
    )
    if durchgang is not None:
        qs = qs.filter(durchgang=durchgang)
    return qs.select_related("nutzer", "durchgang", "durchgang__kurs").order_by("pk")


def aktuelle_zertifikate_fuer_nutzer(*, nutzer) -> dict[int, Zertifikat]:
    """Enrolment id → its current certificate, for the learner dashboard (one query)."""
    if not getattr(nutzer, "is_authenticated", False):
        return {}
    return {
        zertifikat.anmeldung_id: zertifikat
        for zertifikat in Zertifikat.objects.filter(
            anmeldung__nutzer=nutzer, status__in=AKTUELLE_STATUS
        )
    }


def zertifikate_des_durchgangs(*, durchgang: Durchgang) -> QuerySet[Zertifikat]:
    """Every certificate of a cohort (also revoked and replaced ones), by holder."""
    return (
        Zertifikat.objects.filter(anmeldung__durchgang=durchgang)
        .select_related("anmeldung", "anmeldung__nutzer", "ersetzt_durch")
        .order_by("inhaber_name", "ausgestellt_am", "pk")
    )


def gueltige_zertifikate_des_durchgangs(*, durchgang: Durchgang) -> QuerySet[Zertifikat]:
    return zertifikate_des_durchgangs(durchgang=durchgang).filter(status=Zertifikat.Status.GUELTIG)


def letzter_auftrag(*, durchgang: Durchgang) -> Stapelauftrag | None:
    return Stapelauftrag.objects.filter(durchgang=durchgang).first()


def durchgaenge_mit_zertifikaten() -> QuerySet[Durchgang]:
    """Every cohort with the number of its valid and revoked certificates (one query)."""
    return (
        Durchgang.objects.select_related("kurs")
        .annotate(
            gueltig=Count(
                "anmeldungen__zertifikate", filter=Q(anmeldungen__zertifikate__status="gueltig")
            ),
            widerrufen=Count(
                "anmeldungen__zertifikate", filter=Q(anmeldungen__zertifikate__status="widerrufen")
            ),
        )
        .order_by("-beginn", "titel")
    )


def zertifikate_anhaengen(eintraege, *, nutzer) -> None:
    """Sets `aktuelles_zertifikat` on each dashboard entry's enrolment. Only enrolments that
    are `abgeschlossen` can hold one, so the query runs only when there is such an enrolment."""
    anmeldungen = [eintrag.anmeldung for eintrag in eintraege]
    zertifikate = {}
    if any(a.status == Anmeldung.Status.ABGESCHLOSSEN for a in anmeldungen):
        zertifikate = aktuelle_zertifikate_fuer_nutzer(nutzer=nutzer)
    for anmeldung in anmeldungen:
        anmeldung.aktuelles_zertifikat = zertifikate.get(anmeldung.pk)
