"""transcript-tool: analyse job-interview transcripts.

Public API (each a plain function; nothing here prints or exits)::

    from transcript_tool import read_transcript, analyze, load_rubric, score

    transcript = read_transcript("interview.txt")
    analysis = analyze(transcript)
    report = score(analysis, load_rubric("default"))
    print(render_report(report, "markdown"))

spaCy is imported only when :func:`analyze` first needs it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import analyze, load_rubric, read_transcript, render_report, score

__all__ = ["__version__", "analyze", "load_rubric", "read_transcript", "render_report", "score"]
