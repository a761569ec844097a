from django.apps import AppConfig


class ZertifikateConfig(AppConfig):
    name = "zertifikate"
    verbose_name = "Zertifikate"
