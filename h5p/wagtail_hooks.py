"""Wagtail admin: H5P packages as a snippet (upload, list, detail with preview) for editors."""

from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, InspectView, SnippetViewSet

from .forms import H5PPaketForm
from .models import H5PPaket


class PaketHochladenView(CreateView):
    def save_instance(self):
        paket = self.form.save()
        log(paket, "wagtail.create", user=self.request.user)
        return paket


class PaketDetailView(InspectView):
    template_name = "h5p/admin/paket_detail.html"

    def get_groesse_display_value(self):
        return filesizeformat(self.object.groesse)

    def get_bibliotheken_display_value(self):
        return ", ".join(self.object.bibliotheken)

    def get_hochgeladen_von_display_value(self):
        nutzer = self.object.hochgeladen_von
        if nutzer is None:
            return _("unbekannt (z. B. per Kommando oder Demo angelegt)")
        return nutzer.get_full_name() or nutzer.email

    def get_hochgeladen_am_display_value(self):
        # In the site's time zone (Europe/Berlin), as the listing shows it.
        return date_format(timezone.localtime(self.object.hochgeladen_am), "DATETIME_FORMAT")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vorschau_url"] = reverse("h5p:vorschau", args=[self.object.pk, "h5p.json"])
        return context


class H5PPaketViewSet(SnippetViewSet):
    model = H5PPaket
    icon = "pick"
    menu_label = _("H5P-Pakete")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = PaketHochladenView
    inspect_view_class = PaketDetailView
    inspect_view_enabled = True
    inspect_view_fields = [
        "titel",
        "hauptbibliothek",
        "bibliotheken",
        "groesse",
        "anzahl_dateien",
        "dateiname",
        "hochgeladen_von",
        "hochgeladen_am",
        "sha256",
    ]
    list_display = ["titel", "hauptbibliothek", "hochgeladen_am"]
    search_fields = ["titel", "hauptbibliothek"]
    search_backend_name = None  # plain ORM search; packages are few
    edit_handler = ObjectList([FieldPanel("datei")], base_form_class=H5PPaketForm)


register_snippet(H5PPaketViewSet)
