"""Sends participants to the consent page when the consent text changed (einwilligung.py)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from . import einwilligung

GEPRUEFTE_PFADE = ("/mein-lernen/",)


class EinwilligungMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(GEPRUEFTE_PFADE):
            return self.get_response(request)
        user = getattr(request, "user", None)
        ziel = reverse("teilnehmende:einwilligung")
        if (
            user is not None
            and user.is_authenticated
            and request.path != ziel
            # Checked once per session and text version: the dashboard's query count stays fixed.
            and request.session.get(einwilligung.SITZUNGSSCHLUESSEL) != einwilligung.TEXTVERSION
        ):
            meldung = einwilligung.erneuern_meldung(nutzer=user)
            if meldung is not None:
                messages.info(request, meldung)
                return redirect(f"{ziel}?next={request.path}")
            request.session[einwilligung.SITZUNGSSCHLUESSEL] = einwilligung.TEXTVERSION
        return self.get_response(request)
