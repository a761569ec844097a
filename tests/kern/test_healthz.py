"""/healthz asks every dependency and reports a dead one honestly with 503."""

import socket

import pytest


def _freier_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_alles_gesund(client, db):
    antwort = client.get("/healthz")
    assert antwort.status_code == 200
    daten = antwort.json()
    assert daten["status"] == "ok"
    assert daten["database"]["status"] == "ok"
    assert daten["cache"]["status"] == "ok"
    assert daten["broker"] == {"status": "ok", "modus": "eager"}


def test_gestoppter_broker_ergibt_503(client, db, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{_freier_port()}/0"
    antwort = client.get("/healthz")
    assert antwort.status_code == 503
    daten = antwort.json()
    assert daten["status"] == "fehler"
    assert daten["broker"]["status"] == "down"
    assert daten["database"]["status"] == "ok"


def test_gestoppter_cache_ergibt_503(client, db, settings):
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_freier_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    try:
        antwort = client.get("/healthz")
        assert antwort.status_code == 503
        assert antwort.json()["cache"]["status"] == "down"
    finally:
        caches._settings = None  # the next test gets its own cache configuration back
        for alias in list(caches):
            del caches[alias]


@pytest.mark.integration
def test_laufender_redis_ist_gesund(client, db, settings):
    import os

    url = os.environ.get("LERNKETTE_TEST_BROKER_URL")
    if not url:
        pytest.skip("LERNKETTE_TEST_BROKER_URL ist nicht gesetzt (nur in .ci/run mit Redis).")
    settings.CELERY_BROKER_URL = url
    antwort = client.get("/healthz")
    assert antwort.status_code == 200
    assert antwort.json()["broker"] == {"status": "ok", "modus": "broker"}
