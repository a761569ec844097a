from django.apps import AppConfig


class H5pConfig(AppConfig):
    name = "h5p"
    verbose_name = "H5P-Aktivitäten"
