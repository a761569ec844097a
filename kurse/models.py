"""Kurs → Modul → Lektion as Wagtail pages, the cohort (Durchgang) and lesson completion."""

from __future__ import annotations

import datetime
import decimal
import zoneinfo

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import InhaltBlocks
from h5p.csp import spieler_erlauben
from kern.rollen import TRAINER

from .blocks import LektionBlocks

DURCHGANG_ENDE_VOR_BEGINN = _("Das Ende des Durchgangs darf nicht vor seinem Beginn liegen.")
DURCHGANG_ANMELDESCHLUSS_VOR_START = _(
    "Der Anmeldeschluss darf nicht vor dem Beginn des Anmeldezeitraums liegen."
)
DURCHGANG_ANMELDESCHLUSS_NACH_ENDE = _(
    "Der Anmeldeschluss darf nicht nach dem Ende des Durchgangs liegen."
)
#: A teaching unit (Unterrichtseinheit) lasts 45 minutes.
MINUTEN_JE_UE = 45
TERMIN_ENDE_VOR_BEGINN = _("Das Ende des Termins muss nach seinem Beginn liegen.")
TERMIN_STUNDEN_ZU_VIEL = _(
    "Die Präsenzstunden dürfen die Dauer des Termins ({dauer} Stunden) nicht überschreiten."
)
TERMIN_ORT_FEHLT = _("Bitte geben Sie einen Ort oder einen Link zur Online-Teilnahme an.")
TERMIN_AUSSERHALB_DURCHGANG = _(
    "Der Termin muss zwischen Beginn ({beginn}) und Ende ({ende}) des Durchgangs liegen."
)
TERMIN_MODUL_FREMD = _("Das Modul gehört nicht zum Kurs dieses Durchgangs.")


class KursIndexSeite(Page):
    """Lists the courses (/kurse/)."""

    einleitung = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("einleitung")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["kurse.KursSeite"]
    # The admin lists the children in course order (the tree's), not by last edit.
    admin_default_ordering = "ord"
    max_count = 1

    class Meta:
        verbose_name = _("Kursübersicht")

    def get_context(self, request, *args, **kwargs):
        from .selectors import kurse_unter

        context = super().get_context(request, *args, **kwargs)
        context["kurse"] = kurse_unter(seite=self)
        return context


class KursSeite(Page):
    """A course: public overview with its modules and the cohorts open for enrolment."""

    zusammenfassung = models.TextField(_("Zusammenfassung"))
    zielgruppe = models.TextField(_("Zielgruppe"))
    stunden = models.PositiveSmallIntegerField(
        _("Umfang in Stunden"), validators=[MinValueValidator(1)]
    )
    anwesenheit_schwelle = models.PositiveSmallIntegerField(
        _("Mindestanwesenheit in Prozent"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Anteil der Präsenzstunden, der für den Abschluss nötig ist."),
    )
    foerderhinweis = models.TextField(_("Förderhinweis"), blank=True)
    inhalt = StreamField(InhaltBlocks(), verbose_name=_("Weitere Informationen"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("zusammenfassung"),
        FieldPanel("zielgruppe"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("stunden"), FieldPanel("anwesenheit_schwelle")])],
            heading=_("Umfang und Abschluss"),
        ),
        FieldPanel("foerderhinweis"),
        FieldPanel("inhalt"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("zusammenfassung"),
        index.SearchField("zielgruppe"),
    ]
    parent_page_types = ["kurse.KursIndexSeite", "cms.HomePage"]
    subpage_types = ["kurse.ModulSeite"]
    # The admin lists the children in course order (the tree's), not by last edit.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("Kurs")
        verbose_name_plural = _("Kurse")

    def get_context(self, request, *args, **kwargs):
        from .selectors import kursseite_kontext

        context = super().get_context(request, *args, **kwargs)
        context.update(kursseite_kontext(kurs=self, nutzer=request.user))
        return context


class ModulSeite(Page):
    """A module of a course; modules follow the page order in the tree."""

    einleitung = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    lernziele = RichTextField(
        _("Lernziele"),
        features=["ul", "ol", "bold", "italic"],
        help_text=_("Am besten als Liste: „Nach diesem Modul können Sie …“"),
    )

    content_panels = [*Page.content_panels, FieldPanel("einleitung"), FieldPanel("lernziele")]
    search_fields = [*Page.search_fields, index.SearchField("lernziele")]
    parent_page_types = ["kurse.KursSeite"]
    subpage_types = ["kurse.LektionSeite"]
    # The admin lists the children in course order (the tree's), not by last edit.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("Modul")
        verbose_name_plural = _("Module")

    def get_context(self, request, *args, **kwargs):
        from .selectors import modulseite_kontext

        context = super().get_context(request, *args, **kwargs)
        context.update(modulseite_kontext(modul=self, nutzer=request.user))
        return context


class LektionSeite(Page):
    """A lesson. Its body is shown only to whom `kurse.lektion_ansehen` allows."""

    pflicht = models.BooleanField(
        _("Pflichtlektion"),
        default=True,
        help_text=_("Pflichtlektionen zählen für den Lernfortschritt und das Zertifikat."),
    )
    minuten = models.PositiveSmallIntegerField(
        _("Geschätzte Dauer in Minuten"), default=20, validators=[MinValueValidator(1)]
    )
    inhalt = StreamField(LektionBlocks(), verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("pflicht"), FieldPanel("minuten")]),
        FieldPanel("inhalt"),
    ]
    # The body is not indexed: a site search must not reveal what only participants may read.
    search_fields = [*Page.search_fields]
    parent_page_types = ["kurse.ModulSeite"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Lektion")
        verbose_name_plural = _("Lektionen")

    @property
    def kurs_pfad(self) -> str:
        """Tree path of the course: a lesson always sits two levels below it (parent_page_types)."""
        return self.path[: len(self.path) - 2 * self.steplen]

    @property
    def hat_h5p_aktivitaet(self) -> bool:
        """Completed by its H5P activities' rule instead of the "Als erledigt" button."""
        return any(block.get("type") == "h5p" for block in self.inhalt.raw_data)

    def clean(self):
        super().clean()
        from .dokumente import NICHT_IM_KURSMATERIAL, ist_kursmaterial

        # A document block of a public collection would be downloadable by anyone with the link.
        dokumente = [b.value["dokument"] for b in self.inhalt if b.block_type == "dokument"]
        if any(d is not None and not ist_kursmaterial(d) for d in dokumente):
            raise ValidationError({"inhalt": NICHT_IM_KURSMATERIAL})

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("kurse.lektion_ansehen", self):
            raise PermissionDenied
        antwort = super().serve(request, *args, **kwargs)
        patch_cache_control(antwort, private=True)  # never kept by a shared cache
        if self.hat_h5p_aktivitaet:
            spieler_erlauben(antwort)  # the player's CSP needs, on this page only
        return antwort

    def get_context(self, request, *args, **kwargs):
        from .selectors import lektionseite_kontext

        context = super().get_context(request, *args, **kwargs)
        context.update(lektionseite_kontext(lektion=self, nutzer=request.user))
        return context


class Durchgang(models.Model):
    """A cohort (run) of a course with its dates, enrolment window, seats and trainers."""

    class Status(models.TextChoices):
        ENTWURF = "entwurf", _("Entwurf (nicht öffentlich)")
        VEROEFFENTLICHT = "veroeffentlicht", _("Veröffentlicht")
        ABGESCHLOSSEN = "abgeschlossen", _("Abgeschlossen")
        ABGESAGT = "abgesagt", _("Abgesagt")

    kurs = models.ForeignKey(
        KursSeite, on_delete=models.PROTECT, related_name="durchgaenge", verbose_name=_("Kurs")
    )
    titel = models.CharField(_("Titel"), max_length=120)
    beginn = models.DateField(_("Beginn"))
    ende = models.DateField(_("Ende"))
    anmeldung_von = models.DateField(_("Anmeldung ab"))
    anmeldung_bis = models.DateField(_("Anmeldeschluss"))
    kapazitaet = models.PositiveSmallIntegerField(_("Plätze"), validators=[MinValueValidator(1)])
    trainer = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="betreute_durchgaenge",
        blank=True,
        verbose_name=_("Trainer/innen"),
        limit_choices_to={"groups__name": TRAINER},
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ENTWURF
    )

    class Meta:
        verbose_name = _("Durchgang")
        verbose_name_plural = _("Durchgänge")
        ordering = ["-beginn", "titel"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.kurs.title})"

    def clean(self) -> None:
        fehler = {}
        if self.beginn and self.ende and self.ende < self.beginn:
            fehler["ende"] = DURCHGANG_ENDE_VOR_BEGINN
        if self.anmeldung_von and self.anmeldung_bis:
            if self.anmeldung_bis < self.anmeldung_von:
                fehler["anmeldung_bis"] = DURCHGANG_ANMELDESCHLUSS_VOR_START
            elif self.ende and self.anmeldung_bis > self.ende:
                fehler["anmeldung_bis"] = DURCHGANG_ANMELDESCHLUSS_NACH_ENDE
        if fehler:
            raise ValidationError(fehler)

    def anmeldung_offen(self, heute: datetime.date | None = None) -> bool:
        """Published and today within the enrolment window (Europe/Berlin)."""
        heute = heute or timezone.localdate()
        return (
            self.status == self.Status.VEROEFFENTLICHT
            and self.anmeldung_von <= heute <= self.anmeldung_bis
        )


class LektionErledigt(models.Model):
    """A user completed a lesson. Kept when the user leaves a cohort and enrols again."""

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="erledigte_lektionen",
        verbose_name=_("Nutzer/in"),
    )
    lektion = models.ForeignKey(
        LektionSeite,
        on_delete=models.CASCADE,
        related_name="erledigt_von",
        verbose_name=_("Lektion"),
    )
    erledigt_am = models.DateTimeField(_("Erledigt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Erledigte Lektion")
        verbose_name_plural = _("Erledigte Lektionen")
        constraints = [
            models.UniqueConstraint(fields=["nutzer", "lektion"], name="lektion_einmal_erledigt")
        ]

    def __str__(self) -> str:
        return f"{self.nutzer} – {self.lektion.title}"


def stunden_text(stunden: decimal.Decimal | int) -> str:
    """Hours in German notation without needless zeros: 7.50 → "7,5", 8.00 → "8"."""
    wert = decimal.Decimal(stunden).quantize(decimal.Decimal("0.01"))
    return f"{wert:f}".rstrip("0").rstrip(".").replace(".", ",")


class Praesenztermin(models.Model):
    """One day of in-person (or online) teaching of a cohort; a two-day session is two of these.

    Attendance per participant is kept in `teilnehmende.Anwesenheit`.
    """

    durchgang = models.ForeignKey(
        Durchgang,
        on_delete=models.CASCADE,
        related_name="praesenztermine",
        verbose_name=_("Durchgang"),
    )
    modul = models.ForeignKey(
        ModulSeite,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="praesenztermine",
        verbose_name=_("Modul"),
    )
    titel = models.CharField(_("Titel"), max_length=120)
    datum = models.DateField(_("Datum"))
    beginn = models.TimeField(_("Beginn"))
    ende = models.TimeField(_("Ende"))
    ort = models.CharField(
        _("Ort"), max_length=200, blank=True, help_text=_("Adresse und Raum, falls vor Ort.")
    )
    online_link = models.URLField(
        _("Link zur Online-Teilnahme"),
        blank=True,
        help_text=_("Nur für Teilnehmende und Trainer/innen des Durchgangs sichtbar."),
    )
    unterrichtseinheiten = models.PositiveSmallIntegerField(
        _("Unterrichtseinheiten"),
        validators=[MinValueValidator(1)],
        help_text=_("Unterrichtseinheiten zu je 45 Minuten."),
    )
    stunden = models.DecimalField(
        _("Präsenzstunden"),
        max_digits=4,
        decimal_places=2,
        blank=True,
        validators=[MinValueValidator(decimal.Decimal("0.25"))],
        help_text=_(
            "Stunden, die bei voller Anwesenheit angerechnet werden. Leer lassen: "
            "Unterrichtseinheiten × 45 Minuten."
        ),
    )
    schwerpunkte = models.TextField(
        _("Schwerpunkte"), blank=True, help_text=_("Ein Schwerpunkt je Zeile.")
    )
    trainer = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="praesenztermine",
        blank=True,
        verbose_name=_("Trainer/innen"),
        limit_choices_to={"groups__name": TRAINER},
        help_text=_("Leiten den Termin und unterschreiben die Teilnahmeliste."),
    )

    class Meta:
        verbose_name = _("Präsenztermin")
        verbose_name_plural = _("Präsenztermine")
        ordering = ["datum", "beginn", "pk"]
        indexes = [models.Index(fields=["durchgang", "datum"])]

    def __str__(self) -> str:
        return f"{self.titel} ({self.datum:%d.%m.%Y})"

    def clean(self) -> None:
        fehler = {}
        if self.stunden is None and self.unterrichtseinheiten:
            self.stunden = decimal.Decimal(self.unterrichtseinheiten * MINUTEN_JE_UE) / 60
        if self.beginn and self.ende:
            if self.ende <= self.beginn:
                fehler["ende"] = TERMIN_ENDE_VOR_BEGINN
            elif self.stunden is not None and self.stunden > self.dauer_stunden:
                fehler["stunden"] = str(TERMIN_STUNDEN_ZU_VIEL).format(
                    dauer=stunden_text(self.dauer_stunden)
                )
        if not self.ort and not self.online_link:
            fehler["ort"] = TERMIN_ORT_FEHLT
        durchgang = self.durchgang if self.durchgang_id else None
        if durchgang is not None and self.datum:
            if not durchgang.beginn <= self.datum <= durchgang.ende:
                fehler["datum"] = str(TERMIN_AUSSERHALB_DURCHGANG).format(
                    beginn=f"{durchgang.beginn:%d.%m.%Y}", ende=f"{durchgang.ende:%d.%m.%Y}"
                )
        if durchgang is not None and self.modul_id:
            if not self.modul.path.startswith(durchgang.kurs.path):
                fehler["modul"] = TERMIN_MODUL_FREMD
        if fehler:
            raise ValidationError(fehler)

    @property
    def schwerpunkt_liste(self) -> list[str]:
        return [zeile.strip() for zeile in self.schwerpunkte.splitlines() if zeile.strip()]

    @property
    def dauer_stunden(self) -> decimal.Decimal:
        """Length from start to end in hours (breaks included)."""
        minuten = (self.ende.hour * 60 + self.ende.minute) - (
            self.beginn.hour * 60 + self.beginn.minute
        )
        return decimal.Decimal(minuten) / 60

    @property
    def beginn_zeitpunkt(self) -> datetime.datetime:
        """Start as an aware datetime in the site's time zone (Europe/Berlin)."""
        return datetime.datetime.combine(self.datum, self.beginn, tzinfo=_zeitzone())

    @property
    def ende_zeitpunkt(self) -> datetime.datetime:
        return datetime.datetime.combine(self.datum, self.ende, tzinfo=_zeitzone())

    def erfassbar(self, heute: datetime.date | None = None) -> bool:
        """Attendance can be recorded from the day of the session on (Europe/Berlin)."""
        return (heute or timezone.localdate()) >= self.datum


def _zeitzone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)
