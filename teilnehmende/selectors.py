"""Reads on enrolments, waiting lists, consents and attendance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kurse.models import Praesenztermin, stunden_text

from .models import (
    PLATZ_STATUS,
    STORNIERBAR_STATUS,
    Anmeldung,
    Anwesenheit,
    AnwesenheitAenderung,
    Einwilligung,
)

ANWESENHEIT_OHNE_TERMINE = _("Für diesen Durchgang sind keine Präsenztermine vorgesehen.")
ANWESENHEIT_ERKLAERUNG = _(
    "Anwesenheit {ist} von {gesamt} Stunden ({anteil} %) an {anwesend} von {termine} Terminen, "
    "nötig sind {schwelle} %."
)


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


def laufende_anmeldungen(*, nutzer) -> QuerySet[Anmeldung]:
    """Enrolments that still hold or wait for a seat (cancellable), oldest cohort first."""
    return (
        Anmeldung.objects.filter(nutzer=nutzer, status__in=STORNIERBAR_STATUS)
        .select_related("durchgang__kurs")
        .order_by("durchgang__beginn", "pk")
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


def hat_platz_im_durchgang(*, nutzer, durchgang) -> bool:
    if not getattr(nutzer, "is_authenticated", False):
        return False
    return Anmeldung.objects.filter(
        nutzer=nutzer, durchgang=durchgang, status__in=PLATZ_STATUS
    ).exists()


def aktuelle_einwilligung(*, nutzer, zweck: str, textversion: str) -> Einwilligung | None:
    """The user's unrevoked consent for that purpose and text version, if any."""
    return Einwilligung.objects.filter(
        nutzer=nutzer, zweck=zweck, textversion=textversion, widerrufen_am__isnull=True
    ).first()


# --- attendance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TerminAnwesenheit:
    termin: Praesenztermin
    anwesenheit: Anwesenheit | None  # None: not recorded (yet)


@dataclass(frozen=True)
class AnwesenheitStand:
    """An enrolment's attendance over all sessions of its cohort.

    The share counts attended hours against the hours of every session of the cohort; excused
    absences count as not attended but are reported separately.
    """

    schwelle: int  # percent of the session hours needed for completion (KursSeite)
    termine: tuple[TerminAnwesenheit, ...]

    def _mit_status(self, status: str) -> list[Anwesenheit]:
        return [
            t.anwesenheit
            for t in self.termine
            if t.anwesenheit is not None and t.anwesenheit.status == status
        ]

    @property
    def stunden_gesamt(self) -> Decimal:
        return sum((t.termin.stunden for t in self.termine), Decimal("0"))

    @property
    def stunden_anwesend(self) -> Decimal:
        return sum((a.stunden for a in self._mit_status(Anwesenheit.Status.ANWESEND)), Decimal("0"))

    @property
    def anzahl_anwesend(self) -> int:
        return len(self._mit_status(Anwesenheit.Status.ANWESEND))

    @property
    def anzahl_entschuldigt(self) -> int:
        return len(self._mit_status(Anwesenheit.Status.ENTSCHULDIGT))

    @property
    def stunden_entschuldigt(self) -> Decimal:
        """Session hours missed with an excuse."""
        return sum(
            (
                t.termin.stunden
                for t in self.termine
                if t.anwesenheit and t.anwesenheit.status == Anwesenheit.Status.ENTSCHULDIGT
            ),
            Decimal("0"),
        )

    @property
    def anzahl_unentschuldigt(self) -> int:
        return len(self._mit_status(Anwesenheit.Status.UNENTSCHULDIGT))

    @property
    def anzahl_offen(self) -> int:
        """Sessions without an entry (future ones, or not recorded yet)."""
        return sum(1 for t in self.termine if t.anwesenheit is None)

    @property
    def anteil(self) -> int:
        """Attended share of the session hours in percent, rounded down."""
        gesamt = self.stunden_gesamt
        if not gesamt:
            return 100
        return int(self.stunden_anwesend * 100 // gesamt)

    @property
    def erfuellt(self) -> bool:
        # Exact comparison: 79.99 % is not 80 %.
        return self.stunden_anwesend * 100 >= self.schwelle * self.stunden_gesamt

    @property
    def erklaerung(self) -> str:
        if not self.termine:
            return str(ANWESENHEIT_OHNE_TERMINE)
        text = str(ANWESENHEIT_ERKLAERUNG).format(
            ist=stunden_text(self.stunden_anwesend),
            gesamt=stunden_text(self.stunden_gesamt),
            anteil=self.anteil,
            anwesend=self.anzahl_anwesend,
            termine=len(self.termine),
            schwelle=self.schwelle,
        )
        if self.anzahl_entschuldigt:
            text += " " + ngettext(
                "%(anzahl)d Termin entschuldigt versäumt (%(stunden)s Stunden, zählen nicht "
                "als Anwesenheit).",
                "%(anzahl)d Termine entschuldigt versäumt (%(stunden)s Stunden, zählen nicht "
                "als Anwesenheit).",
                self.anzahl_entschuldigt,
            ) % {
                "anzahl": self.anzahl_entschuldigt,
                "stunden": stunden_text(self.stunden_entschuldigt),
            }
        return text


def anwesenheit_staende(*, anmeldungen: Iterable[Anmeldung]) -> dict[int, AnwesenheitStand]:
    """Attendance of each enrolment, keyed by its id: two queries for any number of enrolments.

    The enrolments need `durchgang__kurs` loaded (the threshold lives on the course page).
    """
    anmeldungen = list(anmeldungen)
    if not anmeldungen:
        return {}
    termine_je_durchgang: dict[int, list[Praesenztermin]] = defaultdict(list)
    for termin in Praesenztermin.objects.filter(
        durchgang__in={a.durchgang_id for a in anmeldungen}
    ).order_by("datum", "beginn", "pk"):
        termine_je_durchgang[termin.durchgang_id].append(termin)
    erfasst = {
        (a.anmeldung_id, a.termin_id): a
        for a in Anwesenheit.objects.filter(anmeldung__in=[a.pk for a in anmeldungen])
    }
    return {
        a.pk: AnwesenheitStand(
            schwelle=a.durchgang.kurs.anwesenheit_schwelle,
            termine=tuple(
                TerminAnwesenheit(termin, erfasst.get((a.pk, termin.pk)))
                for termin in termine_je_durchgang[a.durchgang_id]
            ),
        )
        for a in anmeldungen
    }


def anwesenheit_stand(*, anmeldung: Anmeldung) -> AnwesenheitStand:
    """Attended hours and share of one enrolment (certificates, the participant's page)."""
    return anwesenheit_staende(anmeldungen=[anmeldung])[anmeldung.pk]


def anwesenheit_erfuellt(anmeldung: Anmeldung) -> tuple[bool, str]:
    """Whether the attendance threshold of the course holds, with a German explanation, e.g.
    "Anwesenheit 45 von 60 Stunden (75 %) an 6 von 8 Terminen, nötig sind 80 %."."""
    stand = anwesenheit_stand(anmeldung=anmeldung)
    return stand.erfuellt, stand.erklaerung


def anwesenheiten_des_termins(*, termin: Praesenztermin) -> dict[int, Anwesenheit]:
    """Enrolment id → its attendance record at this session (one query)."""
    return {a.anmeldung_id: a for a in termin.anwesenheiten.select_related("erfasst_von")}


def aenderungen_des_termins(*, termin: Praesenztermin) -> QuerySet[AnwesenheitAenderung]:
    """Change history of a session's attendance, newest first (one query)."""
    return AnwesenheitAenderung.objects.filter(anwesenheit__termin=termin).select_related(
        "anwesenheit__anmeldung__nutzer", "geaendert_von"
    )


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


# --- consents (self-service below /konto/daten/einwilligungen/) -------------------------------


def einwilligungen_von(*, nutzer) -> QuerySet[Einwilligung]:
    """The user's consents to data processing, newest first, withdrawn ones included."""
    return Einwilligung.objects.filter(nutzer=nutzer).order_by("-erteilt_am", "-pk")


def praxisbeispiel_einwilligungen_von(*, nutzer):
    """Versions of the user's final presentations whose consent to publication as a
    good-practice example was given (or given and withdrawn), with course and cohort."""
    from .models import Version

    return (
        Version.objects.filter(praesentation__anmeldung__nutzer=nutzer)
        .filter(Q(einwilligung_praxisbeispiel=True) | Q(einwilligung_geaendert_am__isnull=False))
        .select_related("praesentation__anmeldung__durchgang__kurs")
        .order_by("-eingereicht_am", "-pk")
    )


ANWESENHEIT_UNERREICHBAR = _(
    "Dieser Durchgang hat bereits begonnen: Von {gesamt} Präsenzstunden finden nur noch {rest} "
    "Stunden statt ({anteil} %). Für das Zertifikat sind mindestens {schwelle} % Anwesenheit "
    "nötig, die Sie nicht mehr erreichen können. Bitte melden Sie sich zu einem späteren "
    "Durchgang an."
)


def anwesenheit_erreichbar(*, durchgang, jetzt=None) -> tuple[bool, str]:
    """Whether someone enrolling now can still reach the course's attendance threshold with the
    sessions not yet over; with the German reason when not (one query)."""
    from django.utils import timezone

    jetzt = jetzt or timezone.now()
    termine = list(Praesenztermin.objects.filter(durchgang=durchgang))
    gesamt = sum((t.stunden for t in termine), Decimal(0))
    if not gesamt:
        return True, ""
    rest = sum((t.stunden for t in termine if t.ende_zeitpunkt > jetzt), Decimal(0))
    schwelle = durchgang.kurs.anwesenheit_schwelle
    if rest * 100 >= schwelle * gesamt:
        return True, ""
    return False, str(ANWESENHEIT_UNERREICHBAR).format(
        gesamt=stunden_text(gesamt),
        rest=stunden_text(rest),
        anteil=int(rest * 100 // gesamt),
        schwelle=schwelle,
    )
