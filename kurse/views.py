"""Learner dashboard, lesson completion and the trainer's cohort views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import PermissionRequiredMixin as RollenPermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from zertifikate.selectors import zertifikate_anhaengen

from .models import Durchgang, LektionSeite
from .selectors import (
    darf_anmelden,
    dashboard_fuer,
    durchgaenge_fuer_trainer,
    durchgang_uebersicht,
)
from .services import lektion_abschliessen

LEKTION_ERLEDIGT = _("Die Lektion „{titel}“ ist als erledigt markiert.")
LEKTION_MIT_H5P = _(
    "Die Lektion „{titel}“ wird erledigt, sobald Sie ihre H5P-Aktivität gelöst haben."
)


@login_required
def mein_lernen(request):
    dashboard = dashboard_fuer(nutzer=request.user)
    zertifikate_anhaengen(dashboard.eintraege, nutzer=request.user)
    from esf.selectors import offene_austritte

    return render(
        request,
        "kurse/mein_lernen.html",
        {
            "dashboard": dashboard,
            "darf_anmelden": darf_anmelden(request.user),
            # Ended enrolments still lacking the ESF exit questionnaire (esf/).
            "offene_austritte": offene_austritte(nutzer=request.user),
        },
    )


@require_POST
@login_required
def lektion_erledigt(request, pk: int):
    lektion = get_object_or_404(LektionSeite.objects.live().defer_streamfields(), pk=pk)
    if not request.user.has_perm("kurse.lektion_abschliessen", lektion):
        raise PermissionDenied
    if lektion.hat_h5p_aktivitaet:
        messages.error(request, str(LEKTION_MIT_H5P).format(titel=lektion.title))
        return redirect(lektion.get_url(request))
    lektion_abschliessen(nutzer=request.user, lektion=lektion)
    messages.success(request, str(LEKTION_ERLEDIGT).format(titel=lektion.title))
    return redirect(lektion.get_url(request))


class TrainerStartView(RollenPermissionRequiredMixin, TemplateView):
    permission_required = "kern.trainerbereich"
    template_name = "kurse/trainer_start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["durchgaenge"] = durchgaenge_fuer_trainer(nutzer=self.request.user)
        return context


class TrainerDurchgangView(PermissionRequiredMixin, DetailView):
    """One cohort's participants with their progress; only its trainers and admins."""

    permission_required = "kurse.durchgang_betreuen"
    queryset = Durchgang.objects.select_related("kurs")
    template_name = "kurse/trainer_durchgang.html"
    context_object_name = "durchgang"

    def get_object(self, queryset=None):
        # The permission check and the view share one lookup.
        if not hasattr(self, "_durchgang"):
            self._durchgang = super().get_object(queryset)
        return self._durchgang

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["uebersicht"] = durchgang_uebersicht(durchgang=self.object)
        return context
