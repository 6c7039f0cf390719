"""Every Saathi setting, declared once, read from a SAATHI_* environment variable.

The defaults need nothing installed: SQLite, files on disk and Huey on SQLite under
SAATHI_DATA_DIR. Scale-out is a matter of setting SAATHI_DATABASE_URL, SAATHI_REDIS_URL
and SAATHI_S3_*. Each variable is documented in the README; tests/config/
test_settings_are_documented.py fails when one is not.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlparse

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

# Generic Django classes (ModelAdmin[Activity], QuerySet[User]) accept type arguments.
django_stubs_ext.monkeypatch()

# ---------------------------------------------------------------------------
# Helpers: read one variable, reject a bad value with a message naming it.
# ---------------------------------------------------------------------------

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value: use 1/0, true/false, yes/no or on/off."
    )


def env_int(
    name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below the minimum of {minimum}.")
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(f"{name}={value} is above the maximum of {maximum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, default: str = "", *, schemes: tuple[str, ...]) -> str:
    value = env_str(name, default)
    if not value:
        return ""
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        starts = " or ".join(scheme + "://" for scheme in schemes)
        raise ImproperlyConfigured(f"{name}={value!r} is not a URL starting with {starts}.")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env_str(name, default).lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


def _secret_key(data_dir: Path) -> str:
    """SAATHI_SECRET_KEY, else a key generated on first start and kept in the data dir.

    Kept on disk so sessions survive a restart; several app servers share it by
    setting SAATHI_SECRET_KEY.
    """
    configured = env_str("SAATHI_SECRET_KEY")
    if configured:
        if len(configured) < 32:
            raise ImproperlyConfigured("SAATHI_SECRET_KEY is shorter than 32 characters.")
        return configured
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


# ---------------------------------------------------------------------------
# Where things live
# ---------------------------------------------------------------------------

BASE_DIR = Path(__file__).resolve().parent.parent  # the saathi package
DATA_DIR = Path(env_str("SAATHI_DATA_DIR", "var")).expanduser().resolve()

DEBUG = env_bool("SAATHI_DEBUG", False)
SECRET_KEY = _secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("SAATHI_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("SAATHI_CSRF_TRUSTED_ORIGINS", [])

# The address `saathi serve` binds to.
SAATHI_HOST = env_str("SAATHI_HOST", "127.0.0.1")
SAATHI_PORT = env_int("SAATHI_PORT", 8000, minimum=1, maximum=65535)
SAATHI_WEB_WORKERS = env_int("SAATHI_WEB_WORKERS", 2, minimum=1, maximum=64)

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "saathi.accounts",
    "saathi.system",
    "saathi.notifications",
    "saathi.people",
    "saathi.activities",
    "saathi.records",
    "saathi.progress",
    "saathi.together",
    "saathi.conversations",
    "saathi.feed",
    "saathi.moderation",
    "saathi.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "saathi.config.urls"
WSGI_APPLICATION = "saathi.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "saathi.config.context_processors.saathi",
                "saathi.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database: SQLite in the data dir, or PostgreSQL via SAATHI_DATABASE_URL
# ---------------------------------------------------------------------------

DATABASE_URL = env_url("SAATHI_DATABASE_URL", schemes=("postgres", "postgresql", "sqlite"))
if DATABASE_URL:
    import dj_database_url

    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "saathi.sqlite3"),
            "OPTIONS": {
                # WAL lets the worker write while pages read; IMMEDIATE avoids the
                # "database is locked" upgrade deadlock between two writers.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Failed logins allowed per account and per client address in the window below.
SAATHI_LOGIN_ATTEMPTS = env_int("SAATHI_LOGIN_ATTEMPTS", 5, minimum=1)
SAATHI_LOGIN_WINDOW_S = env_int("SAATHI_LOGIN_WINDOW_S", 900, minimum=1)
# Reverse proxies in front of the app server; the client address is read from the
# X-Forwarded-For entry they appended. 0 trusts no header, only the connection.
SAATHI_PROXY_HOPS = env_int("SAATHI_PROXY_HOPS", 0, minimum=0, maximum=5)

# ---------------------------------------------------------------------------
# Security: secure cookies and strict headers unless serving plain HTTP locally
# ---------------------------------------------------------------------------

SAATHI_HTTPS = env_bool("SAATHI_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = SAATHI_HTTPS
CSRF_COOKIE_SECURE = SAATHI_HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Left to the site's owner on purpose, so `check --deploy` stays quiet about them: HSTS for
# subdomains (other services may share the domain) and preloading; the redirect to HTTPS,
# which the proxy in front does (and which would break `make demo` on plain localhost).
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W008", "security.W021"]
if SAATHI_HTTPS:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# ---------------------------------------------------------------------------
# Time, language
# ---------------------------------------------------------------------------

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------
# Files: static from the app server; media on disk or on S3
# ---------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

S3_BUCKET = env_str("SAATHI_S3_BUCKET")
S3_ENDPOINT_URL = env_url("SAATHI_S3_ENDPOINT_URL", schemes=("http", "https"))
S3_ACCESS_KEY_ID = env_str("SAATHI_S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env_str("SAATHI_S3_SECRET_ACCESS_KEY")
S3_REGION = env_str("SAATHI_S3_REGION", "us-east-1")

if S3_BUCKET:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "access_key": S3_ACCESS_KEY_ID or None,
            "secret_key": S3_SECRET_ACCESS_KEY or None,
            "region_name": S3_REGION,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": "path",
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# ---------------------------------------------------------------------------
# Background jobs: Huey on SQLite in the data dir, or on Redis
# ---------------------------------------------------------------------------

REDIS_URL = env_url("SAATHI_REDIS_URL", schemes=("redis", "rediss", "unix"))
HUEY_WORKERS = env_int("SAATHI_HUEY_WORKERS", 2, minimum=1, maximum=64)
# Set explicitly: djhuey otherwise runs tasks inline whenever DEBUG is on.
HUEY_IMMEDIATE = env_bool("SAATHI_HUEY_IMMEDIATE", False)

# Two sites sharing one Redis need different names; so does each test run.
HUEY_NAME = env_str("SAATHI_HUEY_NAME", "saathi")

HUEY: dict[str, object] = {
    "name": HUEY_NAME,
    "immediate": HUEY_IMMEDIATE,
    "consumer": {"workers": HUEY_WORKERS, "worker_type": "thread"},
}
if REDIS_URL:
    HUEY.update(huey_class="huey.RedisHuey", url=REDIS_URL)
else:
    HUEY.update(huey_class="huey.SqliteHuey", filename=str(DATA_DIR / "huey.sqlite3"))

# The cache holds login-attempt counts, so every app-server process must see the same
# one: Redis when there is one (keys prefixed with the site's name, as Huey's queue is),
# else files in the data dir (one machine, many workers).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": HUEY_NAME,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# ---------------------------------------------------------------------------
# Maps: tiles are the only thing fetched from outside; the route draws without them
# ---------------------------------------------------------------------------

# Uploads: one request may carry up to this many megabytes of activity files (a year's
# ZIP export); files above FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to disk, not memory.
UPLOAD_MAX_MB = env_int("SAATHI_UPLOAD_MAX_MB", 200, minimum=1, maximum=10_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Django refuses more files than this in one request (its default, 100, is a folder of runs).
DATA_UPLOAD_MAX_NUMBER_FILES = 500

MAP_TILE_URL = env_str("SAATHI_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "SAATHI_MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# ---------------------------------------------------------------------------
# Email: printed to the console unless an SMTP host is set
# ---------------------------------------------------------------------------

EMAIL_HOST = env_str("SAATHI_EMAIL_HOST")
EMAIL_PORT = env_int("SAATHI_EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("SAATHI_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("SAATHI_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("SAATHI_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("SAATHI_FROM_EMAIL", "Saathi <saathi@localhost>")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Where people reach this site, for the links in emails (a mail has no request to ask).
SAATHI_SITE_URL = env_url(
    "SAATHI_SITE_URL", "http://127.0.0.1:8000", schemes=("http", "https")
).rstrip("/")
# The hour of each person's own day (their home time zone) the daily digest goes out.
SAATHI_DIGEST_HOUR = env_int("SAATHI_DIGEST_HOUR", 7, minimum=0, maximum=23)

# ---------------------------------------------------------------------------
# Logging: to the console, where `saathi serve` and the worker print
# ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice(
            "SAATHI_LOG_LEVEL", "info", ("debug", "info", "warning", "error")
        ).upper(),
    },
    # run_huey adds a second handler of its own unless the "huey" logger already has one.
    "loggers": {"huey": {"handlers": ["console"], "propagate": False}},
}
