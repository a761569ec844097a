"""Rate limits for our own endpoints – the one module (allauth limits its own:
ACCOUNT_RATE_LIMITS; kern.views reuses them for password confirmation).

    @gedrosselt("openbadge_pruefen")
    def pruefen(request): ...

    if not erlaubt(request, "zertifikat_pruefen"): ...  # own 429 page, Retry-After: wartezeit()

The rates live in one setting, `LERNKETTE_DROSSELUNG` ("anzahl/zeitraum[/ip]", zeitraum s, m, h,
d), counted in fixed windows per logged-in user, else per client IP ("/ip": always per IP), in the
cache (use Redis with several processes). Above the limit the answer is 429 with a German message
(JSON for JSON requests) and `Retry-After`.
"""

from __future__ import annotations

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

ZU_VIELE_ANFRAGEN = _(
    "Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut."
)
_SEKUNDEN = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _rate(aktion: str) -> tuple[int, int, bool]:
    anzahl, zeitraum, *rest = settings.LERNKETTE_DROSSELUNG[aktion].split("/")
    return int(anzahl), _SEKUNDEN[zeitraum], rest == ["ip"]


def _wer(request, *, nur_ip: bool) -> str:
    user = getattr(request, "user", None)
    if not nur_ip and user is not None and user.is_authenticated:
        return f"u{user.pk}"
    return "ip" + (request.META.get("REMOTE_ADDR", "") or "unbekannt")


def erlaubt(request, aktion: str) -> bool:
    """Counts this request; False once the limit of the current window is reached."""
    anzahl, sekunden, nur_ip = _rate(aktion)
    fenster = int(time.time() // sekunden)
    schluessel = f"lernkette:drossel:{aktion}:{_wer(request, nur_ip=nur_ip)}:{fenster}"
    cache.add(schluessel, 0, timeout=sekunden + 1)
    try:
        return cache.incr(schluessel) <= anzahl
    except ValueError:  # expired between add and incr
        cache.set(schluessel, 1, timeout=sekunden + 1)
        return True


def wartezeit(aktion: str) -> int:
    """Seconds until the current window ends (Retry-After)."""
    _anzahl, sekunden, _nur_ip = _rate(aktion)
    return max(1, int(sekunden - time.time() % sekunden))


def zu_viele_antwort(request, aktion: str, *, json: bool = False) -> HttpResponse:
    if (
        json
        or "json" in request.headers.get("Accept", "")
        or request.content_type == "application/json"
    ):
        antwort = JsonResponse({"fehler": str(ZU_VIELE_ANFRAGEN)}, status=429)
    else:
        antwort = HttpResponse(
            str(ZU_VIELE_ANFRAGEN), status=429, content_type="text/plain; charset=utf-8"
        )
    antwort["Retry-After"] = str(wartezeit(aktion))
    return antwort


def gedrosselt(aktion: str, *, json: bool = False):
    """`json=True` for endpoints that only speak JSON: the 429 is JSON whatever the headers."""

    def dekorator(ansicht):
        @wraps(ansicht)
        def gepruefte_ansicht(request, *args, **kwargs):
            if not erlaubt(request, aktion):
                return zu_viele_antwort(request, aktion, json=json)
            return ansicht(request, *args, **kwargs)

        return gepruefte_ansicht

    return dekorator
