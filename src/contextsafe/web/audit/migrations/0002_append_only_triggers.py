"""Refuse UPDATE and DELETE on the audit table in the database itself (SQLite and PostgreSQL)."""

from django.db import migrations

from contextsafe.web.audit.triggers import install


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
