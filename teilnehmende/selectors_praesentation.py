"""Reads on final presentations: a presentation with its whole history, the trainers' queue."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from kern.rollen import ADMINISTRATION, hat_rolle

from .models import Abschlusspraesentation, Anmeldung, Bewertungsraster, Version

Status = Abschlusspraesentation.Status
#: What the queue shows unless a state is chosen: the presentations waiting for a trainer.
OFFEN = (Status.EINGEREICHT, Status.IN_BEGUTACHTUNG)


def _versionen_mit_begutachtung() -> Prefetch:
    return Prefetch(
        "versionen",
        queryset=Version.objects.select_related("begutachtung__gutachter")
        .prefetch_related("begutachtung__punktwerte")
        .order_by("-nummer"),
    )


def praesentationen_mit_verlauf() -> QuerySet[Abschlusspraesentation]:
    """Presentations with person, cohort, course and every version with its review (4 queries)."""
    return Abschlusspraesentation.objects.select_related(
        "anmeldung__nutzer", "anmeldung__durchgang__kurs"
    ).prefetch_related(_versionen_mit_begutachtung())


def praesentation_der_anmeldung(*, anmeldung: Anmeldung) -> Abschlusspraesentation | None:
    return praesentationen_mit_verlauf().filter(anmeldung=anmeldung).first()


def bewertungsraster_fuer(*, kurs_id: int) -> Bewertungsraster | None:
    return Bewertungsraster.objects.filter(kurs_id=kurs_id).prefetch_related("kriterien").first()


def begutachtungsliste(
    *, nutzer, durchgang_id: int | None = None, status: str | None = None
) -> QuerySet[Abschlusspraesentation]:
    """The trainer's queue: presentations of the cohorts they train (administrators: all),
    oldest submission first.

    `status` None means the open ones (eingereicht, in Begutachtung); "alle" means every state.
    Each row carries `aktuelle_nummer` and `aktueller_titel` of the latest version.
    """
    letzte = Version.objects.filter(praesentation=OuterRef("pk")).order_by("-nummer")
    qs = Abschlusspraesentation.objects.all()
    if not hat_rolle(nutzer, ADMINISTRATION):  # administrators see every cohort, as in /trainer/
        qs = qs.filter(anmeldung__durchgang__trainer=nutzer)
    if durchgang_id is not None:
        qs = qs.filter(anmeldung__durchgang_id=durchgang_id)
    if status is None:
        qs = qs.filter(status__in=OFFEN)
    elif status != "alle":
        qs = qs.filter(status=status)
    return (
        qs.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .annotate(
            aktuelle_nummer=Subquery(letzte.values("nummer")[:1]),
            aktueller_titel=Subquery(letzte.values("titel")[:1]),
        )
        .order_by("eingereicht_am", "pk")
    )
