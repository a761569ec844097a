from django.apps import AppConfig


class ZertifikateConfig(AppConfig):
    name = "zertifikate"
    verbose_name = "Zertifikate"

    def ready(self) -> None:
        # Registers the lesson rule and connects the signal receivers.
        from . import regeln, signals  # noqa: F401
