"""What keeps a one-shot run fast (benchmarks/bench.py measures it).

The spaCy pipeline is built once per process however it is asked for, and
the shipped cue files are parsed by libyaml when PyYAML has it, into exactly
the data the pure-Python loader gives.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from transcript_tool.nlp import get_nlp
from transcript_tool.yamlnodes import load_data

DATA_FILES = sorted(
    entry.name
    for entry in resources.files("transcript_tool.data").iterdir()
    if entry.name.endswith(".yaml")
)


def test_the_pipeline_is_built_once_per_process() -> None:
    assert get_nlp() is get_nlp(None)


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types and key order all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("name", DATA_FILES)
def test_shipped_data_loads_as_safe_load_gives_it(name: str) -> None:
    text = resources.files("transcript_tool.data").joinpath(name).read_text("utf-8")
    assert same(load_data(text), yaml.safe_load(text))


def test_load_data_is_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        load_data("!!python/object/apply:os.system ['true']")
