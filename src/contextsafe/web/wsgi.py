"""The WSGI application, for any WSGI server (``contextsafe.web.run(server="gunicorn")`` serves it with gunicorn).

Set ``CONTEXTSAFE_WORKSPACE`` and ``CONTEXTSAFE_WEB_DATABASE`` first; with several worker processes also set
``CONTEXTSAFE_SECRET_KEY`` (or preload the application), or each worker signs sessions with its own key.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contextsafe.web.settings.local")
application = get_wsgi_application()
