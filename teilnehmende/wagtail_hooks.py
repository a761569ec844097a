"""Wagtail admin: the rubric of each course (Bewertungsraster) as a snippet for the editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RASTER_GRENZE_ZU_HOCH, Bewertungsraster


class BewertungsrasterForm(WagtailAdminModelForm):
    """The pass mark is checked against the criteria being saved with it (the model's own
    clean() only sees criteria already stored)."""

    def clean(self):
        daten = super().clean()
        kriterien = self.formsets.get("kriterien")
        grenze = daten.get("bestehensgrenze")
        if kriterien is None or grenze is None or not kriterien.is_valid():
            return daten
        summe = sum(
            form.cleaned_data.get("max_punkte") or 0
            for form in kriterien.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        if summe and grenze > summe:
            self.add_error("bestehensgrenze", RASTER_GRENZE_ZU_HOCH % {"summe": summe})
        return daten


class BewertungsrasterViewSet(SnippetViewSet):
    model = Bewertungsraster
    icon = "list-ul"
    menu_label = _("Bewertungsraster")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["kurs", "bestehensgrenze"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
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
        ],
        base_form_class=BewertungsrasterForm,
    )


register_snippet(BewertungsrasterViewSet)
