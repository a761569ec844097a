from django.apps import AppConfig


class OpenbadgesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openbadges"
    verbose_name = "Open Badges"

    def ready(self) -> None:
        from . import checks, datenschutz  # noqa: F401
