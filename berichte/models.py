"""Who downloaded individual ESF records, when and with which filters."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportProtokoll(models.Model):
    class Art(models.TextChoices):
        EINZELDATEN = "einzeldaten", _("ESF-Einzeldaten (CSV)")

    # The log outlives the account; the e-mail address keeps it readable.
    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Nutzer/in"),
    )
    nutzer_email = models.EmailField(_("E-Mail-Adresse"))
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    filter = models.JSONField(_("Filter"), default=dict, blank=True)
    erstellt_am = models.DateTimeField(_("Heruntergeladen am"), default=timezone.now)

    class Meta:
        verbose_name = _("Export-Protokoll")
        verbose_name_plural = _("Export-Protokolle")
        ordering = ["-erstellt_am", "-id"]

    def __str__(self) -> str:
        return f"{self.get_art_display()} – {self.nutzer_email} ({self.erstellt_am:%d.%m.%Y %H:%M})"
