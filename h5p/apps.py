from django.apps import AppConfig
from django.db.models.signals import post_migrate


class H5pConfig(AppConfig):
    name = "h5p"
    verbose_name = "H5P-Aktivitäten"

    def ready(self) -> None:
        post_migrate.connect(pakete_verwalten_erlauben, sender=self)


def pakete_verwalten_erlauben(app_config, using="default", **kwargs) -> None:
    """The groups in H5P_REDAKTIONSGRUPPEN upload and view packages (idempotent).

    Changing a package is not offered: it is content-addressed; a new version is a new upload.
    Deleting is not offered either: lessons and the kept xAPI statements refer to it.
    """
    from django.conf import settings
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0, using=using)
    rechte = Permission.objects.using(using).filter(
        content_type__app_label="h5p",
        codename__in=["add_h5ppaket", "view_h5ppaket"],
    )
    for name in settings.H5P_REDAKTIONSGRUPPEN:
        gruppe, _angelegt = Group.objects.using(using).get_or_create(name=name)
        gruppe.permissions.add(*rechte)
