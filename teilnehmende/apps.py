from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TeilnehmendeConfig(AppConfig):
    name = "teilnehmende"
    verbose_name = "Teilnehmende"

    def ready(self) -> None:
        post_migrate.connect(bewertungsraster_verwalten_erlauben, sender=self)


def bewertungsraster_verwalten_erlauben(app_config, using="default", **kwargs) -> None:
    """Redaktion and Administration edit the rubrics in the Wagtail admin (idempotent)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from kern.rollen import ADMINISTRATION, REDAKTION

    # This handler may run before auth's own post_migrate handler has created the permissions.
    create_permissions(app_config, verbosity=0, using=using)
    rechte = Permission.objects.using(using).filter(
        content_type__app_label="teilnehmende",
        codename__in=[
            "add_bewertungsraster",
            "change_bewertungsraster",
            "delete_bewertungsraster",
            "view_bewertungsraster",
        ],
    )
    for name in (REDAKTION, ADMINISTRATION):
        gruppe, _angelegt = Group.objects.using(using).get_or_create(name=name)
        gruppe.permissions.add(*rechte)
