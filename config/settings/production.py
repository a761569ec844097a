"""Production: every secret comes from the environment; no fallbacks."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")  # fails fast when missing
if len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DJANGO_SECRET_KEY muss mindestens 50 Zeichen lang sein.")

LERNKETTE_MFA_PFLICHT = env.bool("LERNKETTE_MFA_PFLICHT", default=True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Cookies only over TLS; `make prod-lokal` (plain HTTP on this machine) switches this off.
SESSION_COOKIE_SECURE = env.bool("LERNKETTE_COOKIES_NUR_HTTPS", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Browsers load every sub-resource over HTTPS (headers themselves: base.py).
CONTENT_SECURITY_POLICY = {  # noqa: F405
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True}  # noqa: F405
}

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://lernkette")}
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

# Persistent connections, checked before reuse: a dropped PostgreSQL connection (restart,
# failover) costs one reconnect, not a failed request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
