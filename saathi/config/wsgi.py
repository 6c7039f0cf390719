"""The WSGI application that `saathi serve` hands to gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saathi.config.settings")

application = get_wsgi_application()
