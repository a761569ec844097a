"""Certificates (one per enrolment; a re-issue replaces the old one) and bulk jobs per cohort."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .speicher import zertifikat_speicher


class Zertifikat(models.Model):
    """Issued exactly once per enrolment; name and course are kept as issued, so the public
    verification still works after the account has been anonymised."""

    class Status(models.TextChoices):
        GUELTIG = "gueltig", _("gültig")
        WIDERRUFEN = "widerrufen", _("widerrufen")
        ERSETZT = "ersetzt", _("ersetzt")

    anmeldung = models.ForeignKey(
        "teilnehmende.Anmeldung",
        on_delete=models.PROTECT,
        related_name="zertifikate",
        verbose_name=_("Anmeldung"),
    )
    nummer = models.CharField(_("Zertifikatsnummer"), max_length=40, unique=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.GUELTIG
    )
    ausgestellt_am = models.DateTimeField(_("Ausgestellt am"), default=timezone.now)
    inhaber_name = models.CharField(_("Name der Inhaberin / des Inhabers"), max_length=300)
    kurs_titel = models.CharField(_("Kurs"), max_length=255)

    widerrufen_am = models.DateTimeField(_("Widerrufen am"), null=True, blank=True)
    widerrufen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Widerrufen von"),
    )
    widerruf_grund = models.TextField(_("Grund des Widerrufs"), blank=True)

    ersetzt_durch = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ersetzt_zertifikat",
        verbose_name=_("Ersetzt durch"),
    )
    ersetzt_am = models.DateTimeField(_("Ersetzt am"), null=True, blank=True)
    ersetzt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Neu ausgestellt von"),
    )
    ersetzt_grund = models.TextField(_("Grund der Neuausstellung"), blank=True)

    pdf = models.FileField(
        _("PDF"), storage=zertifikat_speicher, upload_to="zertifikate/", blank=True
    )
    pdf_erstellt_am = models.DateTimeField(_("PDF erstellt am"), null=True, blank=True)
    pruefungen = models.PositiveIntegerField(_("Anzahl Online-Prüfungen"), default=0)

    class Meta:
        verbose_name = _("Zertifikat")
        verbose_name_plural = _("Zertifikate")
        ordering = ["-ausgestellt_am", "-pk"]
        constraints = [
            # Exactly one certificate per enrolment that is not replaced by a re-issue.
            models.UniqueConstraint(
                fields=["anmeldung"],
                condition=~Q(status="ersetzt"),
                name="ein_zertifikat_je_anmeldung",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer} ({self.inhaber_name})"

    @property
    def gueltig(self) -> bool:
        return self.status == self.Status.GUELTIG


class Stapelauftrag(models.Model):
    """An admin's "Zertifikate für Durchgang erzeugen": progress of the Celery tasks."""

    class Status(models.TextChoices):
        LAEUFT = "laeuft", _("läuft")
        FERTIG = "fertig", _("fertig")

    durchgang = models.ForeignKey(
        "kurse.Durchgang",
        on_delete=models.CASCADE,
        related_name="zertifikat_auftraege",
        verbose_name=_("Durchgang"),
    )
    gestartet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Gestartet von"),
    )
    gestartet_am = models.DateTimeField(_("Gestartet am"), default=timezone.now)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.LAEUFT
    )
    gesamt = models.PositiveIntegerField(_("Zertifikate insgesamt"), null=True, blank=True)
    erledigt = models.PositiveIntegerField(_("Erledigt"), default=0)
    fehlgeschlagen = models.PositiveIntegerField(_("Fehlgeschlagen"), default=0)
    beendet_am = models.DateTimeField(_("Beendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Zertifikats-Stapelauftrag")
        verbose_name_plural = _("Zertifikats-Stapelaufträge")
        ordering = ["-gestartet_am", "-pk"]

    def __str__(self) -> str:
        return f"{self.durchgang} – {self.gestartet_am:%d.%m.%Y %H:%M}"

    @property
    def prozent(self) -> int:
        if not self.gesamt:
            return 100 if self.status == self.Status.FERTIG else 0
        return min(100, (self.erledigt + self.fehlgeschlagen) * 100 // self.gesamt)
