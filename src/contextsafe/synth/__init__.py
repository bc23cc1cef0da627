"""A synthetic borough over real geography, with its ground truth.

``generate_borough`` writes agency exports that look like real ones (CSV and XLSX, each agency with
its own codes, date formats and quirks), a source mapping for each, and — separately — the ground
truth the pipeline is scored against: the true person of every record, planted peer groups, hotspot
places, the schools groups concentrate in, and households with domestic abuse.
``generate_linkage_records`` writes one large file of noisy person records for the linkage benchmark.
"""

from contextsafe.synth.borough import SynthSummary, generate_borough
from contextsafe.synth.linkage import generate_linkage_records
from contextsafe.synth.names import load_nicknames, nickname_table

__all__ = ["SynthSummary", "generate_borough", "generate_linkage_records", "load_nicknames", "nickname_table"]
