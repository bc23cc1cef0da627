"""contextsafe: a contextual response to peer-on-peer abuse.

The pipeline, stage by stage (each stage's ``__init__`` is its whole public surface):

- :mod:`contextsafe.vocab` — the controlled vocabularies (concerns, roles, purposes, contexts).
- :mod:`contextsafe.sources` — source mappings: what an agency export holds and on what legal basis.
- :mod:`contextsafe.ingest` — validate exports, quarantine bad rows, load the canonical store.
- :mod:`contextsafe.store` — the workspace: one folder, one embedded DuckDB store.
- :mod:`contextsafe.geo` — the real open geography (boundaries, postcodes, schools, bus stops).
- :mod:`contextsafe.synth` — a synthetic borough over real geography, with its ground truth.
"""

from contextsafe.errors import ContextsafeError

__version__ = "0.1.0"
__all__ = ["ContextsafeError", "__version__"]
