"""Wagtail admin: the rubric of each course (Bewertungsraster) as a snippet for the editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Bewertungsraster


class BewertungsrasterViewSet(SnippetViewSet):
    model = Bewertungsraster
    icon = "list-ul"
    menu_label = _("Bewertungsraster")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["kurs", "bestehensgrenze"]
    search_backend_name = None
    panels = [
        FieldPanel("kurs"),
        FieldPanel("bestehensgrenze"),
        FieldPanel("hinweise"),
        InlinePanel(
            "kriterien",
            heading=_("Kriterien"),
            label=_("Kriterium"),
            min_num=1,
            panels=[FieldPanel("titel"), FieldPanel("beschreibung"), FieldPanel("max_punkte")],
        ),
    ]


register_snippet(BewertungsrasterViewSet)
