"""Health checks for /healthz: each dependency is asked, none is assumed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def datenbank() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as fehler:  # noqa: BLE001 — any failure means "down"
        return {"status": "down", "fehler": type(fehler).__name__}
    return {"status": "ok", "engine": connection.vendor}


def cache_pruefen() -> dict:
    schluessel = f"healthz-{uuid.uuid4().hex}"
    try:
        cache.set(schluessel, "1", 5)
        ok = cache.get(schluessel) == "1"
        cache.delete(schluessel)
    except Exception as fehler:  # noqa: BLE001
        return {"status": "down", "fehler": type(fehler).__name__}
    return {"status": "ok" if ok else "down"}


def broker() -> dict:
    url = settings.CELERY_BROKER_URL
    if not url:
        return {"status": "ok", "modus": "eager"}
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=2) as verbindung:
            verbindung.ensure_connection(max_retries=1, timeout=2)
    except Exception as fehler:  # noqa: BLE001
        return {"status": "down", "fehler": type(fehler).__name__}
    return {"status": "ok", "modus": "broker"}


def alle() -> tuple[bool, dict]:
    ergebnis = {"database": datenbank(), "cache": cache_pruefen(), "broker": broker()}
    gesund = all(teil["status"] == "ok" for teil in ergebnis.values())
    return gesund, ergebnis
