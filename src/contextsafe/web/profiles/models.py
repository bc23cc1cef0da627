"""No tables of its own: it reads the analysis store."""
