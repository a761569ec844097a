"""Enrolment in a cohort, the ESF entry questionnaire and consent records."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
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
        return f"{self.nutzer} – {self.durchgang.titel} ({self.get_status_display()})"

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
