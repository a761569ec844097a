"""django.contrib.sites' record (allauth's mails and subjects) follows LERNKETTE_SITE_URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

PROGRAMMNAME = "Lernkette"


def site_abgleichen(**kwargs) -> None:
    """Domain and name of SITE_ID from the settings; runs after every migrate (idempotent)."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "localhost"
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": PROGRAMMNAME}
    )
    Site.objects.clear_cache()
