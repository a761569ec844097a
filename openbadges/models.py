"""Open Badges 3.0 credentials of certificates and the status lists that can revoke them."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bitstring import MINDESTLAENGE


class Statusliste(models.Model):
    """One W3C Bitstring Status List (purpose "revocation"), published at
    /zertifikate/openbadges/status/<pk>. The bits are derived from the certificates' states; the
    signed list credential is cached here and re-signed when a bit changed."""

    laenge = models.PositiveIntegerField(_("Anzahl Bits"), default=MINDESTLAENGE)
    credential = models.JSONField(_("Signierte Statusliste"), null=True, blank=True)
    kodierte_liste = models.TextField(_("encodedList der signierten Fassung"), blank=True)
    signiert_mit = models.CharField(_("Schlüssel"), max_length=80, blank=True)
    signiert_am = models.DateTimeField(_("Signiert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open-Badges-Statusliste")
        verbose_name_plural = _("Open-Badges-Statuslisten")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Statusliste {self.pk}"


class OpenBadge(models.Model):
    """The Open Badges credential of one certificate: its place in a status list (one per
    certificate, so a re-issued certificate gets a new index) and the signed credential as first
    handed out. Credential and salt are deleted with the account; the row (index) stays so the
    holder's copy can still be checked for revocation."""

    zertifikat = models.OneToOneField(
        "zertifikate.Zertifikat",
        on_delete=models.PROTECT,
        related_name="openbadge",
        verbose_name=_("Zertifikat"),
    )
    statusliste = models.ForeignKey(
        Statusliste, on_delete=models.PROTECT, related_name="eintraege", verbose_name=_("Liste")
    )
    index = models.PositiveIntegerField(_("Index in der Statusliste"))
    credential = models.JSONField(_("Signierter Nachweis"), null=True, blank=True)
    salz = models.CharField(_("Salz des E-Mail-Hashes"), max_length=64, blank=True)
    schluessel = models.CharField(_("Signiert mit Schlüssel"), max_length=80, blank=True)
    erstellt_am = models.DateTimeField(_("Erstellt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Open Badge")
        verbose_name_plural = _("Open Badges")
        ordering = ["-erstellt_am", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["statusliste", "index"], name="ein_badge_je_index")
        ]

    def __str__(self) -> str:
        return f"Open Badge {self.zertifikat_id} (Index {self.index})"
