"""Stored H5P packages, the xAPI statements received for them and each learner's attempt.

An activity is one package embedded in one Wagtail page (``seite``); attempts, statements and
resume state are kept per user and activity. The page's app decides who may see it and what
completing it means (see ``h5p/anbindung.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .entpacken import praefix_fuer


class H5PPaket(models.Model):
    """A validated package, extracted below ``h5p/<sha256>/`` in the private storage
    (h5p/speicher.py); its files are served only through the permission-checked views."""

    titel = models.CharField(_("Titel"), max_length=255)
    hauptbibliothek = models.CharField(_("Hauptbibliothek"), max_length=255)
    bibliotheken = models.JSONField(_("Bibliotheken"), default=list)
    groesse = models.PositiveBigIntegerField(_("Größe entpackt (Bytes)"))
    anzahl_dateien = models.PositiveIntegerField(_("Anzahl Dateien"))
    sha256 = models.CharField(_("SHA-256 des Pakets"), max_length=64, unique=True, editable=False)
    dateiname = models.CharField(_("Hochgeladene Datei"), max_length=255)
    hochgeladen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Hochgeladen von"),
    )
    hochgeladen_am = models.DateTimeField(_("Hochgeladen am"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P-Paket")
        verbose_name_plural = _("H5P-Pakete")
        ordering = ["titel", "pk"]

    def __str__(self) -> str:
        return self.titel

    @property
    def praefix(self) -> str:
        return praefix_fuer(self.sha256)


class H5PVersuch(models.Model):
    """A user's best result in one activity; the completion rule is checked against it."""

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_versuche",
        verbose_name=_("Nutzer/in"),
    )
    paket = models.ForeignKey(
        H5PPaket, on_delete=models.CASCADE, related_name="versuche", verbose_name=_("Paket")
    )
    seite = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Seite"),
    )
    abgeschlossen = models.BooleanField(_("Abgeschlossen"), default=False)
    bestanden = models.BooleanField(_("Bestanden"), default=False)
    beste_punkte = models.FloatField(_("Beste Punktzahl (0–1)"), null=True, blank=True)
    erfuellt_am = models.DateTimeField(_("Abschlussregel erfüllt am"), null=True, blank=True)
    aktualisiert_am = models.DateTimeField(_("Aktualisiert am"), auto_now=True)

    class Meta:
        verbose_name = _("H5P-Versuch")
        verbose_name_plural = _("H5P-Versuche")
        constraints = [
            models.UniqueConstraint(
                fields=["nutzer", "seite", "paket"], name="h5p_ein_versuch_je_aktivitaet"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nutzer} – {self.paket}"


class XAPIAussage(models.Model):
    """One xAPI statement exactly as the player sent it; the user is the logged-in one.

    Kept when the page goes (seite becomes empty); a package with statements cannot be deleted.
    """

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="xapi_aussagen",
        verbose_name=_("Nutzer/in"),
    )
    paket = models.ForeignKey(
        H5PPaket, on_delete=models.PROTECT, related_name="aussagen", verbose_name=_("Paket")
    )
    seite = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Seite"),
    )
    verb = models.CharField(_("Verb"), max_length=255)
    aussage = models.JSONField(_("Aussage"))
    erhalten_am = models.DateTimeField(_("Erhalten am"), default=timezone.now)

    class Meta:
        verbose_name = _("xAPI-Aussage")
        verbose_name_plural = _("xAPI-Aussagen")
        indexes = [models.Index(fields=["nutzer", "seite", "paket"], name="h5p_aussage_aktivitaet")]

    def __str__(self) -> str:
        return f"{self.nutzer} {self.verb}"


class H5PNutzerdaten(models.Model):
    """Resume state the H5P core stores per user, activity, data type and sub-content."""

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_nutzerdaten",
        verbose_name=_("Nutzer/in"),
    )
    paket = models.ForeignKey(H5PPaket, on_delete=models.CASCADE, verbose_name=_("Paket"))
    seite = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Seite")
    )
    datentyp = models.CharField(_("Datentyp"), max_length=127)
    unterinhalt = models.CharField(_("Unterinhalt"), max_length=127)
    daten = models.TextField(_("Daten"))
    vorladen = models.BooleanField(_("Vorladen"), default=False)
    aktualisiert_am = models.DateTimeField(_("Aktualisiert am"), auto_now=True)

    class Meta:
        verbose_name = _("H5P-Zwischenstand")
        verbose_name_plural = _("H5P-Zwischenstände")
        constraints = [
            models.UniqueConstraint(
                fields=["nutzer", "seite", "paket", "datentyp", "unterinhalt"],
                name="h5p_ein_zwischenstand",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nutzer} – {self.paket} ({self.datentyp})"
