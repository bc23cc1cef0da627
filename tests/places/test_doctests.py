"""The examples in the places docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["gistar", "pai", "points", "journeys"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"contextsafe.places.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
