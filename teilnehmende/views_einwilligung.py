"""Withdrawing consents: the self-service page below /konto/daten/einwilligungen/.

Only the person who gave a consent sees or withdraws it; anyone else's id answers 404 like a
missing one (as the data exports do), administrators included.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import einwilligung
from .selectors import (
    einwilligungen_von,
    laufende_anmeldungen,
    praxisbeispiel_einwilligungen_von,
)
from .services_praesentation import einwilligung_praxisbeispiel_aendern

PRAXISBEISPIEL_WIDERRUFEN = _(
    "Ihre Einwilligung zur Veröffentlichung als Praxisbeispiel ist widerrufen. Ein vorbereiteter "
    "oder veröffentlichter Eintrag in der Praxisbeispiel-Bibliothek ist entfernt."
)
PRAXISBEISPIEL_BEREITS_WIDERRUFEN = _(
    "Diese Einwilligung zur Veröffentlichung als Praxisbeispiel ist bereits widerrufen. Es ist "
    "nichts weiter zu tun."
)


@never_cache
@login_required
def einwilligungen(request):
    return render(
        request,
        "teilnehmende/einwilligungen.html",
        {
            "einwilligungen": list(einwilligungen_von(nutzer=request.user)),
            "praxisbeispiele": list(praxisbeispiel_einwilligungen_von(nutzer=request.user)),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def einwilligung_widerrufen(request, pk: int):
    """GET: what withdrawing means, with the confirmation button; POST: withdraw."""
    eintrag = get_object_or_404(einwilligungen_von(nutzer=request.user), pk=pk)
    if request.method == "POST":
        try:
            einwilligung.einwilligung_widerrufen(einwilligung=eintrag, nutzer=request.user)
        except ValidationError as fehler:
            messages.error(request, fehler.messages[0])
        else:
            messages.success(request, einwilligung.EINWILLIGUNG_WIDERRUFEN)
        return redirect("einwilligungen:liste")
    if eintrag.widerrufen_am is not None:
        datum = timezone.localtime(eintrag.widerrufen_am).strftime("%d.%m.%Y")
        messages.info(
            request, str(einwilligung.EINWILLIGUNG_BEREITS_WIDERRUFEN).format(datum=datum)
        )
        return redirect("einwilligungen:liste")
    laufend = laufende_anmeldungen(nutzer=request.user)
    return render(
        request,
        "teilnehmende/einwilligung_widerrufen.html",
        {"art": "teilnahme", "eintrag": eintrag, "laufende_anmeldungen": list(laufend)},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def praxisbeispiel_widerrufen(request, pk: int):
    """The same for the consent to publish a final presentation as a good-practice example."""
    version = get_object_or_404(praxisbeispiel_einwilligungen_von(nutzer=request.user), pk=pk)
    if not version.einwilligung_praxisbeispiel:
        messages.info(request, PRAXISBEISPIEL_BEREITS_WIDERRUFEN)
        return redirect("einwilligungen:liste")
    if request.method == "POST":
        einwilligung_praxisbeispiel_aendern(version=version, erteilt=False)
        messages.success(request, PRAXISBEISPIEL_WIDERRUFEN)
        return redirect("einwilligungen:liste")
    return render(
        request,
        "teilnehmende/einwilligung_widerrufen.html",
        {"art": "praxisbeispiel", "eintrag": version},
    )
