from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Inhalte und Praxisbeispiele"

    def ready(self) -> None:
        from .berechtigungen import redaktionsrechte_einrichten

        # No sender: this receiver is connected before auth's create_permissions, so for the
        # cms signal itself our permissions do not exist yet; a later app's signal finds them.
        post_migrate.connect(redaktionsrechte_einrichten, dispatch_uid="cms_redaktionsrechte")
