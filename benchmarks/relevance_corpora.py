"""Question/answer pairs with human "did the answer address the question?" labels.

Loaders for the two corpora that ``eval_relevance.py`` uses to check the project's
``relevance`` metric ("answered the asked question"). The corpora live outside the
repository, under ``../shared/corpora`` (read-only, see each folder's SOURCE.md); nothing
is copied into the project. A fresh clone has no ``../shared``: use :func:`available`
before loading (the loaders raise FileNotFoundError otherwise).

    from relevance_corpora import available, load_clarity, load_hearings
    if available("clarity"):
        for pair in load_clarity():
            pair.question, pair.answer, pair.agreed, pair.answered

Every row becomes a :class:`LabeledPair`: the cleaned question and answer texts, each
annotator's label, whether all annotators agree, the majority label and the binary
target ``answered`` ("fully answered"). Rows are kept even when a text is empty after
cleaning (none is in this snapshot); the evaluation skips and counts such rows.

clarity (``clarity-qevasion/test_set.csv``; 317 rows, 199 distinct exchanges)
    Columns ``,Interview Question,Interview Answer,Question,Annotator1,Annotator2,
    Annotator3``. The question is the ``Question`` column: one sub-question that the
    dataset's authors extracted (with ChatGPT) from the journalist's turn. 73 of them do
    not end in "?" and 70 hold no "?" at all, mostly topic descriptions rather than
    questions ("Inquiring about the status or information regarding the redline."); 19
    start with a topic and a colon ("Timeline of the meeting: Will it happen in the next
    months?"). Cleaning: a literal ``\\n``, an enumeration left over from the
    extraction (``". Has he changed?"``, ``"\\n2. Do you believe ..."``) and quotes
    around the whole text are removed; whitespace is collapsed.

    Decision: a sub-question without a "?" is a topic, not words anyone said, so the
    pair's question becomes the journalist's own question sentence on that topic
    (:func:`resolve_clarity_question`): of the ``Interview Question``'s sentences that
    end in "?" (all its sentences when none does), the one sharing the most content words
    with the topic, the earliest on a tie ("Updating the figure of Iraqi deaths" ->
    "Do you care to amend or update your figure, and do you consider this a credible
    report?"). ``question_source`` says which column the text came from. Both scorers
    of the evaluation see the same text.

    The answer is ``Interview Answer``, the White House transcript of the reply. Cleaning,
    in order: bracketed editorial insertions are deleted (``[Laughter]``, ``[Steve
    Holland, Reuters]``, ``[Prime Minister Harper spoke in French ...]``; 60 distinct);
    a speaker label at the start of a line is deleted (``The President.``, ``President
    Bush.``, ``Prime Minister Harper.``, ``Secretary Rice.``, ``Chancellor Merkel.``,
    ``Q.``, ``Moderator.``; joint press conferences have several speakers inside one
    answer, and their words are kept); the last line is dropped when it does not end
    like a sentence (no ``.?!`` or dash at its end): it is the section heading of the
    *next* exchange in the transcript ("International Cooperation on the Situation in
    North Korea", ``"Military Commissions Act of 2006"``; 165 of the 317 rows); whitespace is
    collapsed and no space is left before ``.,?!;:``. Call-outs of the next journalist
    ("Kevin.", "All right. Mike Emanuel.") remain: they are the speaker's own words.

    Labels are the exact strings "1.1 Explicit", "1.2 Implicit", "2.1 Dodging",
    "2.2 Deflection", "2.3 Partial/half-answer", "2.4 General", "2.5 Contradictory",
    "2.6 Declining to answer", "2.7 Claims ignorance", "2.8 Clarification",
    "2.9 Diffusion" (ValueError on anything else). ``agreed``: all three annotators gave
    the same label (131 rows). ``label``: the label given by at least two of the three
    (283 rows; the other 34 have three different labels and get None). ``answered`` =
    ``label == "1.1 Explicit"`` (84 of 283; None without a majority), ``clear_reply`` =
    label is Explicit or Implicit (143 of 283), the taxonomy's "clear reply". Among the
    131 agreed rows: 53 Explicit, 19 Implicit, 59 non-replies (27 of them Dodging).

hearings (``congress-hearings-qa/with_features_annotated_questions_responses_gold.tsv``)
    1,000 rows of 20 House hearings. The question is ``q_text``, the member's whole turn
    (preamble included: ``q_text_last_question`` is often only "Is that correct?" after a
    declarative statement, so the last question alone would lose what is asked); the
    answer is ``r_text``. Cleaning: bracketed notes are deleted (``[continuing]``,
    ``[Laughter.]``, ``[Interruption from audience.]``; 10 in all), TeX-style quotes
    (````...''``, a lone backquote once) become ``"``, whitespace (the source has runs of
    four spaces between paragraphs) is collapsed.

    ``annotations`` are ``gold_coarse_labels`` (parsed with ``ast.literal_eval``): the
    coarse label of each of the 3-7 "gold" Mechanical Turk workers (the reliable ones
    kept by the corpus authors). ``gold_label_set`` is exactly the set of these (checked),
    and ``entropy`` is 0 exactly when they are all equal (checked; 466 rows). The coarse
    labels are answer, answer_overans-sway (the fine label "answered, and over-answered
    to sway the questioner"), shift-dodge, shift-correct (the fine label "part-ok": the
    answer shifts the question, acceptably), cant-answer-sincere, cant-answer-lying.

    Decision: "fully answered" means the witness answered the question as asked, i.e.
    the coarse label is ``answer`` or ``answer_overans-sway`` (an over-answer still
    contains the answer). Every shift (dodge or correction, which both answer a
    different question) and every can't-answer (sincere or not) is "not fully answered".
    ``agreed`` = ``entropy == 0`` (466 rows: answer 383, shift-dodge 47,
    cant-answer-sincere 25, shift-correct 6, cant-answer-lying 5; answer_overans-sway is
    never the only label). ``answered`` (every row) = more than half of the gold workers
    chose an answer label: 570 of 1,000. A tie (exactly half, 37 rows) is "not fully
    answered": no majority says it was. ``label`` is a coarse label chosen by more than
    half of the workers, else None (841 rows have one). ``clear_reply`` is None.
    Under the stricter set reading (the gold label set is exactly {answer} or
    {answer, answer_overans-sway}), 439 rows would be positive; the workers agree on
    the binary question (all answer labels or none) in 712 rows (439 + 273).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd  # type: ignore[import-untyped]

CorpusName = Literal["clarity", "hearings"]

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
"""``../shared/corpora`` relative to the repository root."""

FOLDERS: dict[CorpusName, str] = {
    "clarity": "clarity-qevasion",
    "hearings": "congress-hearings-qa",
}
FILES: dict[CorpusName, str] = {
    "clarity": "test_set.csv",
    "hearings": "with_features_annotated_questions_responses_gold.tsv",
}

CLARITY_LABELS = (
    "1.1 Explicit",
    "1.2 Implicit",
    "2.1 Dodging",
    "2.2 Deflection",
    "2.3 Partial/half-answer",
    "2.4 General",
    "2.5 Contradictory",
    "2.6 Declining to answer",
    "2.7 Claims ignorance",
    "2.8 Clarification",
    "2.9 Diffusion",
)
CLARITY_ANSWERED = frozenset({"1.1 Explicit"})
CLARITY_CLEAR_REPLY = frozenset({"1.1 Explicit", "1.2 Implicit"})

HEARING_LABELS = (
    "answer",
    "answer_overans-sway",
    "shift-dodge",
    "shift-correct",
    "cant-answer-sincere",
    "cant-answer-lying",
)
HEARING_ANSWERED = frozenset({"answer", "answer_overans-sway"})


@dataclass(frozen=True)
class LabeledPair:
    """One question/answer pair with its human labels.

    ``id`` is the row's id in the file (clarity: the unnamed index column; hearings:
    ``qa_index``). ``annotations`` holds each annotator's label in file order; ``agreed``
    says whether they are all equal; ``label`` is the label more than half of them gave
    (None when there is none). ``answered`` is the binary target "fully answered" (None
    when the corpus gives no majority to decide it) and ``clear_reply`` clarity's
    secondary target, Explicit or Implicit (None for hearings).
    """

    corpus: CorpusName
    id: str
    question: str
    answer: str
    annotations: tuple[str, ...]
    agreed: bool
    label: str | None
    answered: bool | None
    clear_reply: bool | None = None
    question_source: str = "question"


def corpus_dir(corpus: CorpusName, root: Path | None = None) -> Path:
    """The folder of ``corpus`` under ``root`` (default :data:`DEFAULT_ROOT`)."""
    return (DEFAULT_ROOT if root is None else Path(root)) / FOLDERS[corpus]


def available(corpus: CorpusName, root: Path | None = None) -> bool:
    """True when the data file of ``corpus`` is present under ``root``."""
    return (corpus_dir(corpus, root) / FILES[corpus]).is_file()


def majority(labels: Sequence[str]) -> str | None:
    """The label given by more than half of ``labels``, else None."""
    if not labels:
        return None
    label, count = Counter(labels).most_common(1)[0]
    return label if 2 * count > len(labels) else None


# --------------------------------------------------------------------------- text

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,?!;:])")
_ENUMERATION = re.compile(r"^(?:\\n|\s)*(?:\d+\s*)?[.)]\s+")
_BRACKETED = re.compile(r"\[[^\]\n]*\]")
_SPEAKER = re.compile(
    r"^(?:Q|The President|Moderator"
    r"|(?:(?:White House )?Press Secretary|President|Prime Minister|Chancellor|Secretary)"
    r"(?: [A-Z][\w'’-]*){1,3})\.(?:\s+|$)"
)
_SENTENCE_END = re.compile(r"[.?!…—–-][\"'”’)]*$")


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, none before ``.,?!;:``, ends stripped."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))


def clean_clarity_question(text: str) -> str:
    """A CLARITY ``Question`` cell without extraction leftovers (see the module doc)."""
    text = _ENUMERATION.sub("", text.strip())
    text = squash(text.replace("\\n", " "))
    if len(text) > 1 and text[0] == text[-1] == '"' and text.count('"') == 2:
        text = text[1:-1].strip()
    return text


_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+[\"'”’)]*|$)")
_ABBREVIATION = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|[A-Z])\.")
_HELD_DOT = "\u2024"  # one dot leader stands in for an abbreviation's period


def _content(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in (m.lower() for m in _WORDS.findall(text)) if len(w) > 1} - STOP_WORDS


def resolve_clarity_question(question: str, interview_question: str) -> tuple[str, str]:
    """(text, source column) of a CLARITY pair's question: ``question`` when it holds a
    "?", else the ``interview_question`` sentence that best matches it as a topic (see
    the module doc)."""
    if "?" in question:
        return question, "question"
    full = squash(" ".join(strip_speaker_label(line) for line in interview_question.splitlines()))
    held = _ABBREVIATION.sub(lambda m: m.group(1) + _HELD_DOT, _BRACKETED.sub(" ", full))
    sentences = [m.group().strip().replace(_HELD_DOT, ".") for m in _SENTENCE.finditer(held)]
    sentences = [s for s in sentences if _WORDS.search(s)]
    asked = [s for s in sentences if s.endswith("?")] or sentences
    if not asked:
        return question, "question"
    topic = _content(question)
    best = max(asked, key=lambda s: (len(topic & _content(s)), -asked.index(s)))
    return best, "interview question"


def strip_speaker_label(line: str) -> str:
    """``line`` without a leading transcript speaker label ("The President. ", "Q. ")."""
    return _SPEAKER.sub("", line.strip(), count=1)


def clean_clarity_answer(text: str) -> str:
    """A CLARITY ``Interview Answer`` as the words said (see the module doc)."""
    lines = [strip_speaker_label(line) for line in _BRACKETED.sub(" ", text).splitlines()]
    lines = [line for line in (squash(line) for line in lines) if line]
    if lines and not _SENTENCE_END.search(lines[-1]):
        lines.pop()  # the next exchange's section heading
    return squash(" ".join(lines))


def clean_hearing_text(text: str) -> str:
    """A hearing ``q_text``/``r_text`` without bracketed notes, with TeX-style quotes as
    ``"`` and whitespace collapsed (see the module doc)."""
    text = _BRACKETED.sub(" ", text).replace("``", '"').replace("''", '"').replace("`", '"')
    return squash(text)


# --------------------------------------------------------------------------- clarity


def load_clarity(root: Path | None = None) -> list[LabeledPair]:
    """The 317 CLARITY inter-annotator rows, in file order."""
    return list(_clarity(corpus_dir("clarity", root).resolve()))


@lru_cache(maxsize=4)
def _clarity(folder: Path) -> tuple[LabeledPair, ...]:
    path = folder / FILES["clarity"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    index = str(frame.columns[0])  # unnamed in the header
    pairs = []
    for row in frame.to_dict("records"):
        annotations = tuple(str(row[f"Annotator{i}"]).strip() for i in (1, 2, 3))
        unknown = [label for label in annotations if label not in CLARITY_LABELS]
        if unknown:
            raise ValueError(f"{path}: row {row[index]}: unknown label {unknown[0]!r}")
        label = majority(annotations)
        question, source = resolve_clarity_question(
            clean_clarity_question(str(row["Question"])), str(row["Interview Question"])
        )
        pairs.append(
            LabeledPair(
                corpus="clarity",
                id=str(row[index]),
                question=question,
                question_source=source,
                answer=clean_clarity_answer(str(row["Interview Answer"])),
                annotations=annotations,
                agreed=len(set(annotations)) == 1,
                label=label,
                answered=None if label is None else label in CLARITY_ANSWERED,
                clear_reply=None if label is None else label in CLARITY_CLEAR_REPLY,
            )
        )
    return tuple(pairs)


# --------------------------------------------------------------------------- hearings


def parse_tuple(cell: str) -> tuple[str, ...]:
    """A cell holding a Python tuple (or list) of strings, parsed without evaluating code."""
    value = ast.literal_eval(cell)
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"not a tuple of strings: {cell[:80]!r}")
    return tuple(value)


def load_hearings(root: Path | None = None) -> list[LabeledPair]:
    """The 1,000 hearing question/response rows, in file order."""
    return list(_hearings(corpus_dir("hearings", root).resolve()))


@lru_cache(maxsize=4)
def _hearings(folder: Path) -> tuple[LabeledPair, ...]:
    path = folder / FILES["hearings"]
    columns = ["qa_index", "q_text", "r_text", "gold_coarse_labels", "gold_label_set", "entropy"]
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, usecols=columns)
    pairs = []
    for row in frame.to_dict("records"):
        where = f"{path}: {row['qa_index']}"
        annotations = parse_tuple(str(row["gold_coarse_labels"]))
        if not annotations or any(label not in HEARING_LABELS for label in annotations):
            raise ValueError(f"{where}: unexpected gold_coarse_labels {annotations!r}")
        if set(parse_tuple(str(row["gold_label_set"]))) != set(annotations):
            raise ValueError(f"{where}: gold_label_set is not the set of gold_coarse_labels")
        agreed = float(row["entropy"]) == 0.0
        if agreed != (len(set(annotations)) == 1):
            raise ValueError(f"{where}: entropy {row['entropy']} but labels {annotations!r}")
        answers = sum(1 for label in annotations if label in HEARING_ANSWERED)
        pairs.append(
            LabeledPair(
                corpus="hearings",
                id=str(row["qa_index"]),
                question=clean_hearing_text(str(row["q_text"])),
                answer=clean_hearing_text(str(row["r_text"])),
                annotations=annotations,
                agreed=agreed,
                label=majority(annotations),
                answered=2 * answers > len(annotations),
            )
        )
    return tuple(pairs)


LOADERS = {"clarity": load_clarity, "hearings": load_hearings}
"""The loader of each corpus, by the name ``eval_relevance --corpus`` uses."""
