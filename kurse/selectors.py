"""Reads on courses: structure and progress with a fixed number of queries, page contexts,
the learner dashboard and the trainer's cohort overview.

Progress = completed required lessons / required lessons, per module and per course; only live
modules and lessons count, in page-tree order.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kern.rollen import ADMINISTRATION, hat_rolle
from teilnehmende.models import PLATZ_STATUS, Anmeldung
from teilnehmende.selectors import (
    AnwesenheitStand,
    anmeldungen_des_durchgangs,
    anmeldungen_fuer_nutzer,
    anwesenheit_staende,
    mit_platzzahlen,
)

from .models import (
    Durchgang,
    KursSeite,
    LektionErledigt,
    LektionSeite,
    ModulSeite,
    Praesenztermin,
)


def _prozent(erledigt: int, gesamt: int) -> int:
    # Rounded down, so 100 % shows only when everything is done; nothing required = complete.
    return 100 if gesamt == 0 else erledigt * 100 // gesamt


@dataclass(frozen=True)
class LektionZeile:
    """A lesson as a plain row: building 200 page objects would cost more than the whole page."""

    pk: int
    path: str
    title: str
    pflicht: bool
    minuten: int


#: What a structure holds for a lesson: a row, or the page where templates link to it.
Lektion = LektionZeile | LektionSeite


@dataclass(frozen=True)
class LektionStand:
    lektion: Lektion
    erledigt_am: datetime.datetime | None

    @property
    def erledigt(self) -> bool:
        return self.erledigt_am is not None


class _Pflichtanteil:
    """Percent and completeness from `pflicht_erledigt` / `pflicht_gesamt`."""

    pflicht_gesamt: int
    pflicht_erledigt: int

    @property
    def prozent(self) -> int:
        return _prozent(self.pflicht_erledigt, self.pflicht_gesamt)

    @property
    def vollstaendig(self) -> bool:
        """All required lessons completed (for a course: one condition of the certificate)."""
        return self.pflicht_erledigt == self.pflicht_gesamt


@dataclass(frozen=True)
class ModulFortschritt(_Pflichtanteil):
    modul: ModulSeite
    nummer: int | None  # None for a module not (yet) live, e.g. in the editor's preview
    lektionen: tuple[LektionStand, ...]

    @property
    def pflicht_gesamt(self) -> int:
        return sum(1 for stand in self.lektionen if stand.lektion.pflicht)

    @property
    def pflicht_erledigt(self) -> int:
        return sum(1 for stand in self.lektionen if stand.lektion.pflicht and stand.erledigt)


@dataclass(frozen=True)
class KursFortschritt(_Pflichtanteil):
    kurs: KursSeite
    module: tuple[ModulFortschritt, ...]

    @property
    def staende(self) -> list[LektionStand]:
        return [stand for modul in self.module for stand in modul.lektionen]

    @property
    def pflicht_gesamt(self) -> int:
        return sum(modul.pflicht_gesamt for modul in self.module)

    @property
    def pflicht_erledigt(self) -> int:
        return sum(modul.pflicht_erledigt for modul in self.module)

    @property
    def naechste_lektion(self) -> Lektion | None:
        """The first open required lesson; when all are done, the first open optional one."""
        offen = [stand.lektion for stand in self.staende if not stand.erledigt]
        return next((lektion for lektion in offen if lektion.pflicht), None) or next(
            iter(offen), None
        )


@dataclass(frozen=True)
class Kursstruktur:
    """Live modules (pages) with their live lessons (rows or pages), in tree order."""

    kurs: KursSeite
    module: tuple[tuple[ModulSeite, tuple[Lektion, ...]], ...]

    @property
    def lektionen(self) -> list[Lektion]:
        return [lektion for _modul, lektionen in self.module for lektion in lektionen]

    def fortschritt(self, erledigt: Mapping[int, datetime.datetime]) -> KursFortschritt:
        return KursFortschritt(
            kurs=self.kurs,
            module=tuple(
                ModulFortschritt(
                    modul=modul,
                    nummer=nummer,
                    lektionen=tuple(
                        LektionStand(lektion, erledigt.get(lektion.pk)) for lektion in lektionen
                    ),
                )
                for nummer, (modul, lektionen) in enumerate(self.module, start=1)
            ),
        )


def kursstrukturen(
    *, kurse: Iterable[KursSeite], mit_seiten: bool = False
) -> dict[int, Kursstruktur]:
    """Structure of each course, keyed by course id: two queries for any number of courses.

    Lessons come as `LektionZeile` rows; `mit_seiten=True` gives `LektionSeite` objects (for
    pages that link every lesson, and for writes).
    """
    kurse = {kurs.path: kurs for kurs in kurse}
    if not kurse:
        return {}
    steplen = KursSeite.steplen
    modul_bereich, lektion_bereich = Q(), Q()
    for pfad, kurs in kurse.items():
        modul_bereich |= Q(path__startswith=pfad, depth=kurs.depth + 1)
        lektion_bereich |= Q(path__startswith=pfad, depth=kurs.depth + 2)
    module = ModulSeite.objects.live().filter(modul_bereich).order_by("path")
    lektionen = LektionSeite.objects.live().filter(lektion_bereich).order_by("path")
    if mit_seiten:
        lektionen = lektionen.defer_streamfields()
    else:
        lektionen = (
            LektionZeile(*zeile)
            for zeile in lektionen.values_list("pk", "path", "title", "pflicht", "minuten")
        )
    lektionen_je_modul: dict[str, list[Lektion]] = defaultdict(list)
    for lektion in lektionen:
        lektionen_je_modul[lektion.path[:-steplen]].append(lektion)
    module_je_kurs: dict[str, list] = defaultdict(list)
    for modul in module:
        module_je_kurs[modul.path[:-steplen]].append(
            (modul, tuple(lektionen_je_modul.get(modul.path, ())))
        )
    return {
        kurs.pk: Kursstruktur(kurs=kurs, module=tuple(module_je_kurs.get(pfad, ())))
        for pfad, kurs in kurse.items()
    }


def erledigte_lektionen(*, nutzer) -> dict[int, datetime.datetime]:
    """Lesson id → completion time, for every lesson the user completed (one query)."""
    if not getattr(nutzer, "is_authenticated", False):
        return {}
    return dict(
        LektionErledigt.objects.filter(nutzer=nutzer).values_list("lektion_id", "erledigt_am")
    )


def kursfortschritt(*, nutzer, kurs: KursSeite) -> KursFortschritt:
    """The user's progress in a course (three queries)."""
    return kursstrukturen(kurse=[kurs])[kurs.pk].fortschritt(erledigte_lektionen(nutzer=nutzer))


def ist_trainer_im_kurs(*, nutzer, kurs_pfad: str) -> bool:
    return Durchgang.objects.filter(kurs__path=kurs_pfad, trainer=nutzer).exists()


def ist_trainer_des_durchgangs(*, nutzer, durchgang: Durchgang) -> bool:
    return durchgang.trainer.filter(pk=nutzer.pk).exists()


def offene_durchgaenge(*, kurs: KursSeite | None = None) -> QuerySet[Durchgang]:
    """Published cohorts whose enrolment window includes today, with `belegt`/`wartend`."""
    heute = timezone.localdate()
    qs = Durchgang.objects.filter(
        status=Durchgang.Status.VEROEFFENTLICHT,
        anmeldung_von__lte=heute,
        anmeldung_bis__gte=heute,
        kurs__live=True,
    ).select_related("kurs")
    if kurs is not None:
        qs = qs.filter(kurs=kurs)
    return mit_platzzahlen(qs).order_by("beginn", "titel")


def kurse_unter(*, seite) -> QuerySet[KursSeite]:
    return KursSeite.objects.live().child_of(seite).defer_streamfields().order_by("path")


# --- page contexts ------------------------------------------------------------------------


def darf_anmelden(nutzer) -> bool:
    """Whether enrolment is offered: to visitors (they log in first) and participants."""
    if not getattr(nutzer, "is_authenticated", False):
        return True
    return nutzer.has_perm("teilnehmende.anmelden")


def kursseite_kontext(*, kurs: KursSeite, nutzer) -> dict:
    """Public course overview; for participants also their enrolment and progress."""
    struktur = kursstrukturen(kurse=[kurs], mit_seiten=True)[kurs.pk]
    heute = timezone.localdate()
    durchgaenge = list(
        mit_platzzahlen(
            kurs.durchgaenge.filter(status=Durchgang.Status.VEROEFFENTLICHT, ende__gte=heute)
        ).order_by("beginn", "titel")
    )
    meine = {}
    if getattr(nutzer, "is_authenticated", False):
        meine = {
            anmeldung.durchgang_id: anmeldung
            for anmeldung in anmeldungen_fuer_nutzer(nutzer=nutzer).filter(durchgang__kurs=kurs)
        }
    mit_platz = any(anmeldung.status in PLATZ_STATUS for anmeldung in meine.values())
    fortschritt = struktur.fortschritt(erledigte_lektionen(nutzer=nutzer) if mit_platz else {})
    termine: dict[int, list[Praesenztermin]] = defaultdict(list)
    if durchgaenge:
        for termin in Praesenztermin.objects.filter(durchgang__in=durchgaenge).order_by(
            "datum", "beginn", "pk"
        ):
            termine[termin.durchgang_id].append(termin)
    return {
        "fortschritt": fortschritt,
        "mit_platz": mit_platz,
        # Staff (a trainer on her own course) is not invited to enrol; visitors are (login).
        "darf_anmelden": darf_anmelden(nutzer),
        "durchgaenge": [
            {
                "durchgang": durchgang,
                "frei": max(durchgang.kapazitaet - durchgang.belegt, 0),
                "offen": durchgang.anmeldung_offen(heute),
                "anmeldung": meine.get(durchgang.pk),
                "termine": termine[durchgang.pk],
            }
            for durchgang in durchgaenge
        ],
    }


def modulseite_kontext(*, modul: ModulSeite, nutzer) -> dict:
    """Public module overview with its lessons; participants see which they completed."""
    from teilnehmende.selectors import ist_teilnehmende_im_kurs

    kurs = KursSeite.objects.get(path=modul.path[: -modul.steplen])
    modul_pfade = list(
        ModulSeite.objects.live().child_of(kurs).order_by("path").values_list("path", flat=True)
    )
    mit_platz = ist_teilnehmende_im_kurs(nutzer=nutzer, kurs_pfad=kurs.path)
    erledigt = erledigte_lektionen(nutzer=nutzer) if mit_platz else {}
    return {
        "kurs": kurs,
        "mit_platz": mit_platz,
        "modul_fortschritt": _modul_fortschritt(modul, _nummer(modul.path, modul_pfade), erledigt),
        "anzahl_module": len(modul_pfade),
    }


def _nummer(pfad: str, pfade: list[str]) -> int | None:
    return pfade.index(pfad) + 1 if pfad in pfade else None


def _modul_fortschritt(
    modul: ModulSeite, nummer: int | None, erledigt: Mapping[int, datetime.datetime]
) -> ModulFortschritt:
    lektionen = LektionSeite.objects.live().child_of(modul).defer_streamfields().order_by("path")
    return ModulFortschritt(
        modul=modul,
        nummer=nummer,
        lektionen=tuple(LektionStand(lektion, erledigt.get(lektion.pk)) for lektion in lektionen),
    )


def lektionseite_kontext(*, lektion: LektionSeite, nutzer) -> dict:
    """Course, module with its lessons, neighbours and the user's completion of the lesson.

    Fixed number of queries and only the module's lessons as page objects, however big the
    course.
    """
    kurs = KursSeite.objects.get(path=lektion.kurs_pfad)
    module = list(ModulSeite.objects.live().child_of(kurs).order_by("path"))
    modul_pfad = lektion.path[: -lektion.steplen]
    modul = next((m for m in module if m.path == modul_pfad), None)
    if modul is None:  # an unpublished module, seen in the editor's preview
        modul = ModulSeite.objects.get(path=modul_pfad)
    darf_abschliessen = nutzer.has_perm("kurse.lektion_abschliessen", lektion)
    erledigt = erledigte_lektionen(nutzer=nutzer) if darf_abschliessen else {}
    # Neighbours across module borders: the lessons just before and after in tree order.
    im_kurs = (
        LektionSeite.objects.live()
        .filter(path__startswith=kurs.path, depth=lektion.depth)
        .defer_streamfields()
    )
    return {
        "kurs": kurs,
        "modul_fortschritt": _modul_fortschritt(
            modul, _nummer(modul.path, [m.path for m in module]), erledigt
        ),
        "darf_abschliessen": darf_abschliessen,
        "erledigt_am": erledigt.get(lektion.pk),
        "vorherige_lektion": im_kurs.filter(path__lt=lektion.path).order_by("-path").first(),
        "naechste_lektion": im_kurs.filter(path__gt=lektion.path).order_by("path").first(),
    }


# --- learner dashboard --------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardEintrag:
    anmeldung: Anmeldung
    fortschritt: KursFortschritt | None  # only for enrolments holding a seat
    naechste_lektion: LektionSeite | None = None  # the page, to link it
    anwesenheit: AnwesenheitStand | None = None  # only for enrolments holding a seat

    @property
    def naechster_termin(self) -> Praesenztermin | None:
        if self.anwesenheit is None:
            return None
        heute = timezone.localdate()
        return next((t.termin for t in self.anwesenheit.termine if t.termin.datum >= heute), None)


@dataclass(frozen=True)
class Dashboard:
    eintraege: list[DashboardEintrag]
    offene_durchgaenge: list[Durchgang]  # open for enrolment and not enrolled yet


def dashboard_fuer(*, nutzer) -> Dashboard:
    """/mein-lernen/: enrolments with progress per course and module (fixed number of queries)."""
    anmeldungen = list(anmeldungen_fuer_nutzer(nutzer=nutzer))
    mit_platz = [a for a in anmeldungen if a.status in PLATZ_STATUS]
    strukturen = kursstrukturen(kurse=[a.durchgang.kurs for a in mit_platz])
    erledigt = erledigte_lektionen(nutzer=nutzer) if mit_platz else {}
    fortschritte = {a.pk: strukturen[a.durchgang.kurs_id].fortschritt(erledigt) for a in mit_platz}
    anwesenheit = anwesenheit_staende(anmeldungen=mit_platz)
    naechste_ids = [f.naechste_lektion.pk for f in fortschritte.values() if f.naechste_lektion]
    naechste = (
        LektionSeite.objects.defer_streamfields().in_bulk(naechste_ids) if naechste_ids else {}
    )
    eintraege = []
    for anmeldung in anmeldungen:
        fortschritt = fortschritte.get(anmeldung.pk)
        zeile = fortschritt.naechste_lektion if fortschritt else None
        eintraege.append(
            DashboardEintrag(
                anmeldung=anmeldung,
                fortschritt=fortschritt,
                naechste_lektion=naechste.get(zeile.pk) if zeile else None,
                anwesenheit=anwesenheit.get(anmeldung.pk),
            )
        )
    angemeldet = {a.durchgang_id for a in anmeldungen}
    offene = [d for d in offene_durchgaenge() if d.pk not in angemeldet]
    return Dashboard(eintraege=eintraege, offene_durchgaenge=offene)


# --- trainer ------------------------------------------------------------------------------


def durchgaenge_fuer_trainer(*, nutzer) -> QuerySet[Durchgang]:
    """Cohorts the user trains (administrators: all), with `belegt`/`wartend`."""
    qs = Durchgang.objects.select_related("kurs")
    if not hat_rolle(nutzer, ADMINISTRATION):
        qs = qs.filter(trainer=nutzer)
    return mit_platzzahlen(qs).order_by("-beginn", "titel")


@dataclass(frozen=True)
class TeilnehmendeZeile:
    anmeldung: Anmeldung
    fortschritt: KursFortschritt
    anwesenheit: AnwesenheitStand


@dataclass(frozen=True)
class DurchgangUebersicht:
    durchgang: Durchgang
    struktur: Kursstruktur
    zeilen: list[TeilnehmendeZeile]  # enrolments holding a seat, by name
    warteliste: list[Anmeldung]  # in promotion order
    abgebrochen: int
    termine: list[Praesenztermin]  # with `erfasst` (attendance records)


def durchgang_uebersicht(*, durchgang: Durchgang) -> DurchgangUebersicht:
    """Every participant's progress and attendance in a cohort: seven queries whatever its
    size."""
    anmeldungen = list(anmeldungen_des_durchgangs(durchgang=durchgang))
    for anmeldung in anmeldungen:
        anmeldung.durchgang = durchgang  # known already; the attendance threshold reads it
    struktur = kursstrukturen(kurse=[durchgang.kurs])[durchgang.kurs_id]
    erledigt: dict[int, dict[int, datetime.datetime]] = defaultdict(dict)
    for nutzer_id, lektion_id, erledigt_am in LektionErledigt.objects.filter(
        lektion__path__startswith=durchgang.kurs.path,
        nutzer__anmeldungen__durchgang=durchgang,
        nutzer__anmeldungen__status__in=PLATZ_STATUS,
    ).values_list("nutzer_id", "lektion_id", "erledigt_am"):
        erledigt[nutzer_id][lektion_id] = erledigt_am
    mit_platz = [a for a in anmeldungen if a.status in PLATZ_STATUS]
    anwesenheit = anwesenheit_staende(anmeldungen=mit_platz)
    zeilen = [
        TeilnehmendeZeile(
            anmeldung=a,
            fortschritt=struktur.fortschritt(erledigt[a.nutzer_id]),
            anwesenheit=anwesenheit[a.pk],
        )
        for a in mit_platz
    ]
    wartend = sorted(
        (a for a in anmeldungen if a.status == Anmeldung.Status.WARTELISTE),
        key=lambda a: (a.angemeldet_am, a.pk),
    )
    abgebrochen = sum(1 for a in anmeldungen if a.status == Anmeldung.Status.ABGEBROCHEN)
    return DurchgangUebersicht(
        durchgang=durchgang,
        struktur=struktur,
        zeilen=zeilen,
        warteliste=wartend,
        abgebrochen=abgebrochen,
        termine=list(
            termine_des_durchgangs(durchgang=durchgang).annotate(
                erfasst=Count(
                    "anwesenheiten",
                    filter=Q(anwesenheiten__anmeldung__status__in=PLATZ_STATUS),
                )
            )
        ),
    )


# --- in-person sessions -------------------------------------------------------------------


def termine_des_durchgangs(*, durchgang: Durchgang) -> QuerySet[Praesenztermin]:
    """A cohort's sessions in date order, with cohort and course (for calendars and lists)."""
    return (
        Praesenztermin.objects.filter(durchgang=durchgang)
        .select_related("durchgang", "durchgang__kurs", "modul")
        .order_by("datum", "beginn", "pk")
    )
