"""Wagtail admin: cohorts (Durchgänge) and their in-person sessions (Präsenztermine) as
snippets for Redaktion and Administration."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from teilnehmende.services import plaetze_nachbesetzen

from .models import Durchgang, Praesenztermin


class DurchgangViewSet(SnippetViewSet):
    model = Durchgang
    icon = "calendar"
    menu_label = _("Durchgänge")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["titel", "kurs", "beginn", "ende", "kapazitaet", "status"]
    list_filter = ["status", "kurs"]
    search_fields = ["titel"]
    search_backend_name = None  # plain ORM search; cohorts are few
    panels = [
        FieldPanel("kurs"),
        FieldPanel("titel"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("beginn"), FieldPanel("ende")]),
                FieldRowPanel([FieldPanel("anmeldung_von"), FieldPanel("anmeldung_bis")]),
            ],
            heading=_("Termine"),
        ),
        FieldPanel("kapazitaet"),
        FieldPanel("trainer", widget=forms.CheckboxSelectMultiple),
    ]


register_snippet(DurchgangViewSet)


class PraesenzterminViewSet(SnippetViewSet):
    model = Praesenztermin
    icon = "date"
    menu_label = _("Präsenztermine")
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["titel", "durchgang", "datum", "beginn", "ende", "ort"]
    list_filter = ["durchgang"]
    search_fields = ["titel", "ort"]
    search_backend_name = None
    ordering = ["-datum", "beginn"]
    panels = [
        FieldPanel("durchgang"),
        FieldPanel("modul"),
        FieldPanel("titel"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("datum"), FieldPanel("beginn"), FieldPanel("ende")])],
            heading=_("Zeit"),
        ),
        MultiFieldPanel(
            [FieldPanel("ort"), FieldPanel("online_link")],
            heading=_("Ort"),
        ),
        FieldRowPanel([FieldPanel("unterrichtseinheiten"), FieldPanel("stunden")]),
        FieldPanel("schwerpunkte"),
        FieldPanel("trainer", widget=forms.CheckboxSelectMultiple),
    ]


register_snippet(PraesenzterminViewSet)

TERMIN_MIT_ANWESENHEIT = _(
    "Der Präsenztermin „{titel}“ kann nicht gelöscht werden: Für ihn ist bereits Anwesenheit "
    "erfasst (Nachweis für den ESF)."
)


@hooks.register("before_delete_snippet")
def termine_mit_anwesenheit_behalten(request, instances):
    """Attendance is ESF proof: a session with records stays (the database protects it too)."""
    geschuetzt = [
        termin
        for termin in instances
        if isinstance(termin, Praesenztermin) and termin.anwesenheiten.exists()
    ]
    if not geschuetzt:
        return None
    for termin in geschuetzt:
        messages.error(request, str(TERMIN_MIT_ANWESENHEIT).format(titel=termin.titel))
    return redirect("wagtailsnippets_kurse_praesenztermin:list")


@hooks.register("after_edit_snippet")
def plaetze_nach_bearbeitung(request, instance):
    """More seats or a re-published cohort: waiting people move up at once."""
    if isinstance(instance, Durchgang):
        plaetze_nachbesetzen(durchgang=instance)


@hooks.register("before_serve_document")
def kursmaterial_pruefen(dokument, request):
    """Course material only for the course's people (kurse/dokumente.py); other documents pass."""
    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    from .dokumente import ist_kursmaterial

    if not ist_kursmaterial(dokument):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("kurse.kursmaterial_herunterladen", dokument):
        raise PermissionDenied
    return None
