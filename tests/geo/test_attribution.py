"""The licence attribution of the open data is reproduced verbatim in NOTICE and docs/open-data.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contextsafe.geo import open_data_dir

REPO = Path(__file__).resolve().parents[2]


def _readme_blocks() -> list[str]:
    readme = (open_data_dir() / "README.md").read_text(encoding="utf-8")
    licence = re.search(r"^## Licence and attribution.*?\n\n(.*?)\n\n## ", readme, re.S | re.M)
    section7 = re.search(r"^(- Attribution \(reproduce.*?)\n- Carrier", readme, re.S | re.M)
    assert licence and section7, "the data README changed shape: update NOTICE and docs/open-data.md"
    return [licence.group(1), section7.group(1)]


@pytest.mark.parametrize("document", ["NOTICE", "docs/open-data.md"])
def test_attribution_is_reproduced_verbatim(document: str) -> None:
    text = (REPO / document).read_text(encoding="utf-8")
    for block in _readme_blocks():
        assert block in text
