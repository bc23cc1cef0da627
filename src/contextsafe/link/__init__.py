"""Link young people's records across agencies into persons (Splink; DuckDB, or Spark at scale).

>>> from contextsafe.link import link_records  # doctest: +SKIP
>>> result = link_records(records)             # doctest: +SKIP
>>> result.person_records.columns              # doctest: +SKIP
['source', 'record_id', 'person_id', 'match_probability']
"""

from contextsafe.link.explain import Contribution, PairExplanation
from contextsafe.link.models import ModelSpec, uk_children_model
from contextsafe.link.run import LinkResult, explain_pair, link_records
from contextsafe.link.settings import LinkSettings
from contextsafe.link.store import decisions, link_workspace, record_decision, review_queue

__all__ = [
    "Contribution",
    "LinkResult",
    "LinkSettings",
    "ModelSpec",
    "PairExplanation",
    "decisions",
    "explain_pair",
    "link_records",
    "link_workspace",
    "record_decision",
    "review_queue",
    "uk_children_model",
]
