from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KurseConfig(AppConfig):
    name = "kurse"
    verbose_name = "Kurse und Lernfortschritt"

    def ready(self) -> None:
        from h5p.anbindung import registrieren

        from .h5p_anbindung import einbettung_finden

        post_migrate.connect(durchgaenge_verwalten_erlauben, sender=self)
        post_migrate.connect(kursmaterial_anlegen, sender=self)
        registrieren(einbettung_finden)


def durchgaenge_verwalten_erlauben(app_config, using="default", **kwargs) -> None:
    """Redaktion and Administration manage cohorts and sessions in the Wagtail admin
    (idempotent)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from kern.rollen import ADMINISTRATION, REDAKTION

    # This handler may run before auth's own post_migrate handler has created the permissions.
    create_permissions(app_config, verbosity=0, using=using)
    rechte = Permission.objects.using(using).filter(
        content_type__app_label="kurse",
        codename__in=[
            f"{aktion}_{modell}"
            for modell in ("durchgang", "praesenztermin")
            for aktion in ("add", "change", "delete", "view")
        ],
    )
    for name in (REDAKTION, ADMINISTRATION):
        gruppe, _angelegt = Group.objects.using(using).get_or_create(name=name)
        gruppe.permissions.add(*rechte)


def kursmaterial_anlegen(app_config, using="default", **kwargs) -> None:
    """The collection "Kursmaterial" with its login restriction (kurse/dokumente.py)."""
    from .dokumente import kursmaterial_sicherstellen

    kursmaterial_sicherstellen()
