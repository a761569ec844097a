"""A small fixed-window rate limit on the cache (public verification lookups per address)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def _adresse(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unbekannt"


def erlaubt(request, *, bereich: str) -> bool:
    """Counts this request; False once the address exceeded the limit of the window."""
    anzahl, fenster = settings.ZERTIFIKATE_PRUEFEN_LIMIT
    schluessel = f"drossel:{bereich}:{_adresse(request)}:{int(time.time() // fenster)}"
    cache.add(schluessel, 0, timeout=fenster + 1)
    try:
        zaehler = cache.incr(schluessel)
    except ValueError:  # expired between add and incr
        cache.set(schluessel, 1, timeout=fenster + 1)
        zaehler = 1
    return zaehler <= anzahl


def wartezeit(*, bereich: str) -> int:
    """Seconds until the current window ends (Retry-After)."""
    _anzahl, fenster = settings.ZERTIFIKATE_PRUEFEN_LIMIT
    return max(1, int(fenster - time.time() % fenster))
