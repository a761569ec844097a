"""Settings shared by every environment; whatever differs comes from environment variables."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("LERNKETTE_SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Project apps first, so their templates override those of the libraries.
    "kern",
    "cms",
    "kurse",
    "h5p",
    "teilnehmende",
    "zertifikate",
    "openbadges",
    "berichte",
    "esf",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # allauth names the site in mails and subjects; kern.sites keeps it in step with SITE_URL.
    "django.contrib.sites",
]
SITE_ID = 1

MIDDLEWARE = [
    "kern.sicherheit.AnfragegroesseMiddleware",
    "kern.sicherheit.NullzeichenMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kern.sicherheit.CspMiddleware",
    "kern.sicherheit.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kern.protokoll.ProtokollMiddleware",
    "teilnehmende.middleware.EinwilligungMiddleware",
    "kern.middleware.MfaPflichtMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kern.context_processors.navigation",
            ],
        },
    },
]

# Without DATABASE_URL the embedded SQLite file in the project folder is used.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://lernkette")}

AUTH_USER_MODEL = "kern.Nutzer"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"

# --- Security headers (kern/sicherheit.py); production adds HSTS and secure cookies -------------
# Strict: only our own origin, no inline script or style. The admin areas get a documented
# relaxation (kern.sicherheit.ADMIN_CSP_LOCKERUNG); a view may relax with django-csp decorators.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LOGIN_REDIRECT_URL = "/mein-lernen/"

# django-allauth: the e-mail address is the login, verification is mandatory.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lernkette] "
ACCOUNT_ADAPTER = "kern.adapter.KontoAdapter"
# Names at sign-up (first_name, last_name, titel); people are named by kern.namen, never by
# their e-mail address or the technical username.
ACCOUNT_SIGNUP_FORM_CLASS = "kern.forms.RegistrierungForm"
ACCOUNT_USER_DISPLAY = "kern.namen.anzeigename"
# Changing the e-mail address (the login) asks for the password again unless the person logged in
# within the last five minutes; those confirmations count against the "reauthenticate" rate.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    # Password confirmations of a logged-in user: allauth's reauthentication and our account
    # deletion (kern/views.py) share this counter.
    "reauthenticate": "10/m/user",
}
_PRUEFUNGEN_JE_MINUTE = env.int("LERNKETTE_ZERTIFIKATE_PRUEFEN_PRO_MINUTE", default=30)
# Our own endpoints (kern/drosselung.py, the one rate-limit module): "count/period" per user,
# else per IP; "count/period/ip" always per IP.
LERNKETTE_DROSSELUNG = {
    "datenexport": "10/h",
    # Public verification page (enumeration), per address even when logged in.
    "zertifikat_pruefen": f"{_PRUEFUNGEN_JE_MINUTE}/m/ip",
    "xapi": "600/m",  # H5P statements
    "h5p_zwischenstand": "600/m",  # H5P resume state (the player saves it every 30 s)
    "openbadge_pruefen": "30/m",  # uploaded Open Badges credentials (RDF canonicalisation)
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Lernkette"
# Staff roles must set up a second factor when this is on (default on in production).
LERNKETTE_MFA_PFLICHT = env.bool("LERNKETTE_MFA_PFLICHT", default=False)
# Funder reports show figures only for at least this many entrants (berichte/geheimhaltung.py).
LERNKETTE_BERICHTE_MINDESTGROESSE = env.int("LERNKETTE_BERICHTE_MINDESTGROESSE", default=10)

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("LERNKETTE_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("LERNKETTE_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Private uploads (presentations, exports) never live below MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(env("LERNKETTE_PRIVATE_ROOT", default=str(BASE_DIR / "media-privat")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Public media (Wagtail images and documents, unpacked H5P packages) go to an S3-compatible bucket
# when LERNKETTE_S3_BUCKET is set (docs/betrieb.md); credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, as boto3 reads them. Private uploads (certificates, presentations, data
# exports) stay below PRIVATE_MEDIA_ROOT, a volume shared by web and worker processes.
LERNKETTE_S3_BUCKET = env("LERNKETTE_S3_BUCKET", default="")
if LERNKETTE_S3_BUCKET:
    _s3_endpoint = env("LERNKETTE_S3_ENDPOINT", default="") or None
    _s3_domain = env("LERNKETTE_S3_DOMAIN", default="") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": LERNKETTE_S3_BUCKET,
            "endpoint_url": _s3_endpoint,
            "region_name": env("LERNKETTE_S3_REGION", default="") or None,
            "custom_domain": _s3_domain,
            "location": env("LERNKETTE_S3_PRAEFIX", default="media"),
            "addressing_style": env("LERNKETTE_S3_ADRESSIERUNG", default="path"),
            # Private bucket: every URL is signed and expires; nothing is overwritten silently.
            "default_acl": None,
            "querystring_auth": _s3_domain is None,
            "querystring_expire": 3600,
            "file_overwrite": False,
        },
    }
    # Private uploads (final presentations, certificate PDFs) live below their own prefix of the
    # same bucket: never behind the CDN domain, no ACL header (objects stay as private as the
    # bucket), downloaded only through the permission-checked views (kern.speicher).
    LERNKETTE_S3_PRIVAT_OPTIONEN = {
        **STORAGES["default"]["OPTIONS"],
        "location": env("LERNKETTE_S3_PRIVAT_PRAEFIX", default="privat"),
        "custom_domain": None,
        "querystring_auth": True,
        "querystring_expire": 60,
    }
    # Image renditions link straight to the bucket (or its CDN domain): the CSP allows that origin.
    from urllib.parse import urlsplit

    _teile = urlsplit(_s3_endpoint or "https://s3.amazonaws.com")
    _medien_ursprung = (
        f"https://{_s3_domain}" if _s3_domain else f"{_teile.scheme}://{_teile.netloc}"
    )
    for _direktive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_direktive].append(_medien_ursprung)

# --- Upload limits: the one place (kern/uploads.py reads them; 413 above "anfrage") -------------
MB = 1024 * 1024
LERNKETTE_UPLOAD_GRENZEN = {
    "anfrage": env.int("LERNKETTE_MAX_ANFRAGE_MB", default=120) * MB,  # whole request body
    "h5p_paket": 100 * MB,
    "praesentation": 50 * MB,
    "bild": 10 * MB,
    "dokument": 30 * MB,
    "json": 64 * 1024,  # xAPI statements and other JSON posts
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = LERNKETTE_UPLOAD_GRENZEN["bild"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "kern.upload_formulare.BildForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * MB  # non-file form data held in memory
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * MB  # larger files are streamed to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Final presentations: accepted types (checked by content and extension); the size cap is
# LERNKETTE_UPLOAD_GRENZEN["praesentation"].
LERNKETTE_PRAESENTATION_DATEITYPEN = env.list(
    "LERNKETTE_PRAESENTATION_DATEITYPEN", default=["pdf", "pptx", "odp"]
)
# Private files (H5P packages) sent by the web server: the internal location that maps to
# PRIVATE_MEDIA_ROOT (nginx `internal;`, docs/betrieb.md); empty: Django streams them itself.
LERNKETTE_X_ACCEL_PRAEFIX = env("LERNKETTE_X_ACCEL_PRAEFIX", default="")

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Lernkette <noreply@lernkette.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))

# Celery: without a broker URL tasks run eagerly in the web process (embedded default).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
# Nobody waits for a task's return value (state lives in the database). Without this, every
# apply_async subscribes to the result channel in Redis first, and with Redis down that retries
# for 20 s and then breaks the web process's result backend for good (kern.aufgaben).
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# Redis redelivers a message whose worker died without acknowledging it (acks_late) after this
# many seconds; it must exceed the longest task (a certificate batch step takes seconds).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("LERNKETTE_CELERY_SICHTBARKEIT_S", default=3600)
}
# ESF records are anonymised after 31 Dec of the N-th year after the cohort ended.
LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE = env.int("LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE", default=5)
CELERY_BEAT_SCHEDULE: dict = {
    "esf-aufbewahrung": {
        "task": "teilnehmende.tasks.aufbewahrung_durchsetzen",
        "schedule": 60 * 60 * 24,  # daily
    },
    "datenexporte-aufraeumen": {
        "task": "kern.tasks.alte_datenexporte_loeschen",
        "schedule": 60 * 60 * 6,
    },
    # Tasks parked while the broker was unreachable (kern.aufgaben, docs/betrieb.md).
    "ausstehende-aufgaben": {
        "task": "kern.tasks.ausstehende_aufgaben_einstellen",
        "schedule": env.float("LERNKETTE_NACHLIEFERN_S", default=60.0),
    },
    "fehlgeschlagene-aufgaben-aufraeumen": {
        "task": "kern.tasks.alte_fehlschlaege_loeschen",
        "schedule": 60 * 60 * 24,
    },
}

# H5P bridge (h5p/): caps of an uploaded package (see h5p.validierung.Grenzen), the groups that
# manage packages, and the size caps of what the player posts.
H5P_GRENZEN: dict = {}
H5P_REDAKTIONSGRUPPEN = ["Redaktion", "Administration"]
H5P_XAPI_MAX_BYTES = 64 * 1024
H5P_ZWISCHENSTAND_MAX_BYTES = 256 * 1024
# Per person in total (h5p/kontingent.py): raw statements and resume states, count and size.
LERNKETTE_H5P_KONTINGENT = {
    "aussagen": env.int("LERNKETTE_H5P_MAX_AUSSAGEN", default=50_000),
    "aussagen_bytes": 100 * MB,
    "zwischenstaende": 1_000,
    "zwischenstaende_bytes": 20 * MB,
}
# PostgreSQL: xAPI statements commit without waiting for the disk flush (h5p/services.py).
H5P_XAPI_ASYNCHRON_BESTAETIGEN = env.bool("LERNKETTE_H5P_XAPI_ASYNCHRON", default=True)
# The package of the demo lesson (demo_anlegen); shared/ lies beside the repository.
H5P_DEMO_PAKET = env(
    "LERNKETTE_H5P_DEMO_PAKET",
    default=str(BASE_DIR.parent / "shared" / "h5p" / "true-false-hello-world.h5p"),
)

WAGTAIL_SITE_NAME = "Lernkette"
# No Gravatar: the CSP blocks outside images and e-mail hashes stay here; Wagtail then shows its
# built-in default avatar (or an uploaded one).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL full-text configuration (stemming); SQLite's FTS5 ignores it.
        "SEARCH_CONFIG": env("LERNKETTE_SUCHE_KONFIGURATION", default="german"),
    }
}
# Documents always pass through Django (collection privacy and the course-material check in
# kurse/dokumente.py), never a redirect to the storage or a direct /media/ link.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv"]
# Size limit of document uploads (LERNKETTE_UPLOAD_GRENZEN["dokument"], kern/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kern.upload_formulare.DokumentForm"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action and background task at INFO; keep the console readable.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO (seven lines per certificate).
        "weasyprint": {"level": "WARNING"},
    },
}

# Certificates: place and programme lead printed on the PDF; public lookups per address.
ZERTIFIKAT_ORT = env("LERNKETTE_ZERTIFIKAT_ORT", default="Düsseldorf")
ZERTIFIKAT_PROGRAMMLEITUNG = env(
    "LERNKETTE_ZERTIFIKAT_PROGRAMMLEITUNG", default="Programmleitung Lernkette"
)
# Open Badges 3.0 (openbadges/): the issuer's Ed25519 keys live in files in this directory, never in
# the database (`manage.py openbadges_schluessel --neu` creates or rotates them); the issuer is
# did:web of LERNKETTE_SITE_URL's host.
LERNKETTE_OB_SCHLUESSEL_DIR = Path(
    env("LERNKETTE_OB_SCHLUESSEL_DIR", default=str(BASE_DIR / "schluessel-openbadges"))
)
OPENBADGES_AUSSTELLER_NAME = env(
    "LERNKETTE_OB_AUSSTELLER",
    default="Lernkette – Fortbildung „Prävention in der kommunalen Familienpolitik“",
)
# ESF follow-up: invitations six months after leaving, reminders two weeks later (esf/services.py).
CELERY_BEAT_SCHEDULE["esf-verbleib"] = {
    "task": "esf.tasks.verbleib_einladen",
    "schedule": 60 * 60 * 24,
}
CELERY_BEAT_SCHEDULE["zertifikate-pruefen"] = {
    "task": "zertifikate.tasks.offene_zertifikate_pruefen",
    "schedule": 3600.0,
}
