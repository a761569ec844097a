"""Security headers and the request-size cap (middleware), configured in config/settings/base.py.

- `CspMiddleware`: django-csp with the strict site policy (`CONTENT_SECURITY_POLICY`). The Wagtail
  and Django admin areas (staff only, behind MFA in production) get `ADMIN_CSP_LOCKERUNG`, because
  Wagtail's panels and date widgets still ship inline scripts. A single view (the H5P player)
  relaxes its own policy with django-csp's decorators, e.g.
  `@csp_update({"script-src": [csp.constants.UNSAFE_EVAL]})`; such a view-level change wins.
- `PermissionsPolicyMiddleware`: denies powerful browser features the site never uses.
- `AnfragegroesseMiddleware`: refuses a request body above `LERNKETTE_UPLOAD_GRENZEN["anfrage"]`
  with 413 before Django reads it.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

ADMIN_PRAEFIXE = ("/cms-admin/", "/django-admin/")
ADMIN_CSP_LOCKERUNG = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    # Wagtail's live preview shows the page in a same-origin frame.
    "frame-ancestors": [SELF],
}

NULLZEICHEN = _("Die Adresse enthält ein ungültiges Zeichen (Nullzeichen).")
ANFRAGE_ZU_GROSS = _(
    "Die Anfrage ist zu groß (höchstens {grenze} MB). Bitte laden Sie eine kleinere Datei hoch."
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class CspMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        teile = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PRAEFIXE) and teile.replace is None:
            teile.replace = ADMIN_CSP_LOCKERUNG
        return teile


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        antwort = self.get_response(request)
        antwort.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return antwort


def anfrage_grenze() -> int:
    return settings.LERNKETTE_UPLOAD_GRENZEN["anfrage"]


class AnfragegroesseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            laenge = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            laenge = 0
        grenze = anfrage_grenze()
        if laenge > grenze:
            text = str(ANFRAGE_ZU_GROSS).format(grenze=grenze // (1024 * 1024))
            return HttpResponse(text, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class NullzeichenMiddleware:
    """A NUL byte in the query string is never meaningful, and PostgreSQL refuses it in text
    (a search for it would end in a 500): answer 400. Form fields refuse it themselves
    (Django's ProhibitNullCharactersValidator, with a message at the field)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in k or any("\x00" in v for v in werte) for k, werte in request.GET.lists()):
            return HttpResponse(
                str(NULLZEICHEN), status=400, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
