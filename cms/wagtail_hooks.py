"""Admin registration of the good-practice library's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kern.models import Kreis

from .praxis import Handlungsfeld, Kommune, Phase, Praxisbeispiel


class PraxisbeispielListe(PageListingViewSet):
    """All examples in one flat list (with filters), the first entry of the menu group: the
    pages themselves live below the library page in the tree."""

    model = Praxisbeispiel
    icon = "doc-full-inverse"
    menu_label = _("Alle Praxisbeispiele")
    name = "praxisbeispiele"


class KommuneViewSet(SnippetViewSet):
    model = Kommune
    icon = "home"
    menu_label = _("Kommunen")
    list_display = ["name", "kreis"]
    list_filter = ["kreis"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]


class KreisViewSet(SnippetViewSet):
    """The official list of NRW districts (loaded by kern's migration): read-mostly."""

    model = Kreis
    icon = "site"
    menu_label = _("Kreise")
    list_display = ["name", "art", "regierungsbezirk", "schluessel"]
    list_filter = ["art", "regierungsbezirk"]
    search_fields = ["name", "schluessel"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        FieldPanel("name"),
        FieldPanel("schluessel"),
        FieldPanel("art"),
        FieldPanel("regierungsbezirk"),
    ]


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Phasen")
    list_display = ["name", "schluessel", "reihenfolge"]


class HandlungsfeldViewSet(SnippetViewSet):
    model = Handlungsfeld
    icon = "tag"
    menu_label = _("Handlungsfelder")
    list_display = ["name", "schluessel", "reihenfolge"]


class PraxisTaxonomieGruppe(SnippetViewSetGroup):
    menu_label = _("Praxisbeispiele")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PraxisbeispielListe, KommuneViewSet, KreisViewSet, PhaseViewSet, HandlungsfeldViewSet)


register_snippet(PraxisTaxonomieGruppe)
