from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KernConfig(AppConfig):
    name = "kern"
    verbose_name = "Kern: Konten und Rollen"

    def ready(self) -> None:
        from . import rollen

        post_migrate.connect(rollen.berechtigungen_einrichten_nach_migration, sender=self)
