from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Nutzer(AbstractUser):
    """The login is the e-mail address (allauth); username stays for Wagtail and the admin."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    # Printed before the name on certificates and lists ("Dr.", "Prof. Dr."); optional.
    titel = models.CharField(_("Akademischer Titel"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("Nutzer/in")
        verbose_name_plural = _("Nutzer/innen")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def anzeigename(self) -> str:
        from .namen import anzeigename

        return anzeigename(self)

    @property
    def listenname(self) -> str:
        from .namen import listenname

        return listenname(self)


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


class ProtokolleintragQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Protokolleinträge werden nie geändert (nur angehängt).")


class Protokolleintrag(models.Model):
    """One sensitive action (audit log): who, when, what, on which object. Append-only: rows are
    written by `kern.protokoll.protokollieren` and never changed; only superusers may delete
    them (e.g. after their retention). Details hold ids and codes, never names or e-mails."""

    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    akteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ausgeführt von"),
    )
    betroffen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Betroffene Person"),
    )
    aktion = models.CharField(_("Aktion"), max_length=50, db_index=True)
    objekt_typ = models.CharField(_("Objekttyp"), max_length=100, blank=True)
    objekt_id = models.CharField(_("Objekt-ID"), max_length=64, blank=True)
    details = models.JSONField(_("Details"), default=dict, blank=True)

    objects = ProtokolleintragQuerySet.as_manager()

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll sensibler Aktionen")
        ordering = ["-zeitpunkt", "-id"]

    def __str__(self) -> str:
        return f"{self.zeitpunkt:%d.%m.%Y %H:%M} – {self.aktion}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Protokolleinträge werden nie geändert (nur angehängt).")
        super().save(*args, **kwargs)


class Datenexport(models.Model):
    """A ZIP with all personal data of one user (JSON + files), built by a Celery task and
    downloadable only by its owner."""

    class Status(models.TextChoices):
        ANGEFORDERT = "angefordert", _("wird erstellt")
        FERTIG = "fertig", _("bereit")
        FEHLGESCHLAGEN = "fehlgeschlagen", _("fehlgeschlagen")

    nutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="datenexporte",
        verbose_name=_("Nutzer/in"),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ANGEFORDERT
    )
    angefordert_am = models.DateTimeField(_("Angefordert am"), auto_now_add=True)
    fertig_am = models.DateTimeField(_("Fertig am"), null=True, blank=True)
    # Name in `services.export_speicher()` (PRIVATE_MEDIA_ROOT or the bucket's private prefix).
    datei = models.CharField(_("Datei"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Datenexport")
        verbose_name_plural = _("Datenexporte")
        ordering = ["-angefordert_am", "-id"]

    def __str__(self) -> str:
        return f"Datenexport {self.pk} ({self.get_status_display()})"


class AusstehendeAufgabe(models.Model):
    """Outbox: a Celery task that could not be enqueued (broker unreachable). The request that
    wanted it succeeded anyway; `kern.aufgaben.ausstehende_einstellen` (beat, every minute)
    enqueues it once the broker is back and deletes the row."""

    aufgabe = models.CharField(_("Aufgabe"), max_length=200)
    args = models.JSONField(_("Argumente"), default=list, blank=True)
    kwargs = models.JSONField(_("Schlüsselwort-Argumente"), default=dict, blank=True)
    angelegt_am = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    versuche = models.PositiveIntegerField(_("Versuche"), default=1)
    letzter_fehler = models.CharField(_("Letzter Fehler"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Ausstehende Aufgabe")
        verbose_name_plural = _("Ausstehende Aufgaben (Broker nicht erreichbar)")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.aufgabe}{tuple(self.args)}"


class FehlgeschlageneAufgabe(models.Model):
    """Dead letter: a Celery task that failed for good (after its last retry). Admins see it in
    the Django admin and can enqueue it again ("erneut ausführen")."""

    aufgabe = models.CharField(_("Aufgabe"), max_length=200, db_index=True)
    task_id = models.CharField(_("Task-ID"), max_length=255, blank=True)
    args = models.JSONField(_("Argumente"), default=list, blank=True)
    kwargs = models.JSONField(_("Schlüsselwort-Argumente"), default=dict, blank=True)
    ausnahme = models.CharField(_("Ausnahme"), max_length=500)
    traceback = models.TextField(_("Traceback"), blank=True)
    wiederholungen = models.PositiveIntegerField(_("Wiederholungen vor dem Fehlschlag"), default=0)
    zeitpunkt = models.DateTimeField(_("Fehlgeschlagen am"), auto_now_add=True, db_index=True)
    erneut_eingestellt_am = models.DateTimeField(_("Erneut eingestellt am"), null=True, blank=True)
    erneut_eingestellt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Erneut eingestellt von"),
    )

    class Meta:
        verbose_name = _("Fehlgeschlagene Aufgabe")
        verbose_name_plural = _("Fehlgeschlagene Aufgaben")
        ordering = ["-zeitpunkt", "-id"]

    def __str__(self) -> str:
        return f"{self.aufgabe}{tuple(self.args)} – {self.ausnahme[:60]}"
