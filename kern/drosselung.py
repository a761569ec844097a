"""Rate limits for our own endpoints (allauth limits its own: ACCOUNT_RATE_LIMITS).

    @gedrosselt("zertifikat_pruefen")
    def pruefen(request, nummer): ...

The rates live in one setting, `LERNKETTE_DROSSELUNG` ("anzahl/zeitraum", zeitraum s, m, h, d),
counted per logged-in user, else per client IP, in the cache (use Redis with several processes).
Above the limit the answer is 429 with a German message (JSON for JSON requests).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

ZU_VIELE_ANFRAGEN = _(
    "Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut."
)
_SEKUNDEN = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _rate(aktion: str) -> tuple[int, int]:
    anzahl, _, zeitraum = settings.LERNKETTE_DROSSELUNG[aktion].partition("/")
    return int(anzahl), _SEKUNDEN[zeitraum]


def _wer(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"u{user.pk}"
    return "ip" + request.META.get("REMOTE_ADDR", "")


def erlaubt(request, aktion: str) -> bool:
    """Counts this request; False once the limit of the current window is reached."""
    anzahl, sekunden = _rate(aktion)
    schluessel = f"lernkette:drossel:{aktion}:{_wer(request)}"
    cache.add(schluessel, 0, timeout=sekunden)
    try:
        return cache.incr(schluessel) <= anzahl
    except ValueError:  # expired between add and incr
        cache.set(schluessel, 1, timeout=sekunden)
        return True


def gedrosselt(aktion: str, *, json: bool = False):
    """`json=True` for endpoints that only speak JSON: the 429 is JSON whatever the headers."""

    def dekorator(ansicht):
        @wraps(ansicht)
        def gepruefte_ansicht(request, *args, **kwargs):
            if not erlaubt(request, aktion):
                if (
                    json
                    or "json" in request.headers.get("Accept", "")
                    or request.content_type == "application/json"
                ):
                    return JsonResponse({"fehler": str(ZU_VIELE_ANFRAGEN)}, status=429)
                return HttpResponse(
                    str(ZU_VIELE_ANFRAGEN), status=429, content_type="text/plain; charset=utf-8"
                )
            return ansicht(request, *args, **kwargs)

        return gepruefte_ansicht

    return dekorator
