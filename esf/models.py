"""ESF Plus data after entry: the exit record of an enrolment and the six-month follow-up.

The entry questionnaire (`teilnehmende.Eintrittsdaten`) refers to the day of entry; these refer
to the day of leaving and to six months after it (Regulation (EU) 2021/1057, Annex I: the common
immediate and longer-term result indicators).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilnehmende.models import Erwerbsstatus


class JaNein(models.TextChoices):
    JA = "ja", _("ja")
    NEIN = "nein", _("nein")
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


class Abbruchgrund(models.TextChoices):
    ARBEIT = "arbeit", _("berufliche Gründe (Arbeitsbelastung, neue Stelle)")
    FAMILIE = "familie", _("familiäre oder gesundheitliche Gründe")
    INHALT = "inhalt", _("Der Kurs passte nicht zu meinen Erwartungen.")
    ORGANISATION = "organisation", _("Termine oder Organisation des Kurses")
    SONSTIGES = "sonstiges", _("sonstige Gründe")
    KEINE_ANGABE = "keine_angabe", _("keine Angabe")


class Erhebung(models.TextChoices):
    """Whether a record was answered or could not be obtained (recorded by staff)."""

    AUSGEFUELLT = "ausgefuellt", _("ausgefüllt")
    NICHT_ERHEBBAR = "nicht_erhebbar", _("nicht erhebbar")


class Austrittsdaten(models.Model):
    """ESF exit record of an enrolment that ended (certificate, drop-out, cancelled after start)."""

    class Art(models.TextChoices):
        ABSCHLUSS = "abschluss", _("Abschluss")
        ABBRUCH = "abbruch", _("Abbruch")

    anmeldung = models.OneToOneField(
        "teilnehmende.Anmeldung",
        on_delete=models.CASCADE,
        related_name="austrittsdaten",
        verbose_name=_("Anmeldung"),
    )
    austrittstag = models.DateField(_("Tag des Austritts"))
    art = models.CharField(_("Art des Austritts"), max_length=20, choices=Art.choices)
    erhebung = models.CharField(
        _("Erhebung"), max_length=20, choices=Erhebung.choices, default=Erhebung.AUSGEFUELLT
    )
    erwerbsstatus = models.CharField(
        _("Erwerbsstatus beim Austritt"), max_length=30, choices=Erwerbsstatus.choices, blank=True
    )
    in_bildung = models.CharField(
        _("In schulischer oder beruflicher Bildung beim Austritt"),
        max_length=20,
        choices=JaNein.choices,
        blank=True,
    )
    # Filled from the certificate, never asked: a valid certificate is the qualification.
    qualifikation = models.BooleanField(_("Qualifikation beim Austritt erlangt"), default=False)
    abbruchgrund = models.CharField(
        _("Grund des Abbruchs"), max_length=20, choices=Abbruchgrund.choices, blank=True
    )
    nicht_erhebbar_grund = models.CharField(_("Warum nicht erhebbar"), max_length=500, blank=True)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Erfasst von"),
    )
    erfasst_am = models.DateTimeField(_("Erfasst am"), default=timezone.now)

    class Meta:
        verbose_name = _("Austrittsdaten (ESF)")
        verbose_name_plural = _("Austrittsdaten (ESF)")

    def __str__(self) -> str:
        return str(_("Austrittsdaten vom {tag}")).format(tag=self.austrittstag.strftime("%d.%m.%Y"))


class Verbleib(models.Model):
    """Six-month follow-up of one enrolment: invitation, reminder and the answers."""

    anmeldung = models.OneToOneField(
        "teilnehmende.Anmeldung",
        on_delete=models.CASCADE,
        related_name="verbleib",
        verbose_name=_("Anmeldung"),
    )
    austrittstag = models.DateField(_("Tag des Austritts"))
    eingeladen_am = models.DateTimeField(_("Eingeladen am"), null=True, blank=True)
    erinnert_am = models.DateTimeField(_("Erinnert am"), null=True, blank=True)
    beantwortet_am = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)
    erhebung = models.CharField(_("Erhebung"), max_length=20, choices=Erhebung.choices, blank=True)
    nicht_erhebbar_grund = models.CharField(_("Warum nicht erhebbar"), max_length=500, blank=True)
    erwerbsstatus = models.CharField(
        _("Erwerbsstatus sechs Monate nach dem Austritt"),
        max_length=30,
        choices=Erwerbsstatus.choices,
        blank=True,
    )
    # ESF+ "improved labour market situation": from precarious to non-precarious employment, from
    # under-employment to full employment, or a job needing higher skills / more responsibility.
    mehr_verantwortung = models.BooleanField(
        _("Höher qualifizierte Tätigkeit oder mehr Verantwortung"), default=False
    )
    unbefristet = models.BooleanField(_("Unbefristet statt befristet beschäftigt"), default=False)
    mehr_stunden = models.BooleanField(
        _("Mehr Arbeitsstunden (z. B. Vollzeit statt ungewollter Teilzeit)"), default=False
    )

    class Meta:
        verbose_name = _("Verbleib nach sechs Monaten (ESF)")
        verbose_name_plural = _("Verbleib nach sechs Monaten (ESF)")
        indexes = [models.Index(fields=["eingeladen_am", "beantwortet_am"])]

    def __str__(self) -> str:
        return str(_("Verbleib nach dem Austritt am {tag}")).format(
            tag=self.austrittstag.strftime("%d.%m.%Y")
        )

    @property
    def verbessert(self) -> bool:
        return self.mehr_verantwortung or self.unbefristet or self.mehr_stunden


class VerbleibLink(models.Model):
    """A personal follow-up link: only the SHA-256 of its token is stored."""

    class Art(models.TextChoices):
        EINLADUNG = "einladung", _("Einladung")
        ERINNERUNG = "erinnerung", _("Erinnerung")

    verbleib = models.ForeignKey(
        Verbleib, on_delete=models.CASCADE, related_name="links", verbose_name=_("Verbleib")
    )
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    token_hash = models.CharField(_("Prüfsumme des Tokens"), max_length=64, unique=True)
    gesendet_am = models.DateTimeField(_("Gesendet am"))
    gueltig_bis = models.DateTimeField(_("Gültig bis"))

    class Meta:
        verbose_name = _("Verbleib-Link")
        verbose_name_plural = _("Verbleib-Links")
        constraints = [models.UniqueConstraint(fields=["verbleib", "art"], name="ein_link_je_art")]

    def __str__(self) -> str:
        return f"{self.get_art_display()} ({self.gesendet_am:%d.%m.%Y})"
