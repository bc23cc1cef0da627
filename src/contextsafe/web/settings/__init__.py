"""Settings split as cookiecutter-django does: base, local (the demo), production and test."""
