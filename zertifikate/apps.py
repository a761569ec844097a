from django.apps import AppConfig


class ZertifikateConfig(AppConfig):
    name = "zertifikate"
    verbose_name = "Zertifikate"

    def ready(self) -> None:
        # Registers the completion rules and PDF lines, connects the signal receivers.
        from . import angaben, regeln, signals  # noqa: F401
