"""The workspace and its canonical DuckDB store."""

from contextsafe.store.schema import INGESTED, TABLES, columns, create_statements, natural_key
from contextsafe.store.workspace import Workspace

__all__ = ["INGESTED", "TABLES", "Workspace", "columns", "create_statements", "natural_key"]
