"""Settings of the processes the fault tests start (gunicorn, Celery worker): production, with
one difference — static files without the collectstatic manifest, so a test server needs no
collectstatic run. Everything else (database, broker, secret key) comes from the environment."""

from config.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
