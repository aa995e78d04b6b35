"""Safe YAML loading that remembers where every value came from.

:func:`parse_yaml` composes a document with PyYAML's SafeLoader and converts
the node tree to plain Python values itself, so that

- every value and every mapping key has a 1-based line and column (a
  :class:`Spot`), looked up by its path (``("criteria", 0, "metric")``);
- no object is ever constructed from a non-standard tag
  (``!!python/object/apply:...``): such a node becomes :data:`INVALID` and a
  problem;
- duplicate keys, merge keys, recursive aliases and malformed YAML become
  problems instead of exceptions or silent overwrites.

:class:`Checker` is the base for schema checks over such a document (a
mapping's keys, strings, numbers): it records every problem at its spot, with
messages such as ``expected a number, got string 'heavy'`` and
``unknown key 'wieght' (did you mean 'weight'?); expected one of: ...``.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from .errors import Problem


def load_data(text: str) -> Any:
    """``yaml.safe_load(text)``, through libyaml's parser when PyYAML has it:
    the same data, about 7 times faster (the shipped cue files are parsed on
    every run); the pure-Python SafeLoader otherwise."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


Path = tuple[str | int, ...]

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STANDARD + name for name in ("null", "bool", "int", "float", "str", "timestamp")}
_TEXT_TAGS = {_STANDARD + "value", _STANDARD + "merge"}  # '=' and '<<' read as plain text
_MAX_NODES = 100_000  # guards against alias bombs ("billion laughs")


class Invalid:
    """The value of a node that was already reported; checks should skip it silently."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


@dataclass(frozen=True)
class Spot:
    """Where a node starts (1-based line and column) and, for a scalar, its source text."""

    line: int
    column: int
    text: str | None = None


@dataclass
class Document:
    """Plain values (dict, list, str, int, float, bool, None, date) plus their spots.

    ``data`` is None for an empty document. ``spots`` maps a path to where its
    value starts; ``key_spots`` maps the path of a mapping entry to where its
    key starts.
    """

    data: Any = None
    spots: dict[Path, Spot] = field(default_factory=dict)
    key_spots: dict[Path, Spot] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _TooManyNodes(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that stops composing past _MAX_NODES nodes: the pure-Python
    composer took 170 s and 2.8 GB for a 9 MB list before the converter's
    budget could refuse it."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.nodes += 1
        if self.nodes > _MAX_NODES:
            raise _TooManyNodes(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


def parse_yaml(text: str) -> Document:
    """Compose ``text`` safely; malformed YAML, or YAML of more than
    _MAX_NODES nodes, gives a document with one problem."""
    document = Document()
    try:
        loader = _BoundedLoader(text)  # it checks the characters at once
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        document.problems.append(_syntax_problem(error, text))
        return document
    except _TooManyNodes as stop:
        document.problems.append(
            Problem(
                f"the document is too large (more than {_MAX_NODES:,} values; a rubric "
                "or a --map file has a few hundred)",
                (),
                stop.mark.line + 1,
                stop.mark.column + 1,
            )
        )
        return document
    if root is not None:
        document.data = _Converter(document).convert(root, ())
    return document


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/name`` -> ``!!python/name``; other tags unchanged."""
    return "!!" + tag[len(_STANDARD) :] if tag.startswith(_STANDARD) else tag


def _spot(node: yaml.Node) -> Spot:
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    return Spot(node.start_mark.line + 1, node.start_mark.column + 1, raw)


def _syntax_problem(error: yaml.YAMLError, text: str) -> Problem:
    """One problem for a scanner/parser/composer/reader error, at the parser's position."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = ord(error.character) if isinstance(error.character, str) else error.character
        character = f"#x{code:04x}" if isinstance(code, int) else "?"
        message = f"invalid YAML: unacceptable character {character}: {error.reason}"
        return Problem(message, (), line, column)
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        problem = str(error.problem or "cannot parse")
        problem = problem[4:] if problem.startswith("but ") else problem
        if error.context and error.context_mark is not None:
            problem += f" ({error.context} at line {error.context_mark.line + 1})"
        mark = error.problem_mark
        return Problem(f"invalid YAML: {problem}", (), mark.line + 1, mark.column + 1)
    return Problem(f"invalid YAML: {error}")


class _Converter:
    """Walks a node tree into plain values, recording spots and problems."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.constructor = yaml.SafeLoader("")
        self.active: set[int] = set()  # ids of the collections being converted (cycle guard)
        self.budget = _MAX_NODES

    def problem(self, message: str, path: Path, spot: Spot) -> None:
        self.document.problems.append(Problem(message, path, spot.line, spot.column))

    def convert(self, node: yaml.Node, path: Path) -> Any:
        """The plain value of ``node``, or INVALID after recording a problem."""
        spot = _spot(node)
        self.document.spots[path] = spot
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.problem("the document is too large (aliases expand too far)", path, spot)
            return INVALID
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path, spot)
        expected = _STANDARD + ("seq" if isinstance(node, yaml.SequenceNode) else "map")
        if node.tag != expected:
            self.problem(f"YAML tags are not allowed here: {short_tag(node.tag)!r}", path, spot)
            return INVALID
        if id(node) in self.active:
            self.problem("a YAML alias refers to itself", path, spot)
            return INVALID
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.active.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, path: Path, spot: Spot) -> Any:
        """A scalar via SafeLoader's constructors; only standard tags reach them."""
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.problem(f"YAML tags are not allowed here: {short_tag(node.tag)!r}", path, spot)
            return INVALID
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            tag = short_tag(node.tag)
            self.problem(f"cannot read {node.value!r} as {tag}", path, spot)
            return INVALID

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        """Keys are taken as text; the first of duplicate keys wins."""
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            key_path = (*path, key)
            if key in result:
                first = self.document.key_spots[key_path].line
                message = f"duplicate key {key!r} (first defined at line {first})"
                self.problem(message, key_path, _spot(key_node))
                continue
            self.document.key_spots[key_path] = _spot(key_node)
            result[key] = self.convert(value_node, key_path)
        return result

    def key(self, node: yaml.Node, path: Path) -> str | None:
        """The text of a plain scalar key, or None after recording a problem."""
        spot = _spot(node)
        if not isinstance(node, yaml.ScalarNode):
            kind = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
            self.problem(f"a key must be a plain word, got {kind}", path, spot)
        elif node.tag == _STANDARD + "merge":
            message = "YAML merge keys ('<<') are not supported; write the keys out"
            self.problem(message, (*path, "<<"), spot)
        elif node.tag not in _SCALAR_TAGS:
            self.problem(f"YAML tags are not allowed here: {short_tag(node.tag)!r}", path, spot)
        else:
            return str(node.value)
        return None


# --------------------------------------------------------------------------- checking


def describe(value: object) -> str:
    """What a YAML value is, for "expected X, got Y" messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value:g}"
    if isinstance(value, str):
        return f"string {value if len(value) <= 40 else value[:37] + '...'!r}"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, date):
        return f"date {value.isoformat()}"
    return type(value).__name__


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for a close match among ``options``, else ''."""
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def unknown(kind: str, word: str, options: list[str] | tuple[str, ...], listing: str) -> str:
    """``unknown key 'x' (did you mean 'y'?); expected one of: a, b``."""
    listed = ", ".join(sorted(options))
    return f"unknown {kind} {word!r}{did_you_mean(word, options)}; {listing}: {listed}"


class Checker:
    """Base for schema checks over a :class:`Document`; collects problems as it goes.

    Each check returns the checked value, or None when it is wrong (a problem
    is then recorded, or the value is INVALID and was reported while parsing).
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = list(document.problems)

    def report(self, path: Path, message: str, *, at_key: bool = False) -> None:
        """Record a problem at the value (or the key) found at ``path``."""
        spots = self.document.key_spots if at_key else self.document.spots
        spot = spots.get(path)
        line, column = (spot.line, spot.column) if spot else (None, None)
        self.problems.append(Problem(message, path, line, column))

    def mapping(
        self,
        path: Path,
        value: object,
        what: str,
        keys: tuple[str, ...],
        required: tuple[str, ...],
    ) -> dict[str, Any] | None:
        """A mapping with no unknown keys (reported) and its required keys (reported)."""
        if value is INVALID:
            return None
        if not isinstance(value, dict):
            self.report(path, f"expected {what}, got {describe(value)}")
            return None
        for key in value:
            if key not in keys:
                message = unknown("key", key, keys, "expected one of")
                self.report((*path, key), message, at_key=True)
        for key in required:
            if key not in value:
                self.report(path, f"missing required key {key!r}")
        return value

    def string(self, path: Path, value: object, what: str, *, empty: bool = False) -> str | None:
        """A string (non-empty unless ``empty``)."""
        if value is INVALID:
            return None
        if not isinstance(value, str) or not (value or empty):
            self.report(
                path, f"expected {what}, got {describe(value)}{self.bare_word(path, value)}"
            )
            return None
        return value

    def bare_word(self, path: Path, value: object) -> str:
        """A hint when YAML 1.1 read a bare yes/no/on/off as a boolean, else ''."""
        spot = self.document.spots.get(path)
        word = spot.text if spot and isinstance(value, bool) else None
        if not word or word.lower() in ("true", "false"):
            return ""
        return (
            f' (YAML reads a bare {word} as {str(value).lower()}; write "{word}" to keep the word)'
        )

    def number(
        self, path: Path, value: object, low: float | None = None, high: float | None = None
    ) -> float | None:
        """A finite int or float (not a boolean) within [low, high]."""
        if value is INVALID:
            return None
        number = math.nan
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        if not math.isfinite(number):
            self.report(path, f"expected a number, got {describe(value)}")
            return None
        if low is not None and number < low:
            self.report(path, f"must be at least {low:g}, got {number:g}")
            return None
        if high is not None and number > high:
            self.report(path, f"must be at most {high:g}, got {number:g}")
            return None
        return number
