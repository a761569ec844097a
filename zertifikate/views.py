"""Public verification, the participant's download and the administrators' certificate pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kern import drosselung
from kurse.models import Durchgang

from .forms import GrundForm, PruefForm
from .models import Stapelauftrag, Zertifikat
from .selectors import (
    durchgaenge_mit_zertifikaten,
    gueltige_zertifikate_des_durchgangs,
    letzter_auftrag,
    zertifikat_mit_nummer,
    zertifikate_des_durchgangs,
)
from .services import (
    pdf_speichern,
    pruefung_zaehlen,
    stapel_starten,
    verifikations_url,
    zertifikat_neu_ausstellen,
    zertifikat_widerrufen,
)
from .zip import zip_strom

NUMMER_UNBEKANNT = _("Zu dieser Nummer ist kein Zertifikat bekannt. Bitte prüfen Sie die Eingabe.")
ZU_VIELE_PRUEFUNGEN = _(
    "Sie haben in kurzer Zeit sehr viele Nummern geprüft. Bitte warten Sie eine Minute und "
    "versuchen Sie es dann erneut."
)
WIDERRUFEN_MELDUNG = _("Das Zertifikat {nummer} ist widerrufen.")
NEU_AUSGESTELLT_MELDUNG = _("Das Zertifikat {alt} ist ersetzt durch {neu}.")
STAPEL_GESTARTET = _("Die Zertifikate für „{titel}“ werden erzeugt.")


# --- public verification ------------------------------------------------------------------


def _pruefseite(request, form, *, status=200, meldung=None):
    antwort = render(
        request, "zertifikate/pruefen.html", {"form": form, "meldung": meldung}, status=status
    )
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


def pruefen(request):
    """The form; a valid number goes on to its own page (the QR code's target)."""
    form = PruefForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("zertifikate:pruefen_nummer", nummer=form.cleaned_data["nummer"])
    return _pruefseite(request, form)


def pruefen_nummer(request, nummer: str):
    if not drosselung.erlaubt(request, "zertifikat_pruefen"):
        antwort = _pruefseite(request, PruefForm(), status=429, meldung=ZU_VIELE_PRUEFUNGEN)
        antwort["Retry-After"] = str(drosselung.wartezeit("zertifikat_pruefen"))
        return antwort
    form = PruefForm({"nummer": nummer})
    if not form.is_valid():
        return _pruefseite(request, form, status=404)
    kanonisch = form.cleaned_data["nummer"]
    if kanonisch != nummer:
        return redirect("zertifikate:pruefen_nummer", nummer=kanonisch)
    zertifikat = zertifikat_mit_nummer(nummer=kanonisch)
    if zertifikat is None:
        return _pruefseite(request, form, status=404, meldung=NUMMER_UNBEKANNT)
    pruefung_zaehlen(zertifikat=zertifikat)
    antwort = render(
        request,
        "zertifikate/ergebnis.html",
        {"zertifikat": zertifikat, "form": PruefForm()},
    )
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


# --- participant --------------------------------------------------------------------------


@login_required
def herunterladen(request, pk: int):
    zertifikat = get_object_or_404(
        Zertifikat.objects.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs"),
        pk=pk,
    )
    if not request.user.has_perm("zertifikate.herunterladen", zertifikat):
        raise PermissionDenied
    if not zertifikat.pdf:  # the Celery task has not run yet
        pdf_speichern(zertifikat=zertifikat)
    antwort = FileResponse(
        zertifikat.pdf.open("rb"),
        as_attachment=True,
        filename=f"Zertifikat-{zertifikat.nummer}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(antwort, private=True)
    return antwort


# --- administrators -----------------------------------------------------------------------


def _verwalten_pruefen(request) -> None:
    if not request.user.has_perm("zertifikate.verwalten"):
        raise PermissionDenied


@login_required
def verwaltung(request):
    _verwalten_pruefen(request)
    return render(
        request,
        "zertifikate/verwaltung.html",
        {"durchgaenge": durchgaenge_mit_zertifikaten()},
    )


@login_required
def verwaltung_durchgang(request, pk: int):
    _verwalten_pruefen(request)
    durchgang = get_object_or_404(Durchgang.objects.select_related("kurs"), pk=pk)
    return render(
        request,
        "zertifikate/verwaltung_durchgang.html",
        {
            "durchgang": durchgang,
            "zertifikate": list(zertifikate_des_durchgangs(durchgang=durchgang)),
            "auftrag": letzter_auftrag(durchgang=durchgang),
        },
    )


@require_POST
@login_required
def stapel_start(request, pk: int):
    _verwalten_pruefen(request)
    durchgang = get_object_or_404(Durchgang.objects.select_related("kurs"), pk=pk)
    stapel_starten(durchgang=durchgang, von=request.user)
    messages.success(request, str(STAPEL_GESTARTET).format(titel=durchgang.titel))
    return redirect("zertifikate:verwaltung_durchgang", pk=durchgang.pk)


@login_required
def auftrag_status(request, pk: int):
    _verwalten_pruefen(request)
    auftrag = get_object_or_404(Stapelauftrag, pk=pk)
    antwort = JsonResponse(
        {
            "status": auftrag.status,
            "status_text": str(auftrag.get_status_display()),
            "gesamt": auftrag.gesamt,
            "erledigt": auftrag.erledigt,
            "fehlgeschlagen": auftrag.fehlgeschlagen,
            "prozent": auftrag.prozent,
            "zip_url": reverse("zertifikate:zip", args=[auftrag.durchgang_id])
            if auftrag.status == Stapelauftrag.Status.FERTIG
            else None,
        }
    )
    patch_cache_control(antwort, no_store=True)
    return antwort


@login_required
def zip_herunterladen(request, pk: int):
    _verwalten_pruefen(request)
    durchgang = get_object_or_404(Durchgang, pk=pk)
    zertifikate = gueltige_zertifikate_des_durchgangs(durchgang=durchgang).exclude(pdf="")
    dateien = ((f"Zertifikat-{z.nummer}.pdf", z.pdf) for z in zertifikate.iterator())
    antwort = StreamingHttpResponse(zip_strom(dateien), content_type="application/zip")
    antwort["Content-Disposition"] = f'attachment; filename="Zertifikate-Durchgang-{pk}.zip"'
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


def _grund_aktion(request, pk: int, *, template: str, service, meldung):
    _verwalten_pruefen(request)
    zertifikat = get_object_or_404(
        Zertifikat.objects.select_related("anmeldung__durchgang__kurs"), pk=pk
    )
    form = GrundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ergebnis = service(
                zertifikat=zertifikat, grund=form.cleaned_data["grund"], von=request.user
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
        else:
            messages.success(request, meldung(zertifikat, ergebnis))
            return redirect(
                "zertifikate:verwaltung_durchgang", pk=zertifikat.anmeldung.durchgang_id
            )
    return render(
        request,
        template,
        {"zertifikat": zertifikat, "form": form, "pruef_url": verifikations_url(zertifikat.nummer)},
    )


@login_required
def widerrufen(request, pk: int):
    return _grund_aktion(
        request,
        pk,
        template="zertifikate/widerrufen.html",
        service=zertifikat_widerrufen,
        meldung=lambda alt, neu: str(WIDERRUFEN_MELDUNG).format(nummer=alt.nummer),
    )


@login_required
def neu_ausstellen(request, pk: int):
    return _grund_aktion(
        request,
        pk,
        template="zertifikate/neu_ausstellen.html",
        service=zertifikat_neu_ausstellen,
        meldung=lambda alt, neu: str(NEU_AUSGESTELLT_MELDUNG).format(
            alt=alt.nummer, neu=neu.nummer
        ),
    )
