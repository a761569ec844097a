from django.apps import AppConfig


class TeilnehmendeConfig(AppConfig):
    name = "teilnehmende"
    verbose_name = "Teilnehmende"
