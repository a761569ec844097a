"""Thin views of the exit questionnaire, the follow-up link, the trainer list and completeness."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kurse.models import Durchgang
from teilnehmende.models import Anmeldung

from .forms import AustrittForm, NichtErhebbarForm, VerbleibForm
from .models import Austrittsdaten
from .selectors import austritte_des_durchgangs, vollstaendigkeit
from .services import (
    AUSTRITT_NICHT_FAELLIG,
    VerbleibLinkFehler,
    austritt_faellig,
    austritt_nicht_erhebbar,
    austritt_speichern,
    verbleib_beantworten,
    verbleib_einladungen_senden,
    verbleib_zum_link,
)

AUSTRITT_GESPEICHERT = _("Vielen Dank. Ihre Angaben zum Austritt sind gespeichert.")
VERBLEIB_GESPEICHERT = _("Vielen Dank für Ihre Antworten. Sie sind gespeichert.")
NICHT_ERHEBBAR_GESPEICHERT = _("Die Austrittsdaten sind als „nicht erhebbar“ vermerkt.")
EINLADUNGEN_GESENDET = _("{einladungen} Einladung(en) und {erinnerungen} Erinnerung(en) versendet.")


def _fehler_in_formular(form, fehler: ValidationError) -> None:
    for meldung in fehler.messages:
        form.add_error(None, meldung)


@login_required
def austritt(request, pk: int):
    """The participant's exit questionnaire: only the person of the enrolment (admins too are
    refused: the answers are the participant's own)."""
    anmeldung = get_object_or_404(
        Anmeldung.objects.select_related("durchgang__kurs", "austrittsdaten"), pk=pk
    )
    if not rules.test_rule("esf.austritt_ausfuellen", request.user, anmeldung):
        raise PermissionDenied
    faellig = austritt_faellig(anmeldung)
    abbruch = anmeldung.status == Anmeldung.Status.ABGEBROCHEN
    vorher = getattr(anmeldung, "austrittsdaten", None)
    anfang = None
    if vorher and vorher.erwerbsstatus:
        anfang = {
            "erwerbsstatus": vorher.erwerbsstatus,
            "in_bildung": vorher.in_bildung,
            "abbruchgrund": vorher.abbruchgrund,
        }
    form = AustrittForm(
        request.POST if request.method == "POST" else None, initial=anfang, abbruch=abbruch
    )
    if request.method == "POST" and faellig and form.is_valid():
        try:
            austritt_speichern(anmeldung=anmeldung, nutzer=request.user, **form.cleaned_data)
        except ValidationError as fehler:
            _fehler_in_formular(form, fehler)
        else:
            messages.success(request, AUSTRITT_GESPEICHERT)
            return redirect("kurse:mein_lernen")
    return render(
        request,
        "esf/austritt.html",
        {
            "anmeldung": anmeldung,
            "form": form,
            "faellig": faellig,
            "nicht_faellig": AUSTRITT_NICHT_FAELLIG,
            "qualifikation": vorher.qualifikation if vorher else None,
        },
    )


@login_required
def austritte(request, pk: int):
    """Trainers of the cohort and admins: which exit records are missing."""
    durchgang = get_object_or_404(Durchgang.objects.select_related("kurs"), pk=pk)
    if not request.user.has_perm("esf.austritte_verwalten", durchgang):
        raise PermissionDenied
    return render(
        request,
        "esf/austritte.html",
        {
            "durchgang": durchgang,
            "anmeldungen": austritte_des_durchgangs(durchgang=durchgang),
            "form": NichtErhebbarForm(),
            "erhebung": Austrittsdaten,
        },
    )


@require_POST
@login_required
def nicht_erhebbar(request, pk: int):
    anmeldung = get_object_or_404(Anmeldung.objects.select_related("durchgang"), pk=pk)
    if not request.user.has_perm("esf.austritte_verwalten", anmeldung.durchgang):
        raise PermissionDenied
    form = NichtErhebbarForm(request.POST)
    if form.is_valid():
        try:
            austritt_nicht_erhebbar(
                anmeldung=anmeldung, grund=form.cleaned_data["grund"], nutzer=request.user
            )
        except ValidationError as fehler:
            for meldung in fehler.messages:
                messages.error(request, meldung)
        else:
            messages.success(request, NICHT_ERHEBBAR_GESPEICHERT)
    else:
        for liste in form.errors.values():
            for meldung in liste:
                messages.error(request, meldung)
    return redirect("esf_trainer:austritte", anmeldung.durchgang_id)


@never_cache
def verbleib(request, token: str):
    """The personal follow-up link: no login; shows no answers, only the form, once."""
    try:
        eintrag = verbleib_zum_link(token=token)
    except VerbleibLinkFehler as fehler:
        return render(
            request, "esf/verbleib.html", {"fehler": fehler.meldung}, status=fehler.status
        )
    form = VerbleibForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            verbleib_beantworten(token=token, **form.cleaned_data)
        except VerbleibLinkFehler as fehler:
            return render(
                request, "esf/verbleib.html", {"fehler": fehler.meldung}, status=fehler.status
            )
        except ValidationError as fehler:
            _fehler_in_formular(form, fehler)
        else:
            return render(request, "esf/verbleib.html", {"danke": VERBLEIB_GESPEICHERT})
    return render(request, "esf/verbleib.html", {"form": form, "verbleib": eintrag})


@login_required
def vollstaendigkeit_ansehen(request):
    if not request.user.has_perm("esf.vollstaendigkeit"):
        raise PermissionDenied
    return render(request, "esf/vollstaendigkeit.html", {"kohorten": vollstaendigkeit()})


@require_POST
@login_required
def einladungen_senden(request):
    if not request.user.has_perm("esf.vollstaendigkeit"):
        raise PermissionDenied
    ergebnis = verbleib_einladungen_senden()
    messages.success(
        request,
        str(EINLADUNGEN_GESENDET).format(
            einladungen=len(ergebnis["einladungen"]), erinnerungen=len(ergebnis["erinnerungen"])
        ),
    )
    return redirect("vollstaendigkeit:start")
