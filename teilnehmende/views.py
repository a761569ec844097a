"""Enrolment in a cohort (questionnaire + consent) and cancelling it, below /mein-lernen/;
attendance: the trainer's list and sign-in sheet, the participant's overview and calendars."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kern.namen import hat_namen
from kurse.kalender import termine_als_ics
from kurse.models import Durchgang, Praesenztermin
from kurse.selectors import termine_des_durchgangs

from . import einwilligung
from .forms import AnmeldeForm, AnwesenheitForm, EinwilligungForm
from .models import PLATZ_STATUS, Anmeldung
from .selectors import (
    aenderungen_des_termins,
    anmeldung_fuer,
    anwesenheit_erreichbar,
    anwesenheit_stand,
    anwesenheiten_des_termins,
    mit_platzzahlen,
    teilnehmende_des_durchgangs,
    wartelisten_position,
)
from .services import (
    ANMELDUNG_DOPPELT,
    ANMELDUNG_GESCHLOSSEN,
    ANWESENHEIT_ZU_FRUEH,
    NAME_FEHLT,
    STORNO_NICHT_MOEGLICH,
    AnwesenheitUngueltig,
    alle_anwesend,
    anmeldung_erstellen,
    anmeldung_stornieren,
    anwesenheiten_erfassen,
)
from .teilnahmeliste import teilnahmeliste_pdf

ANMELDUNG_BESTAETIGT = _("Ihre Anmeldung ist bestätigt. Die Lektionen stehen Ihnen jetzt offen.")
ANMELDUNG_WARTELISTE = _(
    "Der Durchgang ist ausgebucht. Sie stehen auf Platz {position} der Warteliste und werden "
    "per E-Mail benachrichtigt, sobald ein Platz frei wird."
)
ANMELDUNG_STORNIERT = _("Ihre Anmeldung für „{titel}“ ist storniert.")
ANWESENHEIT_GESPEICHERT = _("Die Anwesenheit ist gespeichert ({anzahl} Einträge geändert).")
ALLE_ANWESEND_GESPEICHERT = _(
    "{anzahl} Teilnehmende ohne bisherigen Eintrag sind als anwesend erfasst."
)


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
    if not hat_namen(request.user):
        # The name goes on the certificate: asked for first, then back to this form.
        messages.info(request, NAME_FEHLT)
        return redirect(f"{reverse('konto:profil')}?{urlencode({'next': request.path})}")
    erreichbar, unerreichbar_grund = anwesenheit_erreichbar(durchgang=durchgang)

    form = AnmeldeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and durchgang.anmeldung_offen() and erreichbar and form.is_valid():
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
            "unerreichbar_grund": unerreichbar_grund,
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


# --- attendance: trainers below /trainer/termine/, participants below /mein-lernen/ ------------


def _termin_fuer_trainer(request, pk: int) -> Praesenztermin:
    termin = get_object_or_404(
        Praesenztermin.objects.select_related("durchgang", "durchgang__kurs", "modul"), pk=pk
    )
    if not request.user.has_perm("teilnehmende.anwesenheit_erfassen", termin):
        raise PermissionDenied
    return termin


@login_required
def anwesenheit_erfassen(request, pk: int):
    """The attendance list of one session: status and hours per participant."""
    termin = _termin_fuer_trainer(request, pk)
    anmeldungen = list(teilnehmende_des_durchgangs(durchgang=termin.durchgang))
    vorhanden = anwesenheiten_des_termins(termin=termin)
    form = AnwesenheitForm(
        request.POST if request.method == "POST" else None,
        anmeldungen=anmeldungen,
        vorhanden=vorhanden,
    )
    if request.method == "POST":
        if not termin.erfassbar():
            form.add_error(None, _zu_frueh(termin))
        elif form.is_valid():
            try:
                anzahl = anwesenheiten_erfassen(
                    termin=termin, eintraege=form.eintraege(), erfasst_von=request.user
                )
            except AnwesenheitUngueltig as ungueltig:
                form.fehler_uebernehmen(ungueltig.fehler)
            else:
                messages.success(request, str(ANWESENHEIT_GESPEICHERT).format(anzahl=anzahl))
                return redirect("anwesenheit:erfassen", pk=termin.pk)
    return render(
        request,
        "teilnehmende/anwesenheit_erfassen.html",
        {
            "termin": termin,
            "durchgang": termin.durchgang,
            "form": form,
            "vorhanden": vorhanden,
            "erfassbar": termin.erfassbar(),
            "zu_frueh": _zu_frueh(termin),
            "aenderungen": aenderungen_des_termins(termin=termin)[:50],
        },
    )


def _zu_frueh(termin: Praesenztermin) -> str:
    return str(ANWESENHEIT_ZU_FRUEH).format(datum=f"{termin.datum:%d.%m.%Y}")


@require_POST
@login_required
def alle_anwesend_markieren(request, pk: int):
    termin = _termin_fuer_trainer(request, pk)
    if not termin.erfassbar():
        messages.error(request, _zu_frueh(termin))
    else:
        anzahl = alle_anwesend(termin=termin, erfasst_von=request.user)
        messages.success(request, str(ALLE_ANWESEND_GESPEICHERT).format(anzahl=anzahl))
    return redirect("anwesenheit:erfassen", pk=termin.pk)


@login_required
def teilnahmeliste(request, pk: int):
    """The sign-in sheet to print (A4 PDF)."""
    termin = _termin_fuer_trainer(request, pk)
    antwort = HttpResponse(teilnahmeliste_pdf(termin=termin), content_type="application/pdf")
    name = f"teilnahmeliste-{termin.datum:%Y-%m-%d}-{termin.pk}.pdf"
    antwort["Content-Disposition"] = f'inline; filename="{name}"'
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


@login_required
def meine_anwesenheit(request, pk: int):
    """A participant's sessions of one enrolment with own attendance and hours vs threshold."""
    anmeldung = get_object_or_404(
        Anmeldung.objects.select_related("durchgang", "durchgang__kurs"), pk=pk
    )
    if not request.user.has_perm("teilnehmende.anwesenheit_ansehen", anmeldung):
        raise PermissionDenied
    return render(
        request,
        "teilnehmende/meine_anwesenheit.html",
        {
            "anmeldung": anmeldung,
            "durchgang": anmeldung.durchgang,
            "stand": anwesenheit_stand(anmeldung=anmeldung),
            "mit_platz": anmeldung.status in PLATZ_STATUS,
        },
    )


def _kalender_antwort(inhalt: bytes, dateiname: str) -> HttpResponse:
    antwort = HttpResponse(inhalt, content_type="text/calendar; charset=utf-8")
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
    patch_cache_control(antwort, private=True)
    return antwort


@login_required
def termin_kalender(request, pk: int):
    """One session as an ICS file."""
    termin = get_object_or_404(
        Praesenztermin.objects.select_related("durchgang", "durchgang__kurs"), pk=pk
    )
    if not request.user.has_perm("kurse.termine_herunterladen", termin.durchgang):
        raise PermissionDenied
    inhalt = termine_als_ics([termin], name=termin.titel)
    return _kalender_antwort(inhalt, f"praesenztermin-{termin.datum:%Y-%m-%d}.ics")


@login_required
def durchgang_kalender(request, pk: int):
    """All sessions of a cohort as one ICS file."""
    durchgang = get_object_or_404(Durchgang.objects.select_related("kurs"), pk=pk)
    if not request.user.has_perm("kurse.termine_herunterladen", durchgang):
        raise PermissionDenied
    termine = termine_des_durchgangs(durchgang=durchgang)
    inhalt = termine_als_ics(termine, name=f"{durchgang.kurs.title} – {durchgang.titel}")
    return _kalender_antwort(inhalt, f"praesenztermine-durchgang-{durchgang.pk}.ics")


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
