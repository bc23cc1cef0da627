"""The examples in the contexts docstrings run and give what they say."""

from __future__ import annotations

import doctest

import pytest

from contextsafe.contexts import communities, evaluate, schools


@pytest.mark.parametrize("module", [communities, evaluate, schools], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
