"""Enrolment in a cohort (questionnaire + consent) and cancelling it, below /mein-lernen/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from kurse.models import Durchgang

from . import einwilligung
from .forms import AnmeldeForm, EinwilligungForm
from .models import Anmeldung
from .selectors import anmeldung_fuer, mit_platzzahlen, wartelisten_position
from .services import (
    ANMELDUNG_DOPPELT,
    ANMELDUNG_GESCHLOSSEN,
    STORNO_NICHT_MOEGLICH,
    anmeldung_erstellen,
    anmeldung_stornieren,
)

ANMELDUNG_BESTAETIGT = _("Ihre Anmeldung ist bestätigt. Die Lektionen stehen Ihnen jetzt offen.")
ANMELDUNG_WARTELISTE = _(
    "Der Durchgang ist ausgebucht. Sie stehen auf Platz {position} der Warteliste und werden "
    "per E-Mail benachrichtigt, sobald ein Platz frei wird."
)
ANMELDUNG_STORNIERT = _("Ihre Anmeldung für „{titel}“ ist storniert.")


@login_required
def anmelden(request, durchgang_id: int):
    durchgang = get_object_or_404(
        mit_platzzahlen(
            Durchgang.objects.select_related("kurs").filter(
                status=Durchgang.Status.VEROEFFENTLICHT, kurs__live=True
            )
        ),
        pk=durchgang_id,
    )
    if not request.user.has_perm("teilnehmende.anmelden", durchgang):
        raise PermissionDenied
    vorhanden = anmeldung_fuer(nutzer=request.user, durchgang=durchgang)
    if vorhanden is not None and vorhanden.status != Anmeldung.Status.ABGEBROCHEN:
        messages.info(request, ANMELDUNG_DOPPELT)
        return redirect("kurse:mein_lernen")

    form = AnmeldeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and durchgang.anmeldung_offen() and form.is_valid():
        try:
            anmeldung = anmeldung_erstellen(
                nutzer=request.user,
                durchgang=durchgang,
                eintrittsdaten=form.eintrittsdaten(),
                einwilligung_textversion=form.cleaned_data["einwilligung_textversion"],
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
        else:
            if anmeldung.status == Anmeldung.Status.BESTAETIGT:
                messages.success(request, ANMELDUNG_BESTAETIGT)
            else:
                position = wartelisten_position(anmeldung=anmeldung)
                messages.info(request, str(ANMELDUNG_WARTELISTE).format(position=position))
            return redirect("kurse:mein_lernen")
    return render(
        request,
        "teilnehmende/anmelden.html",
        {
            "durchgang": durchgang,
            "form": form,
            "offen": durchgang.anmeldung_offen(),
            "geschlossen_meldung": ANMELDUNG_GESCHLOSSEN,
            "frei": max(durchgang.kapazitaet - durchgang.belegt, 0),
            "einwilligung_text": einwilligung.TEXT,
        },
    )


@login_required
def stornieren(request, pk: int):
    anmeldung = get_object_or_404(
        Anmeldung.objects.select_related("durchgang", "durchgang__kurs"), pk=pk
    )
    if not request.user.has_perm("teilnehmende.anmeldung_stornieren", anmeldung):
        raise PermissionDenied
    if request.method == "POST":
        try:
            anmeldung_stornieren(anmeldung=anmeldung)
        except ValidationError as fehler:
            messages.error(request, fehler.messages[0])
        else:
            messages.success(
                request, str(ANMELDUNG_STORNIERT).format(titel=anmeldung.durchgang.kurs.title)
            )
        return redirect("kurse:mein_lernen")
    return render(
        request,
        "teilnehmende/stornieren.html",
        {"anmeldung": anmeldung, "nicht_moeglich": STORNO_NICHT_MOEGLICH},
    )


@login_required
def einwilligung_erneuern(request):
    """Shows the current consent text; agreeing records it with its version and time."""
    form = EinwilligungForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            einwilligung.einwilligung_bestaetigen(
                nutzer=request.user, textversion=form.cleaned_data["einwilligung_textversion"]
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
        else:
            request.session[einwilligung.SITZUNGSSCHLUESSEL] = einwilligung.TEXTVERSION
            messages.success(request, einwilligung.EINWILLIGUNG_ERNEUERT)
            weiter = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(
                weiter, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                weiter = reverse("kurse:mein_lernen")
            return redirect(weiter)
    return render(
        request,
        "teilnehmende/einwilligung.html",
        {
            "form": form,
            "einwilligung_text": einwilligung.TEXT,
            "textversion": einwilligung.TEXTVERSION,
        },
    )
