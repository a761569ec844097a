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
        self._bibliothek_beobachten()

    def _bibliothek_beobachten(self) -> None:
        """Every change that can alter what the library lists or counts renews its facet table."""
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_slug_changed, page_unpublished

        from kern.models import Kreis

        from .praxis import Handlungsfeld, Kommune, Phase
        from .selectors import praxis_stand_erhoehen as erhoehen

        for signal in (page_published, page_unpublished, page_slug_changed):
            signal.connect(erhoehen, dispatch_uid=f"cms_praxis_{id(signal)}")
        post_delete.connect(_seite_geloescht, dispatch_uid="cms_praxis_geloescht")
        for modell in (PageViewRestriction, Kommune, Phase, Handlungsfeld, Kreis):
            post_save.connect(erhoehen, sender=modell, dispatch_uid=f"cms_praxis_s_{modell}")
            post_delete.connect(erhoehen, sender=modell, dispatch_uid=f"cms_praxis_d_{modell}")
        m2m_changed.connect(_zuordnung_geaendert, dispatch_uid="cms_praxis_m2m")


def _seite_geloescht(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from .selectors import praxis_stand_erhoehen

    if isinstance(instance, Page):
        praxis_stand_erhoehen()


def _zuordnung_geaendert(sender, **kwargs) -> None:
    from .praxis import Praxisbeispiel
    from .selectors import praxis_stand_erhoehen

    if sender in (Praxisbeispiel.phasen.through, Praxisbeispiel.handlungsfelder.through):
        praxis_stand_erhoehen()
