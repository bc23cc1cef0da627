"""Writing files analysts open in Excel: every cell made safe against formula injection."""

from contextsafe.exports.safe import safe_cell, write_csv, write_xlsx

__all__ = ["safe_cell", "write_csv", "write_xlsx"]
