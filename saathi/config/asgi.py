"""The ASGI application, for servers that prefer it; `saathi serve` uses wsgi.py."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saathi.config.settings")

application = get_asgi_application()
