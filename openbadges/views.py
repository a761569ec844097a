"""Public documents of the issuer (did:web, status lists), the holder's download and the
verification of an uploaded credential."""

from __future__ import annotations

import json

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from kern.drosselung import gedrosselt
from zertifikate.models import Zertifikat

from .did import did_dokument
from .forms import NachweisForm
from .models import Statusliste
from .pruefung import nachweis_pruefen
from .schluessel import SchluesselFehlt
from .services import NachweisUngueltig, openbadge_ausstellen, statusliste_credential

NICHT_VERFUEGBAR = _(
    "Digitale Nachweise (Open Badges) sind gerade nicht verfügbar. Bitte versuchen Sie es "
    "später erneut."
)


def _oeffentliches_json(daten: dict, *, content_type: str) -> HttpResponse:
    antwort = HttpResponse(
        json.dumps(daten, ensure_ascii=False, indent=2), content_type=content_type
    )
    # Wallets and verifiers in a browser fetch these documents from other origins.
    antwort["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(antwort, public=True, max_age=60)
    return antwort


@require_safe
def did_json(request):
    return _oeffentliches_json(did_dokument(), content_type="application/did+ld+json")


@require_safe
def statusliste(request, pk: int):
    liste = get_object_or_404(Statusliste, pk=pk)
    try:
        credential = statusliste_credential(statusliste=liste)
    except SchluesselFehlt:
        return HttpResponse(str(NICHT_VERFUEGBAR), status=503, content_type="text/plain")
    return _oeffentliches_json(credential, content_type="application/vc+ld+json")


@login_required
def herunterladen(request, pk: int):
    zertifikat = get_object_or_404(
        Zertifikat.objects.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs"),
        pk=pk,
    )
    if not rules.test_rule("openbadges.herunterladen", request.user, zertifikat):
        raise PermissionDenied
    try:
        badge = openbadge_ausstellen(zertifikat=zertifikat)
    except SchluesselFehlt:
        return HttpResponse(str(NICHT_VERFUEGBAR), status=503, content_type="text/plain")
    antwort = HttpResponse(
        json.dumps(badge.credential, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
    antwort["Content-Disposition"] = (
        f'attachment; filename="Zertifikat-{zertifikat.nummer}.openbadge.json"'
    )
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


@require_http_methods(["GET", "POST"])
@gedrosselt("openbadge_pruefen")
def pruefen(request):
    """The public check of an uploaded credential file (also embedded on /zertifikate/pruefen/)."""
    form = NachweisForm(request.POST, request.FILES) if request.method == "POST" else NachweisForm()
    ergebnis, fehler, status = None, None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                ergebnis = nachweis_pruefen(form.cleaned_data["dokument"])
            except NachweisUngueltig as ausnahme:
                fehler, status = str(ausnahme), 422
        else:
            status = 400
    antwort = render(
        request,
        "openbadges/pruefen.html",
        {"form": form, "ergebnis": ergebnis, "fehler": fehler},
        status=status,
    )
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort
