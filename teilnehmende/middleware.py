"""Sends participants to the consent page when the consent text changed or they withdrew their
consent (einwilligung.py): before the learning area, and the H5P endpoints (statements, resume
state, package files) answer 403 with the German message instead of storing learning data."""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from . import einwilligung

GEPRUEFTE_PFADE = ("/mein-lernen/", "/h5p/")
#: Called by the H5P player's scripts: a redirect to an HTML page would help nobody there.
JSON_PFADE = ("/h5p/",)


class EinwilligungMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(GEPRUEFTE_PFADE):
            return self.get_response(request)
        user = getattr(request, "user", None)
        ziel = reverse("teilnehmende:einwilligung")
        if user is not None and user.is_authenticated and request.path != ziel:
            # Per request, not per session: a withdrawal in one browser stops every other one.
            meldung = einwilligung.erneuern_meldung(nutzer=user)
            if meldung is not None:
                if request.path.startswith(JSON_PFADE):
                    return JsonResponse({"fehler": meldung}, status=403)
                messages.info(request, meldung)
                return redirect(f"{ziel}?next={request.path}")
        return self.get_response(request)
