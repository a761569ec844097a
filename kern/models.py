from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Nutzer(AbstractUser):
    """The login is the e-mail address (allauth); username stays for Wagtail and the admin."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)

    class Meta:
        verbose_name = _("Nutzer/in")
        verbose_name_plural = _("Nutzer/innen")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Kreis(models.Model):
    """A district of NRW (Kreis, Städteregion or kreisfreie Stadt), loaded from kern/daten/."""

    schluessel = models.CharField(_("Kreisschlüssel"), max_length=5, unique=True)
    name = models.CharField(_("Name"), max_length=100)
    art = models.CharField(_("Art"), max_length=40)
    regierungsbezirk = models.CharField(_("Regierungsbezirk"), max_length=40)

    class Meta:
        verbose_name = _("Kreis")
        verbose_name_plural = _("Kreise und kreisfreie Städte")
        ordering = ["name"]

    def __str__(self) -> str:
        # "Märkischer Kreis" or "Rhein-Sieg-Kreis" carry the word already.
        if self.art != "Kreis" or "kreis" in self.name.lower():
            return self.name
        return f"Kreis {self.name}"
