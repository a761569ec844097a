from django.apps import AppConfig


class EsfConfig(AppConfig):
    name = "esf"
    verbose_name = "ESF-Austritt und Verbleib"
