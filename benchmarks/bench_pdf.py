"""Does a transcript printed to PDF read as the transcript? And how fast?

    python benchmarks/bench_pdf.py [--corpora DIR] [--width N]

Each text transcript, the project's samples and the real Otter exports in
``../shared/corpora/export-formats/otter-ladybug``, is printed to a PDF by
``tests/pdfmake.py`` as a word processor would print it: its lines wrapped at
``--width`` characters (default 90; a word may break after a hyphen), 48
lines a page, its blank lines left as gaps, a running header with the file's
name above each page and "Page N of M" below. The PDF is then read as the
tool reads any PDF (``readers/pdf.py``: PDFium's text, blank lines put back
from the gaps, page furniture left out) and compared with reading the text
itself: the same format, and the same turns (speaker, start, words).

Printed per file: pages, turns read from the text and from the PDF, whether
they agree (else the first turn that differs, or the error), and
milliseconds per page of ``pdf_text``. At the end, the totals and, when pypdf
is installed (the test extra has it), its milliseconds per page in plain and
layout mode on the same PDFs, the library this reader was measured against;
then the same for each PDF in ``samples/``, which a real PDF writer made
(Chromium's print: a text operation per word, where pdfmake writes one per
line). A corpus folder that is absent is one line and skipped (exit status
0), as on a fresh clone.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfmake import text_pdf  # noqa: E402

from transcript_tool import read_transcript  # noqa: E402
from transcript_tool.errors import InputError  # noqa: E402
from transcript_tool.readers.pdf import pdf_text  # noqa: E402

SAMPLE_SUFFIXES = (".txt", ".md", ".srt", ".sbv", ".vtt")
LADYBUG = Path("export-formats/otter-ladybug")


def turns(path: Path) -> tuple[str, list[tuple[str, float | None, list[str]]]]:
    transcript = read_transcript(path)
    return transcript.format, [(t.speaker, t.start, t.text.split()) for t in transcript.turns]


def first_difference(a: list, b: list) -> str:  # type: ignore[type-arg]
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"turn {i}: {x[0]} {' '.join(x[2][:6])!r} / {y[0]} {' '.join(y[2][:6])!r}"
    return f"{len(a)} turns / {len(b)}"


def pypdf_ms(pdfs: list[bytes]) -> dict[str, float] | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    result = {}
    pages = 0
    for mode in ("plain", "layout"):
        started = time.perf_counter()
        pages = 0
        for data in pdfs:
            for page in PdfReader(io.BytesIO(data)).pages:
                page.extract_text(extraction_mode=mode)
                pages += 1
        result[mode] = 1000 * (time.perf_counter() - started) / pages
    return result


def page_count(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--width", type=int, default=90)
    args = parser.parse_args()
    files = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in SAMPLE_SUFFIXES)
    ladybug = args.corpora / LADYBUG
    if ladybug.is_dir():
        files += sorted(p for p in ladybug.glob("*.md") if p.name != "SOURCE.md")
    else:
        print(f"{ladybug}: not found, real Otter exports skipped")
    pdfs: list[bytes] = []
    agree = total_pages = 0
    seconds = 0.0
    pdf_text(text_pdf("Interviewer: Hi."), "warm-up.pdf")  # imports PDFium
    print(f"{'file':44} {'pages':>5} {'turns':>11}  {'ms/page':>7}  agrees")
    tmp = Path(sys.argv[0]).resolve().parent / ".bench_pdf.tmp.pdf"
    try:
        for path in files:
            text = path.read_text(encoding="utf-8-sig")
            data = text_pdf(
                text,
                width=args.width,
                header=f"{path.name} - transcript",
                footer="Page {n} of {of}",
            )
            pdfs.append(data)
            started = time.perf_counter()
            pdf_text(data, "x.pdf")
            spent = time.perf_counter() - started
            tmp.write_bytes(data)
            pages = page_count(data)
            total_pages += pages
            seconds += spent
            kind, said = turns(path)
            try:
                printed_kind, printed = turns(tmp)
            except InputError as error:
                print(
                    f"{path.name:44} {pages:5} {'-':>11}  {1000 * spent / pages:7.1f}  NO ({error})"
                )
                continue
            same = kind == printed_kind and said == printed
            agree += same
            verdict = (
                "yes" if same else f"NO ({kind}/{printed_kind}; {first_difference(said, printed)})"
            )
            shown = f"{len(said)}/{len(printed)}"
            print(f"{path.name:44} {pages:5} {shown:>11}  {1000 * spent / pages:7.1f}  {verdict}")
    finally:
        tmp.unlink(missing_ok=True)
    print(f"\n{agree} of {len(files)} files read alike from the text and the PDF")
    per_page = 1000 * seconds / total_pages
    print(f"readers/pdf.py (pypdfium2): {per_page:.1f} ms a page, {total_pages} pages")
    other = pypdf_ms(pdfs)
    if other:
        plain, layout = other["plain"], other["layout"]
        print(f"pypdf, for comparison: plain {plain:.1f} ms a page, layout {layout:.1f}")
    for path in sorted((ROOT / "samples").glob("*.pdf")):  # as a real PDF writer makes them
        data = path.read_bytes()
        started = time.perf_counter()
        pdf_text(data, path.name)
        spent = 1000 * (time.perf_counter() - started)
        pages = page_count(data)
        other = pypdf_ms([data])
        compared = (
            f"; pypdf plain {other['plain']:.1f}, layout {other['layout']:.1f}" if other else ""
        )
        print(f"{path.name} ({pages} pages): {spent / pages:.1f} ms a page{compared}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
