"""Final presentation: the participant's page below /mein-lernen/, the trainers' review below
/trainer/begutachtungen/, and the permission-checked file download for both."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kurse.selectors import durchgaenge_fuer_trainer

from .forms_praesentation import (
    BegutachtungsFilter,
    BegutachtungsForm,
    EinreichungsForm,
    fehler_verteilen,
)
from .models import Abschlusspraesentation, Anmeldung, Version
from .selectors_praesentation import (
    begutachtungsliste,
    bewertungsraster_fuer,
    praesentation_der_anmeldung,
    praesentationen_mit_verlauf,
)
from .services_praesentation import (
    RASTER_FEHLT,
    ZURUECKZIEHEN_ERLAUBT,
    ZURUECKZIEHEN_NICHT_MOEGLICH,
    begutachtung_beginnen,
    begutachtung_entscheiden,
    einreichen_pruefen,
    einwilligung_praxisbeispiel_aendern,
    praesentation_zurueckziehen,
    version_einreichen,
)

VERSION_EINGEREICHT = _(
    "Vielen Dank! Version {nummer} Ihrer Abschlusspräsentation ist eingereicht. Ihre "
    "Trainer/innen werden benachrichtigt."
)
ZURUECKGEZOGEN = _(
    "Ihre Abschlusspräsentation ist zurückgezogen. Sie können jederzeit eine neue Version "
    "einreichen."
)
EINWILLIGUNG_ERTEILT = _(
    "Ihre Einwilligung zur Veröffentlichung als Praxisbeispiel ist gespeichert."
)
EINWILLIGUNG_WIDERRUFEN = _(
    "Ihre Einwilligung zur Veröffentlichung als Praxisbeispiel ist widerrufen."
)
BEGUTACHTUNG_BEGONNEN = _(
    "Die Begutachtung hat begonnen. Die Teilnehmerin oder der Teilnehmer sieht den neuen Stand."
)
ENTSCHIEDEN_ANGENOMMEN = _(
    "Die Präsentation ist angenommen. Die teilnehmende Person wird per E-Mail benachrichtigt."
)
ENTSCHIEDEN_UEBERARBEITUNG = _(
    "Die Überarbeitung ist erbeten. Die teilnehmende Person wird per E-Mail benachrichtigt."
)


def _eigene_anmeldung(request, anmeldung_id: int) -> Anmeldung:
    anmeldung = get_object_or_404(
        Anmeldung.objects.select_related("durchgang__kurs", "nutzer"), pk=anmeldung_id
    )
    if not request.user.has_perm("teilnehmende.praesentation_einreichen", anmeldung):
        raise PermissionDenied
    return anmeldung


@never_cache
@login_required
def praesentation(request, anmeldung_id: int):
    """State, every version with its feedback, and the form for the (next) version."""
    anmeldung = _eigene_anmeldung(request, anmeldung_id)
    praes = praesentation_der_anmeldung(anmeldung=anmeldung)
    try:
        einreichen_pruefen(anmeldung=anmeldung)
    except ValidationError as grund:
        gesperrt = grund.messages[0]
    else:
        gesperrt = None

    form = None
    if gesperrt is None:
        form = EinreichungsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                version = version_einreichen(anmeldung=anmeldung, **form.cleaned_data)
            except ValidationError as fehler:
                fehler_verteilen(form, fehler)
            else:
                messages.success(request, str(VERSION_EINGEREICHT).format(nummer=version.nummer))
                return redirect("teilnehmende:praesentation", anmeldung.pk)
    elif request.method == "POST":
        messages.error(request, gesperrt)
    return render(
        request,
        "teilnehmende/praesentation.html",
        {
            "anmeldung": anmeldung,
            "praesentation": praes,
            "versionen": list(praes.versionen.all()) if praes else [],
            "form": form,
            "gesperrt": gesperrt,
            "zurueckziehbar": praes is not None and praes.status in ZURUECKZIEHEN_ERLAUBT,
        },
    )


@never_cache
@login_required
def zurueckziehen(request, anmeldung_id: int):
    """The confirmation step: GET (or a POST without `bestaetigt=ja`) asks, the confirmed POST
    withdraws."""
    anmeldung = _eigene_anmeldung(request, anmeldung_id)
    praes = praesentation_der_anmeldung(anmeldung=anmeldung)
    if praes is None:
        raise Http404
    if request.method == "POST" and request.POST.get("bestaetigt") == "ja":
        try:
            praesentation_zurueckziehen(praesentation=praes)
        except ValidationError as fehler:
            messages.error(request, fehler.messages[0])
        else:
            messages.success(request, ZURUECKGEZOGEN)
        return redirect("teilnehmende:praesentation", anmeldung.pk)
    return render(
        request,
        "teilnehmende/praesentation_zurueckziehen.html",
        {
            "anmeldung": anmeldung,
            "praesentation": praes,
            "aktuelle": next(iter(praes.versionen.all()), None),
            "zurueckziehbar": praes.status in ZURUECKZIEHEN_ERLAUBT,
            "nicht_moeglich": ZURUECKZIEHEN_NICHT_MOEGLICH % {"status": praes.get_status_display()},
        },
    )


@require_POST
@login_required
def einwilligung_aendern(request, pk: int):
    version = get_object_or_404(Version.objects.select_related("praesentation__anmeldung"), pk=pk)
    if not request.user.has_perm("teilnehmende.praesentation_verwalten", version.praesentation):
        raise PermissionDenied
    erteilt = request.POST.get("einwilligung") == "ja"
    einwilligung_praxisbeispiel_aendern(version=version, erteilt=erteilt)
    messages.success(request, EINWILLIGUNG_ERTEILT if erteilt else EINWILLIGUNG_WIDERRUFEN)
    return redirect("teilnehmende:praesentation", version.praesentation.anmeldung_id)


@never_cache
@login_required
def version_datei(request, pk: int):
    """The stored file, only for its author, the cohort's trainers and administrators."""
    version = get_object_or_404(
        Version.objects.select_related("praesentation__anmeldung__durchgang"), pk=pk
    )
    if not request.user.has_perm("teilnehmende.version_herunterladen", version):
        raise PermissionDenied
    try:
        datei = version.datei.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    antwort = FileResponse(
        datei,
        as_attachment=True,
        filename=version.dateiname,
        content_type=_content_type(version.dateityp),
    )
    antwort["X-Content-Type-Options"] = "nosniff"
    return antwort


def _content_type(dateityp: str) -> str:
    from .dateipruefung import FORMATE

    return FORMATE.get(dateityp, ("", "application/octet-stream"))[1]


# --- Trainer area ----------------------------------------------------------------------------


@never_cache
@login_required
def begutachtungen(request):
    """The queue of the trainer's cohorts, oldest submission first, filtered by cohort and state."""
    if not request.user.has_perm("teilnehmende.begutachtungen"):
        raise PermissionDenied
    durchgaenge = list(durchgaenge_fuer_trainer(nutzer=request.user))
    filter_form = BegutachtungsFilter(request.GET or None, durchgaenge=durchgaenge)
    return render(
        request,
        "teilnehmende/begutachtungen.html",
        {
            "filter": filter_form,
            "praesentationen": begutachtungsliste(nutzer=request.user, **filter_form.auswahl()),
        },
    )


def _zu_begutachten(request, pk: int) -> Abschlusspraesentation:
    praes = get_object_or_404(praesentationen_mit_verlauf(), pk=pk)
    if not request.user.has_perm("teilnehmende.praesentation_begutachten", praes):
        raise PermissionDenied
    return praes


@never_cache
@login_required
def begutachtung(request, pk: int):
    """Current version, all earlier ones with their feedback, rubric form and decision."""
    praes = _zu_begutachten(request, pk)
    raster = bewertungsraster_fuer(kurs_id=praes.anmeldung.durchgang.kurs_id)
    kriterien = list(raster.kriterien.all()) if raster else []
    form = None
    if praes.status == Abschlusspraesentation.Status.IN_BEGUTACHTUNG and kriterien:
        form = BegutachtungsForm(request.POST or None, kriterien=kriterien)
        if request.method == "POST" and form.is_valid():
            try:
                entscheidung = begutachtung_entscheiden(
                    praesentation=praes,
                    gutachter=request.user,
                    entscheidung=form.cleaned_data["entscheidung"],
                    punkte=form.punkte(),
                    kommentar=form.cleaned_data["kommentar"],
                )
            except ValidationError as fehler:
                fehler_verteilen(form, fehler)
            else:
                messages.success(
                    request,
                    ENTSCHIEDEN_ANGENOMMEN
                    if entscheidung.entscheidung == "angenommen"
                    else ENTSCHIEDEN_UEBERARBEITUNG,
                )
                return redirect("begutachtung:begutachtung", praes.pk)
    versionen = list(praes.versionen.all())
    return render(
        request,
        "teilnehmende/begutachtung.html",
        {
            "praesentation": praes,
            "aktuelle": versionen[0] if versionen else None,
            "fruehere": versionen[1:],
            "raster": raster,
            "raster_fehlt": RASTER_FEHLT if not kriterien else None,
            "form": form,
        },
    )


@require_POST
@login_required
def beginnen(request, pk: int):
    praes = _zu_begutachten(request, pk)
    try:
        begutachtung_beginnen(praesentation=praes)
    except ValidationError as fehler:
        messages.error(request, fehler.messages[0])
    else:
        messages.success(request, BEGUTACHTUNG_BEGONNEN)
    return redirect("begutachtung:begutachtung", praes.pk)
