"""Enrolment in a cohort, the ESF entry questionnaire and consent records."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .speicher import praesentationen_speicher

GEBURTSJAHR_UNGUELTIG = _(
    "Bitte geben Sie ein Geburtsjahr zwischen 1900 und dem laufenden Jahr an – oder lassen Sie "
    "das Feld leer."
)
ERSTES_GEBURTSJAHR = 1900


class Anmeldung(models.Model):
    """One enrolment per person and cohort; the waiting list is ordered by `angemeldet_am`."""

    class Status(models.TextChoices):
        ANGEFRAGT = "angefragt", _("angefragt")
        BESTAETIGT = "bestaetigt", _("bestätigt")
        WARTELISTE = "warteliste", _("Warteliste")
        ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")
        ABGEBROCHEN = "abgebrochen", _("abgebrochen")

    # ESF records must be anonymised, not deleted with the account: PROTECT makes that explicit.
    # Empty only once anonymised (account deleted or retention period over): `anonymisiert_am`.
    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anmeldungen",
        verbose_name=_("Nutzer/in"),
    )
    durchgang = models.ForeignKey(
        "kurse.Durchgang",
        on_delete=models.PROTECT,
        related_name="anmeldungen",
        verbose_name=_("Durchgang"),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ANGEFRAGT
    )
    angemeldet_am = models.DateTimeField(_("Angemeldet am"), default=timezone.now)
    status_geaendert_am = models.DateTimeField(_("Status geändert am"), default=timezone.now)
    anonymisiert_am = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)
    # Sum of `Anwesenheit.stunden` with status "anwesend", kept by `services.anwesenheit_setzen`
    # (the only writer of attendance) in the same transaction. Funder reports sum this column:
    # a correlated subquery over the attendance rows made them four times slower at 100,000
    # enrolments. `services.anwesenheitsstunden_nachrechnen` rebuilds it from the rows.
    anwesenheitsstunden = models.DecimalField(
        _("Anwesenheitsstunden"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        editable=False,
    )

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["angemeldet_am", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["nutzer", "durchgang"], name="eine_anmeldung_je_durchgang"
            )
        ]
        indexes = [models.Index(fields=["durchgang", "status", "angemeldet_am"])]

    def __str__(self) -> str:
        person = self.nutzer if self.nutzer_id else _("anonymisiert")
        return f"{person} – {self.durchgang.titel} ({self.get_status_display()})"

    @property
    def stornierbar(self) -> bool:
        return self.status in STORNIERBAR_STATUS


#: States that hold a seat of the cohort and open its lessons.
PLATZ_STATUS = (Anmeldung.Status.BESTAETIGT, Anmeldung.Status.ABGESCHLOSSEN)
#: States that a participant can still cancel.
STORNIERBAR_STATUS = (
    Anmeldung.Status.ANGEFRAGT,
    Anmeldung.Status.BESTAETIGT,
    Anmeldung.Status.WARTELISTE,
)


class Geschlecht(models.TextChoices):
    WEIBLICH = "weiblich", _("weiblich")
    MAENNLICH = "maennlich", _("männlich")
    DIVERS = "divers", _("divers")
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


class Erwerbsstatus(models.TextChoices):
    ERWERBSTAETIG = "erwerbstaetig", _("erwerbstätig (auch selbstständig)")
    ARBEITSLOS = "arbeitslos", _("arbeitslos")
    LANGZEITARBEITSLOS = "langzeitarbeitslos", _("langzeitarbeitslos (länger als 12 Monate)")
    NICHT_ERWERBSTAETIG = (
        "nicht_erwerbstaetig",
        _("nicht erwerbstätig (z. B. in Ausbildung oder Elternzeit)"),
    )
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


class Bildung(models.TextChoices):
    ISCED_0_2 = "isced_0_2", _("ISCED 0–2: Haupt- oder Realschulabschluss, ohne Berufsabschluss")
    ISCED_3_4 = "isced_3_4", _("ISCED 3–4: Abitur, Fachhochschulreife oder Berufsausbildung")
    ISCED_5_8 = (
        "isced_5_8",
        _("ISCED 5–8: Hochschulabschluss, Meister/in, Techniker/in oder Fachschule"),
    )
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


class Organisationsart(models.TextChoices):
    KOMMUNE = "kommune", _("Kommune oder Kreis (Verwaltung)")
    FREIER_TRAEGER = "freier_traeger", _("Freier Träger")
    SONSTIGE = "sonstige", _("Sonstige Organisation")


class Altersgruppe(models.TextChoices):
    UNTER_18 = "unter_18", _("unter 18")
    VON_18_BIS_29 = "18_29", _("18–29")
    VON_30_BIS_54 = "30_54", _("30–54")
    AB_55 = "55_plus", _("55 und älter")
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


def altersgruppe_fuer(geburtsjahr: int | None, stichtag: datetime.date) -> Altersgruppe:
    """Age band on the day of entry. Only the year of birth is asked, so the age is the one
    reached in the year of entry (ESF practice when no birth date is recorded)."""
    if geburtsjahr is None:
        return Altersgruppe.KEINE_ANGABE
    alter = stichtag.year - geburtsjahr
    if alter < 18:
        return Altersgruppe.UNTER_18
    if alter < 30:
        return Altersgruppe.VON_18_BIS_29
    if alter < 55:
        return Altersgruppe.VON_30_BIS_54
    return Altersgruppe.AB_55


def geburtsjahr_pruefen(wert: int) -> None:
    if not ERSTES_GEBURTSJAHR <= wert <= timezone.localdate().year:
        raise ValidationError(GEBURTSJAHR_UNGUELTIG, code="geburtsjahr")


class EintrittsdatenQuerySet(models.QuerySet):
    def mit_altersgruppe(self):
        """Annotates `altersgruppe` in SQL, with the same bands as `altersgruppe_fuer`."""
        alter = ExtractYear("stichtag") - F("geburtsjahr")
        return self.alias(alter=alter).annotate(
            altersgruppe=Case(
                When(geburtsjahr__isnull=True, then=Value(Altersgruppe.KEINE_ANGABE.value)),
                When(alter__lt=18, then=Value(Altersgruppe.UNTER_18.value)),
                When(alter__lt=30, then=Value(Altersgruppe.VON_18_BIS_29.value)),
                When(alter__lt=55, then=Value(Altersgruppe.VON_30_BIS_54.value)),
                default=Value(Altersgruppe.AB_55.value),
                output_field=models.CharField(),
            )
        )


class Eintrittsdaten(models.Model):
    """ESF entry questionnaire of one enrolment; refers to the day of entry (`stichtag`)."""

    anmeldung = models.OneToOneField(
        Anmeldung,
        on_delete=models.CASCADE,
        related_name="eintrittsdaten",
        verbose_name=_("Anmeldung"),
    )
    geschlecht = models.CharField(_("Geschlecht"), max_length=20, choices=Geschlecht.choices)
    geburtsjahr = models.PositiveSmallIntegerField(
        _("Geburtsjahr"), null=True, blank=True, validators=[geburtsjahr_pruefen]
    )
    erwerbsstatus = models.CharField(
        _("Erwerbsstatus"), max_length=30, choices=Erwerbsstatus.choices
    )
    bildung = models.CharField(
        _("Höchster Bildungsabschluss"), max_length=20, choices=Bildung.choices
    )
    organisationsart = models.CharField(
        _("Art der Organisation"), max_length=20, choices=Organisationsart.choices
    )
    organisation = models.CharField(_("Organisation"), max_length=200)
    kommune = models.CharField(_("Kommune"), max_length=100)
    kreis = models.ForeignKey(
        "kern.Kreis",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kreis oder kreisfreie Stadt"),
        help_text=_("Leer bedeutet: außerhalb von Nordrhein-Westfalen."),
    )
    stichtag = models.DateField(_("Tag des Eintritts"))

    objects = EintrittsdatenQuerySet.as_manager()

    class Meta:
        verbose_name = _("Eintrittsdaten (ESF)")
        verbose_name_plural = _("Eintrittsdaten (ESF)")
        # The funder reports filter by period of entry (berichte.selectors.eintritte).
        indexes = [models.Index(fields=["stichtag"], name="eintritt_stichtag_idx")]

    def __str__(self) -> str:
        return str(_("Eintrittsdaten vom {tag}")).format(tag=self.stichtag.strftime("%d.%m.%Y"))

    def altersgruppe_berechnen(self) -> Altersgruppe:
        """Same as the `altersgruppe` annotation of `Eintrittsdaten.objects.mit_altersgruppe()`."""
        return altersgruppe_fuer(self.geburtsjahr, self.stichtag)


#: The questionnaire answers (everything but the enrolment and the day of entry).
EINTRITTSDATEN_FELDER = (
    "geschlecht",
    "geburtsjahr",
    "erwerbsstatus",
    "bildung",
    "organisationsart",
    "organisation",
    "kommune",
    "kreis",
)


class Einwilligung(models.Model):
    """Consent to data processing, with the version of the text the person agreed to."""

    class Zweck(models.TextChoices):
        TEILNAHME = "teilnahme", _("Verarbeitung der Teilnahme- und ESF-Daten")

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="einwilligungen",
        verbose_name=_("Nutzer/in"),
    )
    zweck = models.CharField(_("Zweck"), max_length=30, choices=Zweck.choices)
    textversion = models.CharField(_("Version des Einwilligungstexts"), max_length=30)
    erteilt_am = models.DateTimeField(_("Erteilt am"), default=timezone.now)
    widerrufen_am = models.DateTimeField(_("Widerrufen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["-erteilt_am"]
        indexes = [models.Index(fields=["nutzer", "zweck"])]

    def __str__(self) -> str:
        return f"{self.nutzer} – {self.get_zweck_display()} ({self.textversion})"


class Anwesenheit(models.Model):
    """Attendance of one enrolment at one in-person session; written only by
    `services.anwesenheit_setzen`, which also keeps every change in `AnwesenheitAenderung`."""

    class Status(models.TextChoices):
        ANWESEND = "anwesend", _("anwesend")
        ENTSCHULDIGT = "entschuldigt", _("entschuldigt")
        UNENTSCHULDIGT = "unentschuldigt", _("unentschuldigt")

    # ESF proof of attendance: neither a session nor an enrolment may take it along silently.
    anmeldung = models.ForeignKey(
        Anmeldung,
        on_delete=models.PROTECT,
        related_name="anwesenheiten",
        verbose_name=_("Anmeldung"),
    )
    termin = models.ForeignKey(
        "kurse.Praesenztermin",
        on_delete=models.PROTECT,
        related_name="anwesenheiten",
        verbose_name=_("Präsenztermin"),
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    stunden = models.DecimalField(
        _("Anwesende Stunden"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Zuletzt erfasst von"),
    )
    geaendert_am = models.DateTimeField(_("Zuletzt geändert am"), default=timezone.now)

    class Meta:
        verbose_name = _("Anwesenheit")
        verbose_name_plural = _("Anwesenheiten")
        constraints = [
            models.UniqueConstraint(
                fields=["anmeldung", "termin"], name="eine_anwesenheit_je_termin"
            ),
            models.CheckConstraint(
                condition=models.Q(status="anwesend", stunden__gt=0)
                | (~models.Q(status="anwesend") & models.Q(stunden=0)),
                name="anwesenheit_stunden_passen_zum_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.anmeldung.nutzer} – {self.termin}: {self.get_status_display()}"


class AnwesenheitAenderung(models.Model):
    """History of an attendance record: one row per write, with who and when."""

    anwesenheit = models.ForeignKey(
        Anwesenheit,
        on_delete=models.CASCADE,
        related_name="aenderungen",
        verbose_name=_("Anwesenheit"),
    )
    status_vorher = models.CharField(
        _("Status vorher"), max_length=20, choices=Anwesenheit.Status.choices, blank=True
    )
    stunden_vorher = models.DecimalField(
        _("Stunden vorher"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(_("Status"), max_length=20, choices=Anwesenheit.Status.choices)
    stunden = models.DecimalField(_("Stunden"), max_digits=4, decimal_places=2)
    geaendert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Geändert von"),
    )
    geaendert_am = models.DateTimeField(_("Geändert am"), default=timezone.now)

    class Meta:
        verbose_name = _("Änderung der Anwesenheit")
        verbose_name_plural = _("Änderungen der Anwesenheit")
        ordering = ["-geaendert_am", "-pk"]

    def __str__(self) -> str:
        return f"{self.anwesenheit} ({self.geaendert_am:%d.%m.%Y %H:%M})"


# --- Abschlusspräsentation -------------------------------------------------------------------


class Bewertungsraster(ClusterableModel):
    """The rubric of a course: criteria with maximum points and the pass mark (Redaktion edits)."""

    kurs = models.OneToOneField(
        "kurse.KursSeite",
        on_delete=models.CASCADE,
        related_name="bewertungsraster",
        verbose_name=_("Kurs"),
    )
    bestehensgrenze = models.PositiveSmallIntegerField(
        _("Bestehensgrenze (Punkte)"),
        help_text=_(
            "So viele Punkte braucht eine Präsentation mindestens, um angenommen zu werden."
        ),
    )
    hinweise = models.TextField(
        _("Hinweise für Trainer/innen"), blank=True, help_text=_("Freiwillig.")
    )

    class Meta:
        verbose_name = _("Bewertungsraster")
        verbose_name_plural = _("Bewertungsraster")

    def __str__(self) -> str:
        return str(_("Bewertungsraster: {kurs}")).format(kurs=self.kurs.title)

    def clean(self) -> None:
        if self.pk is None and "kriterien" not in getattr(self, "_cluster_related_objects", {}):
            return
        summe = sum(k.max_punkte for k in self.kriterien.all())
        if summe and self.bestehensgrenze > summe:
            raise ValidationError(
                {"bestehensgrenze": RASTER_GRENZE_ZU_HOCH % {"summe": summe}},
                code="grenze_zu_hoch",
            )


RASTER_GRENZE_ZU_HOCH = _(
    "Die Bestehensgrenze ist höher als die erreichbare Punktzahl (%(summe)s Punkte)."
)


class Kriterium(Orderable):
    raster = ParentalKey(
        Bewertungsraster,
        on_delete=models.CASCADE,
        related_name="kriterien",
        verbose_name=_("Bewertungsraster"),
    )
    titel = models.CharField(_("Kriterium"), max_length=120)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    max_punkte = models.PositiveSmallIntegerField(
        _("Höchstpunktzahl"), validators=[MinValueValidator(1)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")

    def __str__(self) -> str:
        return self.titel


class Abschlusspraesentation(models.Model):
    """The final presentation of one enrolment; its versions and reviews are never deleted."""

    class Status(models.TextChoices):
        EINGEREICHT = "eingereicht", _("eingereicht")
        IN_BEGUTACHTUNG = "in_begutachtung", _("in Begutachtung")
        UEBERARBEITUNG_ERBETEN = "ueberarbeitung_erbeten", _("Überarbeitung erbeten")
        ANGENOMMEN = "angenommen", _("angenommen")
        ZURUECKGEZOGEN = "zurueckgezogen", _("zurückgezogen")

    anmeldung = models.OneToOneField(
        Anmeldung,
        on_delete=models.PROTECT,
        related_name="abschlusspraesentation",
        verbose_name=_("Anmeldung"),
    )
    status = models.CharField(
        _("Status"), max_length=30, choices=Status.choices, default=Status.EINGEREICHT
    )
    status_geaendert_am = models.DateTimeField(_("Status geändert am"), default=timezone.now)
    #: When the current version was handed in: the trainers' queue is ordered by it.
    eingereicht_am = models.DateTimeField(_("Eingereicht am"), default=timezone.now)
    praxisbeispiel = models.ForeignKey(
        "cms.Praxisbeispiel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Entwurf des Praxisbeispiels"),
    )

    class Meta:
        verbose_name = _("Abschlusspräsentation")
        verbose_name_plural = _("Abschlusspräsentationen")
        indexes = [models.Index(fields=["status", "eingereicht_am"])]

    def __str__(self) -> str:
        return f"{self.anmeldung.nutzer} – {self.get_status_display()}"


class Version(models.Model):
    """One handed-in version: file, title, abstract, optional link, consent to publication."""

    praesentation = models.ForeignKey(
        Abschlusspraesentation,
        on_delete=models.PROTECT,
        related_name="versionen",
        verbose_name=_("Abschlusspräsentation"),
    )
    nummer = models.PositiveSmallIntegerField(_("Version"))
    titel = models.CharField(_("Titel"), max_length=200)
    kurzfassung = models.TextField(_("Kurzfassung"), max_length=3000)
    datei = models.FileField(
        _("Datei"), storage=praesentationen_speicher, upload_to="%Y/%m/", max_length=200
    )
    dateiname = models.CharField(_("Dateiname"), max_length=120)
    dateityp = models.CharField(_("Dateityp"), max_length=10)
    groesse = models.PositiveBigIntegerField(_("Größe in Bytes"))
    link = models.URLField(_("Link"), blank=True, max_length=500)
    eingereicht_am = models.DateTimeField(_("Eingereicht am"), default=timezone.now)
    einwilligung_praxisbeispiel = models.BooleanField(
        _("darf als Praxisbeispiel veröffentlicht werden"), default=False
    )
    einwilligung_geaendert_am = models.DateTimeField(
        _("Einwilligung geändert am"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("Version der Abschlusspräsentation")
        verbose_name_plural = _("Versionen der Abschlusspräsentation")
        ordering = ["praesentation", "-nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["praesentation", "nummer"], name="versionsnummer_je_praesentation"
            )
        ]

    def __str__(self) -> str:
        return str(_("Version {nummer}: {titel}")).format(nummer=self.nummer, titel=self.titel)

    @property
    def begutachtung_oder_none(self) -> Begutachtung | None:
        return getattr(self, "begutachtung", None)


class Begutachtung(models.Model):
    """A trainer's decision on one version, with rubric points and comment."""

    class Entscheidung(models.TextChoices):
        ANGENOMMEN = "angenommen", _("angenommen")
        UEBERARBEITUNG = "ueberarbeitung", _("Überarbeitung erbeten")

    version = models.OneToOneField(
        Version, on_delete=models.PROTECT, related_name="begutachtung", verbose_name=_("Version")
    )
    gutachter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Trainer/in"),
    )
    entscheidung = models.CharField(_("Entscheidung"), max_length=20, choices=Entscheidung.choices)
    kommentar = models.TextField(_("Rückmeldung"), max_length=5000)
    punkte = models.PositiveSmallIntegerField(_("Punkte"))
    max_punkte = models.PositiveSmallIntegerField(_("Erreichbare Punkte"))
    bestehensgrenze = models.PositiveSmallIntegerField(_("Bestehensgrenze"))
    entschieden_am = models.DateTimeField(_("Entschieden am"), default=timezone.now)

    class Meta:
        verbose_name = _("Begutachtung")
        verbose_name_plural = _("Begutachtungen")

    def __str__(self) -> str:
        return f"{self.version} – {self.get_entscheidung_display()}"


class Punktwert(models.Model):
    """Points for one criterion; title and maximum are copied so that later rubric edits do not
    rewrite history."""

    begutachtung = models.ForeignKey(
        Begutachtung, on_delete=models.CASCADE, related_name="punktwerte"
    )
    kriterium = models.ForeignKey(
        Kriterium, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    titel = models.CharField(_("Kriterium"), max_length=120)
    max_punkte = models.PositiveSmallIntegerField(_("Höchstpunktzahl"))
    punkte = models.PositiveSmallIntegerField(_("Punkte"))
    reihenfolge = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Punktwert")
        verbose_name_plural = _("Punktwerte")
        ordering = ["begutachtung", "reihenfolge", "pk"]

    def __str__(self) -> str:
        return f"{self.titel}: {self.punkte}/{self.max_punkte}"
