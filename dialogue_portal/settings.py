"""Settings for the dialogue portal.

Everything that differs between a laptop and production comes from the environment. Debug is off unless
DJANGO_DEBUG=1; with debug off DJANGO_SECRET_KEY is required. The README's run command sets DJANGO_DEBUG=1.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from dialogue_portal.i18n import EventFallbackLanguages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
TESTING = env_bool("DIALOGUE_TESTING") or "pytest" in sys.modules

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production-0123456789abcdef"
    else:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "events",
    "sessions_app",
    "reports",
    "observatory",
    "rest_framework",
    "drf_spectacular",
    "dialogue_portal.apps.PortalConfig",  # after modeltranslation has registered the translated fields
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "events.middleware.EventMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "dialogue_portal.mfa.RequireMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "dialogue_portal.urls"
WSGI_APPLICATION = "dialogue_portal.wsgi.application"
ASGI_APPLICATION = "dialogue_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "events.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/dialogue), else an SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: a real back end so that allauth's rate limits count. Redis when REDIS_URL is set, else a
# local-memory cache (per process) which still enforces the limits.
# Tests always use the memory cache (they clear it between tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL and not TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions read from Redis, written through to the database (a signed-in page saves a query).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}
if not TESTING:
    # Rendered parts of pages ({% cache %}): their keys name a content version, so what is under a key never
    # changes and each process keeps its own copy, without a round trip to Redis.
    CACHES["template_fragments"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }

# Anonymous readers' copies of an event's public pages (events/page_cache.py) are kept this long at most;
# a change of the event's content replaces them at once.
PAGE_CACHE_SECONDS = int(os.environ.get("DIALOGUE_PAGE_CACHE_SECONDS", "600"))
# Each web process trusts the event version it read for anonymous pages this long (a change shows to
# anonymous readers of the other processes that much later; tests see every change at once).
PAGE_CACHE_LOCAL_VERSION_SECONDS = (
    0 if TESTING else float(os.environ.get("DIALOGUE_PAGE_VERSION_SECONDS", "1"))
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth 65): e-mail only, verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"  # filled by allauth, never shown
ACCOUNT_USER_DISPLAY = "dialogue_portal.accounts.user_display"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "change_email": "1/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Dialogue Portal] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Two-factor authentication (allauth's MFA): an authenticator app (TOTP) with recovery codes. Staff and the
# organisers of any event must have it before they reach a back office (dialogue_portal/mfa.py) whenever
# debug is off; with debug on (the README's quick start) it is offered but not required.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Dialogue Portal"
MFA_REQUIRED_FOR_BACK_OFFICE = env_bool("DIALOGUE_MFA_REQUIRED", not DEBUG and not TESTING)
LOGIN_REDIRECT_URL = "dashboard"
LOGIN_URL = "account_login"

# Internationalisation: the four languages of the Americas' dialogues.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt-br", _("Brazilian Portuguese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Country names come from django-countries' catalogues, except where one is wrong: its Spanish has
# "Trinidad yTobago". The names here are translated in our own catalogues.
COUNTRIES_OVERRIDE = {"TT": _("Trinidad and Tobago")}
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
# English dates in British order and on a 24-hour clock (dialogue_portal/formats/en/formats.py); the other
# languages use Django's formats. Formats with a weekday are in events/dates.py.
FORMAT_MODULE_PATH = ["dialogue_portal.formats"]
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es", "fr", "pt-br")
# Event content falls back to the event's default language first (dialogue_portal/i18n.py), then to these:
# a Brazilian reader gets Spanish, the closest language, before English; everyone else the default order.
MODELTRANSLATION_FALLBACK_LANGUAGES = EventFallbackLanguages(
    {"default": ("en", "es", "fr", "pt-br"), "pt-br": ("es",)}
)

# Static and media files: all assets are served by the portal itself (no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Uploads (docs/limits.md): pictures re-encoded to the size they are shown at, documents checked by content.
IMAGE_MAX_BYTES = int(os.environ.get("DJANGO_IMAGE_MAX_MB", "10")) * 1024 * 1024
IMAGE_MAX_PIXELS = int(os.environ.get("DJANGO_IMAGE_MAX_PIXELS", str(40_000_000)))
DOCUMENT_MAX_BYTES = int(os.environ.get("DJANGO_DOCUMENT_MAX_MB", "20")) * 1024 * 1024
# The largest file `import_event` reads (the demo is about 1 MB).
EVENT_IMPORT_MAX_BYTES = int(os.environ.get("DJANGO_EVENT_IMPORT_MAX_MB", "50")) * 1024 * 1024

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Dialogue Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Behind a TLS-terminating proxy set DJANGO_SECURE_PROXY_SSL_HEADER=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers probe it over plain HTTP
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp 4): no inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# The observatory's open data API (Django REST framework): read-only JSON, paginated, rate limited per
# client in the default cache; its OpenAPI schema by drf-spectacular at /api/schema/.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["observatory.api.throttling.OpenDataThrottle"],
    "DEFAULT_THROTTLE_RATES": {"open_data": os.environ.get("DIALOGUE_API_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dialogue Portal observatory API",
    "DESCRIPTION": (
        "Read-only open data of the observatory: events, entries (recommendations, country observations, "
        "trends), commitments, progress updates and library documents of published events."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# PDF rendering limits (WeasyPrint): the hard time limit of a programme or report render.
PDF_RENDER_TIMEOUT_SECONDS = int(os.environ.get("DIALOGUE_PDF_TIMEOUT", "120"))

# Background jobs (events.jobs): on Celery when a broker is configured (CELERY_BROKER_URL, else REDIS_URL),
# otherwise in child processes of the web process with the same hard limits. Tests run them inline.
# (Tests never reach a real broker: a test that switches to the Celery runner sends to memory.)
CELERY_BROKER_URL = "memory://" if TESTING else (os.environ.get("CELERY_BROKER_URL") or REDIS_URL)
JOBS_RUNNER = os.environ.get("DIALOGUE_JOBS_RUNNER") or (
    "inline" if TESTING else "celery" if CELERY_BROKER_URL else "local"
)
JOBS_LOCAL_WORKERS = int(os.environ.get("DIALOGUE_JOBS_LOCAL_WORKERS", "2"))  # per web process
# How often the check-in desk's attendance page updates its counts in place (with JavaScript).
CHECKIN_LIVE_SECONDS = int(os.environ.get("DIALOGUE_CHECKIN_LIVE_SECONDS", "15"))
JOBS_QUEUE_SECONDS = int(os.environ.get("DIALOGUE_JOBS_QUEUE_SECONDS", "600"))  # longest wait for a worker
JOBS_RETRY_AFTER_SECONDS = int(os.environ.get("DIALOGUE_JOBS_RETRY_AFTER", "300"))  # a failure is kept
# Bulk e-mail (events.mailing): messages per SMTP connection, retries of a batch the server interrupts (the
# delay doubles each time), and the hard limit of a mailing job.
MAILING_BATCH_SIZE = int(os.environ.get("DIALOGUE_MAILING_BATCH_SIZE", "50"))
MAILING_RETRIES = int(os.environ.get("DIALOGUE_MAILING_RETRIES", "3"))
MAILING_RETRY_DELAY_SECONDS = 0 if TESTING else float(os.environ.get("DIALOGUE_MAILING_RETRY_DELAY", "5"))
MAILING_TIMEOUT_SECONDS = int(os.environ.get("DIALOGUE_MAILING_TIMEOUT", "1800"))
# Allocations of sessions with more approved participants than this run as background jobs (the solver's
# hard limit: DIALOGUE_ALLOCATION_TIMEOUT); smaller ones run within the request.
ALLOCATION_INLINE_MAX_PARTICIPANTS = int(os.environ.get("DIALOGUE_ALLOCATION_INLINE_MAX", "150"))
ALLOCATION_TIMEOUT_SECONDS = int(os.environ.get("DIALOGUE_ALLOCATION_TIMEOUT", "300"))
IMPORT_TIMEOUT_SECONDS = int(os.environ.get("DIALOGUE_IMPORT_TIMEOUT", "300"))  # an event file from the web
CELERY_TASK_IGNORE_RESULT = True  # a job's state lives in its row (events.models.Job)
CELERY_TASK_ACKS_LATE = False  # a job killed at its limit is not delivered again
CELERY_TASK_TIME_LIMIT = 30 * 60  # backstop: every job also gets its kind's own limit
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50  # WeasyPrint's memory goes back to the system now and then
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Logs carry no personal data: every handler redacts e-mail and IP addresses, phone numbers and the secrets
# in URLs (dialogue_portal/log_filters.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "dialogue_portal.log_filters.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_personal_data"]}},
    "loggers": {
        "weasyprint": {"handlers": ["console"], "level": "ERROR"},
        "fontTools": {"handlers": ["console"], "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
