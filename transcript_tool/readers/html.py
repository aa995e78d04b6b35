"""A web page saved as a transcript (.html): its text, a line per block.

Podcast sites, course platforms and some transcription tools publish a
transcript as a web page, and people save the page. Its text is read here
with the standard library's :class:`html.parser.HTMLParser` and then sniffed
like a .txt, so every text layout works inside it: a line per paragraph,
heading, list item, table cell and ``<br>``; the text of ``<title>``,
``<script>``, ``<style>``, ``<template>``, ``<noscript>`` and ``<svg>`` left
out; character references decoded; runs of spaces and newlines inside a
block one space (``<pre>`` keeps its lines). Line numbers in messages are
lines of this text, not of the page's source.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import InputError, one_line

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "template", "noscript", "svg", "title"})
_PAGE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_SPACES = re.compile(r"\s+")


def is_html(text: str, source: str) -> bool:
    """Whether ``text`` is a web page: it opens with ``<!DOCTYPE html>`` or
    ``<html``, or a file named .html/.htm holds a tag."""
    if _PAGE.match(text):
        return True
    return source.lower().endswith((".html", ".htm")) and re.search(r"<[a-zA-Z]", text) is not None


def html_text(text: str, source: str) -> str:
    """The page's text, a line per block (see the module docstring). A page
    the parser cannot read ("<![" before no keyword) is an InputError naming
    its line."""
    parser = _Text()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as error:  # how html.parser reports a bad declaration
        line = parser.getpos()[0]
        message = one_line(str(error))[:80]
        raise InputError(
            f"this web page could not be read ({message}); save its text as a .txt file "
            "and pass that",
            source=source,
            line=line,
        ) from None
    return parser.result()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._current: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCKS:
            self._break()
            if tag == "pre":
                self._pre = max(self._pre - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._current.append(first)
            for line in rest:
                self._break()
                self._current.append(line)
        else:
            self._current.append(data)

    def _break(self) -> None:
        line = "".join(self._current)
        self._current = []
        line = line.rstrip() if self._pre else _SPACES.sub(" ", line).strip()
        if line or self._pre:
            self._lines.append(line)

    def result(self) -> str:
        self._break()
        return "\n".join(self._lines).strip("\n") + "\n"
