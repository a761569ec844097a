from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KernConfig(AppConfig):
    name = "kern"
    verbose_name = "Kern: Konten und Rollen"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import aufgaben, rollen, signals, sites  # noqa: F401 - signal handlers

        # Each app registers its personal data in its own datenschutz.py (kern/datenschutz.py).
        autodiscover_modules("datenschutz")

        post_migrate.connect(rollen.berechtigungen_einrichten_nach_migration, sender=self)
        post_migrate.connect(sites.site_abgleichen, sender=self)
