"""Reads on enrolments, waiting lists and consents."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import PLATZ_STATUS, Anmeldung, Einwilligung


def _wartelisten_position():
    """Subquery: 1-based place of an enrolment on its cohort's waiting list."""
    vor_mir = (
        Anmeldung.objects.filter(
            durchgang=OuterRef("durchgang"), status=Anmeldung.Status.WARTELISTE
        )
        .filter(
            Q(angemeldet_am__lt=OuterRef("angemeldet_am"))
            | Q(angemeldet_am=OuterRef("angemeldet_am"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("durchgang")
        .annotate(anzahl=Count("pk"))
        .values("anzahl")
    )
    return Subquery(vor_mir)


def anmeldungen_fuer_nutzer(*, nutzer, mit_abgebrochenen: bool = False) -> QuerySet[Anmeldung]:
    """The user's enrolments with cohort and course; waiting ones carry `wartelisten_position`."""
    qs = Anmeldung.objects.filter(nutzer=nutzer)
    if not mit_abgebrochenen:
        qs = qs.exclude(status=Anmeldung.Status.ABGEBROCHEN)
    return (
        qs.select_related("durchgang", "durchgang__kurs", "abschlusspraesentation")
        .annotate(wartelisten_position=_wartelisten_position())
        .order_by("-durchgang__beginn", "pk")
    )


def anmeldung_fuer(*, nutzer, durchgang) -> Anmeldung | None:
    if not getattr(nutzer, "is_authenticated", False):
        return None
    return (
        anmeldungen_fuer_nutzer(nutzer=nutzer, mit_abgebrochenen=True)
        .filter(durchgang=durchgang)
        .first()
    )


def wartelisten_position(*, anmeldung: Anmeldung) -> int | None:
    if anmeldung.status != Anmeldung.Status.WARTELISTE:
        return None
    return (
        Anmeldung.objects.filter(pk=anmeldung.pk)
        .annotate(position=_wartelisten_position())
        .values_list("position", flat=True)
        .get()
    )


def belegte_plaetze(*, durchgang) -> int:
    return Anmeldung.objects.filter(durchgang=durchgang, status__in=PLATZ_STATUS).count()


def warteliste(*, durchgang) -> QuerySet[Anmeldung]:
    """Waiting enrolments in the order they will be promoted."""
    return (
        Anmeldung.objects.filter(durchgang=durchgang, status=Anmeldung.Status.WARTELISTE)
        .select_related("nutzer")
        .order_by("angemeldet_am", "pk")
    )


def anmeldungen_des_durchgangs(*, durchgang) -> QuerySet[Anmeldung]:
    """Every enrolment of a cohort with person and entry data (trainer lists, sign-in sheets)."""
    return (
        Anmeldung.objects.filter(durchgang=durchgang)
        .select_related("nutzer", "eintrittsdaten")
        .order_by("nutzer__last_name", "nutzer__first_name", "pk")
    )


def teilnehmende_des_durchgangs(*, durchgang) -> QuerySet[Anmeldung]:
    """Enrolments holding a seat (bestätigt, abgeschlossen), ordered by name."""
    return anmeldungen_des_durchgangs(durchgang=durchgang).filter(status__in=PLATZ_STATUS)


def mit_platzzahlen(durchgaenge: QuerySet) -> QuerySet:
    """Annotates cohorts with `belegt` and `wartend` (one query for any number of cohorts)."""
    return durchgaenge.annotate(
        belegt=Coalesce(Count("anmeldungen", filter=Q(anmeldungen__status__in=PLATZ_STATUS)), 0),
        wartend=Coalesce(
            Count("anmeldungen", filter=Q(anmeldungen__status=Anmeldung.Status.WARTELISTE)), 0
        ),
    )


def ist_teilnehmende_im_kurs(*, nutzer, kurs_pfad: str) -> bool:
    """Holds a seat in any cohort of the course at that tree path."""
    if not getattr(nutzer, "is_authenticated", False):
        return False
    # Cached on the user object for the request, like kern.rollen.rollen(): a lesson page asks
    # twice (may view, may complete).
    zugang = nutzer.__dict__.setdefault("_lernkette_kurszugang", {})
    if kurs_pfad not in zugang:
        zugang[kurs_pfad] = Anmeldung.objects.filter(
            nutzer=nutzer, status__in=PLATZ_STATUS, durchgang__kurs__path=kurs_pfad
        ).exists()
    return zugang[kurs_pfad]


def aktuelle_einwilligung(*, nutzer, zweck: str, textversion: str) -> Einwilligung | None:
    """The user's unrevoked consent for that purpose and text version, if any."""
    return Einwilligung.objects.filter(
        nutzer=nutzer, zweck=zweck, textversion=textversion, widerrufen_am__isnull=True
    ).first()


PRAESENTATION_FEHLT = _("Es wurde noch keine Abschlusspräsentation eingereicht.")
PRAESENTATION_ANGENOMMEN = _(
    "Die Abschlusspräsentation „{titel}“ (Version {nummer}) ist angenommen."
)
PRAESENTATION_NICHT_ANGENOMMEN = _(
    "Die Abschlusspräsentation ist noch nicht angenommen (Stand: {status})."
)


def praesentation_angenommen(anmeldung) -> tuple[bool, str]:
    """Whether the latest version of the enrolment's final presentation was accepted, with a
    German explanation (for the certificate's completion check)."""
    from .models import Abschlusspraesentation, Begutachtung, Version

    version = (
        Version.objects.filter(praesentation__anmeldung=anmeldung)
        .select_related("praesentation", "begutachtung")
        .order_by("-nummer")
        .first()
    )
    if version is None:
        return False, str(PRAESENTATION_FEHLT)
    begutachtung = version.begutachtung_oder_none
    if (
        version.praesentation.status == Abschlusspraesentation.Status.ANGENOMMEN
        and begutachtung is not None
        and begutachtung.entscheidung == Begutachtung.Entscheidung.ANGENOMMEN
    ):
        return True, str(PRAESENTATION_ANGENOMMEN).format(
            titel=version.titel, nummer=version.nummer
        )
    return False, str(PRAESENTATION_NICHT_ANGENOMMEN).format(
        status=version.praesentation.get_status_display()
    )
