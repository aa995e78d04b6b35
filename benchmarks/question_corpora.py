"""Labelled questions for evaluating question detection, form and intent.

Corpora under ``../shared/corpora`` (read-only; see each folder's SOURCE.md) and the
project's own labelled samples are turned into plain dataclasses. Nothing is copied into
the repository; corpora are read on each (cached) call.

    from question_corpora import available, load_swda, group_turns, unpunctuate
    for conversation in load_swda():
        for turn in group_turns(conversation):
            ...

Gold categories (:data:`GoldKind`)
    Each dialogue-act utterance is ``"question"`` (the tool should find it),
    ``"rhetorical"`` or ``"backchannel"`` (question-shaped, but the tool deliberately
    ignores rhetorical questions and backchannels such as "oh really?"), or ``"other"``.

swda (``train/``, ``val/``, ``test/``; ``Speaker|Utterance|DA tag`` lines)
    Every line carries exactly one of the 41 tags of ``metadata/labels.txt`` (checked;
    ValueError otherwise). The merged tags (``fo_o_fw_"_by_bc``, ``arp_nd``, ``oo_co_cc``,
    ``aap_am``, ``b^m``) and ``^q``/``^2``/``^h`` are not questions. Question tags and gold
    forms:

    =======  =====================================  ===========  =====
    tag      SOURCE.md / label_map.txt name         form         count
    =======  =====================================  ===========  =====
    qy       Yes-No-Question                        yes_no       866
    qw       Wh-Question                            wh           380
    qo       Open-Question ("how about you?")       wh           113
    qrr      Or-Clause ("or do you have several?")  choice       31
    qy^d     Declarative Yes-No-Question            declarative  247
    qw^d     Declarative Wh-Question                declarative  20
    ^g       Tag-Question ("right?", "isn't it.")   tag          24
    qh       Rhetorical-Question                    rhetorical   145
    bh       Backchannel in Question Form           backchannel  181
    =======  =====================================  ===========  =====

    ``^g`` is always its own utterance after the statement it tags. Text cleaning (as in
    ``caption_corpora``): annotator comments (from ``*`` to the end of the utterance,
    ``*typo tying``, 75 utterances), ``<laughter>``-style tags, ``((``/``))``, tokens with
    ``_`` (``child_talking``) and ``=...`` (``watch=watched``) are removed and whitespace
    collapsed. Utterances left without a letter or digit are dropped (1: ``B|.|%``).

mrda (``test/``; ``speaker|utterance|basic DA|general DA|full DA`` lines)
    The gold category comes from the general DA tag (column 4): qy, qw, qo, qrr, qr are
    questions, qh is rhetorical. The file's "full DA" column holds one specific label per
    utterance, not the full tag string; it refines the form where it can: ``d``
    (declarative question) and ``g`` (tag question). Forms: qy -> yes_no (``d`` ->
    declarative, ``g`` -> tag), qw -> wh (``d`` -> declarative), qo -> wh, qr/qrr ->
    choice. MRDA's ``bh`` ("rhetorical-question backchannel": "oh really?", "is it?") is
    SwDA's backchannel in question form, so a qy utterance whose specific label is ``bh``
    (24; one more is general ``s``) is a backchannel, not a question. Utterances whose
    basic tag is ``D`` (disruption) are kept: 177 of the 1,295 questions are interrupted
    ("what was on the list the"; 41 are a bare ``or``). The text is already lowercase;
    only whitespace is collapsed.

congress-hearings-qa (``with_features_annotated_questions_responses_gold.tsv``)
    One :class:`HearingQA` per row: ``q_text`` (the member's turn), ``q_text_last_question``
    (always an exact substring of ``q_text``), ``r_text`` (the witness's response) and
    ``question_type`` mapped YN -> yes_no, WH -> wh, DC -> declarative, OR -> choice,
    TG -> tag. The labels follow the last question's intent rather than its syntax at
    times ("Do you know who is underneath that blackout?" is WH; "..., is that correct?"
    after an either/or statement is OR).

trec-qc (``train_5500.label`` ISO-8859-1, ``TREC_10.label`` ASCII)
    ``COARSE:fine tokens`` lines. The text is tokenised with quotes and apostrophes
    deleted ("Name Alvin s brothers", "What is  Nine Inch Nails  ?"); :class:`TrecQuestion`
    holds it with whitespace collapsed and no space before ``?.,;:!``. 113 items (111
    train) do not end in "?", mostly requests ("Name a golf course in Myrtle Beach .").

Project samples (``benchmarks/data/question-labels.yaml``)
    See :func:`load_sample_labels`: every labelled text is located in the sample as read
    by ``transcript_tool.api.read_transcript``; a label that cannot be found is an error.

Measured (this snapshot of the corpora)
    ====================  ==========================  ==========  ========  ===========
    corpus                conversations / items       utterances  turns     questions
    ====================  ==========================  ==========  ========  ===========
    swda                  200 (160 train/21 val/19)   40,525      19,821    1,681
    mrda                  12 meetings                 16,702      9,795     1,295
    congress-hearings-qa  1,000 Q/A rows, 20 hearings n/a         n/a       1,000
    trec-qc               5,452 train + 500 test      n/a         n/a       5,952
    ====================  ==========================  ==========  ========  ===========

    Questions = utterances (rows, items) of gold category "question". swda also has 145
    rhetorical and 181 backchannel utterances, mrda 56 and 25. hearings question_type:
    YN 356, WH 263, DC 234, OR 139, TG 8. TREC DESC:def: 421 train + 123 test.

    Question marks: 1,109 of swda's 1,681 questions contain "?" (qy 615 of 866, qy^d 67
    of 247), and so do 166 other utterances (br "what?", "pardon me?" 65; sd 30) and 129 of the 181
    backchannels; mrda: 1,122 of 1,295 questions, 90 others. A turn that contains "?"
    counted as asking gives turn F1 0.745 on swda (P 0.782, R 0.712) and 0.889 on mrda.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import yaml
from caption_corpora import DEFAULT_ROOT

from transcript_tool.api import read_transcript
from transcript_tool.model import (
    QUESTION_FORMS,
    QUESTION_INTENTS,
    QuestionForm,
    QuestionIntent,
    Transcript,
)

CORPORA = ("swda", "mrda", "congress-hearings-qa", "trec-qc")
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = REPO_ROOT / "benchmarks" / "data" / "question-labels.yaml"

GoldKind = Literal["question", "rhetorical", "backchannel", "other"]

SWDA_QUESTIONS: dict[str, QuestionForm] = {
    "qy": "yes_no",
    "qw": "wh",
    "qo": "wh",
    "qrr": "choice",
    "qy^d": "declarative",
    "qw^d": "declarative",
    "^g": "tag",
}
SWDA_IGNORED: dict[str, GoldKind] = {"qh": "rhetorical", "bh": "backchannel"}

MRDA_QUESTIONS: dict[str, QuestionForm] = {
    "qy": "yes_no",
    "qw": "wh",
    "qo": "wh",
    "qrr": "choice",
    "qr": "choice",
}
MRDA_SPECIFIC_FORMS: dict[str, QuestionForm] = {"d": "declarative", "g": "tag"}
"""Specific (column 5) labels that refine the form of a qy utterance (and ``d`` of qw)."""

HEARING_FORMS: dict[str, QuestionForm] = {
    "YN": "yes_no",
    "WH": "wh",
    "DC": "declarative",
    "OR": "choice",
    "TG": "tag",
}

csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class Utterance:
    """One dialogue-act unit: speaker id, cleaned text, tags as in the file.

    ``tags`` is ``(da,)`` for swda and ``(basic, general, specific)`` for mrda;
    ``gold``/``form`` are derived from them (``form`` is None unless ``gold`` is
    ``"question"``).
    """

    speaker: str
    text: str
    tags: tuple[str, ...]
    gold: GoldKind
    form: QuestionForm | None


@dataclass(frozen=True)
class Conversation:
    """A dialogue-act corpus file: ``id`` is the file stem, ``split`` its folder."""

    corpus: str
    id: str
    split: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class SpeakerTurn:
    """A maximal run of consecutive utterances by one speaker."""

    speaker: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class HearingQA:
    """One congressional-hearing question turn and the witness's response.

    ``last_question`` is an exact substring of ``question``; ``question_type`` is the
    corpus label (YN/WH/DC/OR/TG) and ``form`` the tool's name for it.
    """

    id: str
    hearing: str
    questioner: str
    question: str
    last_question: str
    question_type: str
    form: QuestionForm
    response: str


@dataclass(frozen=True)
class TrecQuestion:
    """A TREC question: ``coarse``/``fine`` answer-type labels (``DESC``/``def``) and the
    text with whitespace collapsed and no space before ``?.,;:!``."""

    split: Literal["train", "test"]
    coarse: str
    fine: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.coarse}:{self.fine}"


@dataclass(frozen=True)
class LabeledQuestion:
    """A question a person would list in a sample, located at
    ``transcript.turns[turn].text[start:end]`` (``nth`` occurrence of ``text``)."""

    text: str
    form: QuestionForm
    intent: QuestionIntent
    turn: int
    start: int
    end: int
    nth: int = 1
    reask_of: str | None = None


@dataclass(frozen=True)
class NotQuestion:
    """A question-looking sentence that is not a question, with the labeller's reason."""

    text: str
    why: str
    turn: int
    start: int
    end: int
    nth: int = 1


@dataclass(frozen=True)
class LabeledSample:
    """A sample file (``path`` relative to the repository root) as the tool reads it,
    with its labels in transcript order."""

    path: str
    transcript: Transcript
    questions: tuple[LabeledQuestion, ...]
    not_questions: tuple[NotQuestion, ...]


class LabelError(ValueError):
    """A question-label file that does not fit its samples (message names file and label)."""


def available(root: Path | None = None) -> bool:
    """True when every corpus folder of :data:`CORPORA` is present under ``root``."""
    base = DEFAULT_ROOT if root is None else Path(root)
    return all((base / name).is_dir() for name in CORPORA)


def _base(root: Path | None) -> Path:
    return (DEFAULT_ROOT if root is None else Path(root)).resolve()


# --------------------------------------------------------------------------- turns

_SEPARATORS = re.compile(r"-{2,}|\.{2,}|[—–/…]")
_NOT_KEPT = re.compile(r"[^\w\s'-]|_")
_EDGE_MARKS = re.compile(r"(?<![^\W_])['-]+|['-]+(?![^\W_])")


def unpunctuate(text: str) -> str:
    """``text`` as a caption would show it: lowercase, no punctuation.

    Dash runs, ellipses and ``/`` separate words; every other character that is not a
    letter, digit, apostrophe, hyphen or whitespace is deleted (``T.V.`` -> ``tv``);
    apostrophes and hyphens survive only between two letters or digits (``don't``,
    ``uh-huh``; ``'cause`` -> ``cause``); whitespace is collapsed.
    """
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _NOT_KEPT.sub("", _SEPARATORS.sub(" ", text))
    return " ".join(_EDGE_MARKS.sub("", text).split())


def group_turns(utterances: Iterable[Utterance]) -> tuple[SpeakerTurn, ...]:
    """Consecutive utterances of one speaker, grouped into turns, in order."""
    turns: list[SpeakerTurn] = []
    for utterance in utterances:
        if turns and turns[-1].speaker == utterance.speaker:
            last = turns[-1]
            turns[-1] = SpeakerTurn(last.speaker, (*last.utterances, utterance))
        else:
            turns.append(SpeakerTurn(utterance.speaker, (utterance,)))
    return tuple(turns)


PlacedUtterance = tuple[Utterance, int, int]
"""An utterance and its character span ``[start, end)`` in its turn's text."""


def conversation_turns(
    conversation: Conversation, transform: Callable[[str], str]
) -> tuple[list[tuple[str, str]], list[list[PlacedUtterance]]]:
    """(speaker, text) turns of a dialogue-act conversation and where each utterance
    sits in them: each utterance's text goes through ``transform`` (those that become
    empty are skipped), a turn's text is its utterances joined by single spaces, and
    turns left empty are dropped."""
    turns: list[tuple[str, str]] = []
    spans: list[list[PlacedUtterance]] = []
    for turn in group_turns(conversation.utterances):
        texts = [(u, t) for u in turn.utterances if (t := transform(u.text))]
        if not texts:
            continue
        placed, offset = [], 0
        for utterance, text in texts:
            placed.append((utterance, offset, offset + len(text)))
            offset += len(text) + 1
        turns.append((turn.speaker, " ".join(t for _, t in texts)))
        spans.append(placed)
    return turns, spans


# --------------------------------------------------------------------------- swda

_SW_NOTES = re.compile(r"\*.*$|<[^>]*>|\(\(|\)\)|\S*_\S*|=\S*")
_HAS_WORD = re.compile(r"[^\W_]")


def load_swda(root: Path | None = None) -> list[Conversation]:
    """All 200 SwDA conversations (train, val and test), sorted by id."""
    return list(_swda(_base(root)))


@lru_cache(maxsize=4)
def _swda(root: Path) -> tuple[Conversation, ...]:
    folder = root / "swda"
    inventory = set((folder / "metadata" / "labels.txt").read_text("utf-8").split())
    conversations = []
    for split in ("train", "val", "test"):
        for path in sorted((folder / split).glob("*.txt")):
            utterances = []
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                speaker, text, tag = line.split("|")
                if tag not in inventory:
                    raise ValueError(f"{path}:{number}: tag {tag!r} is not in labels.txt")
                text = " ".join(_SW_NOTES.sub(" ", text).split())
                if not _HAS_WORD.search(text):
                    continue
                form = SWDA_QUESTIONS.get(tag)
                gold: GoldKind = "question" if form else SWDA_IGNORED.get(tag, "other")
                utterances.append(Utterance(speaker, text, (tag,), gold, form))
            conversations.append(Conversation("swda", path.stem, split, tuple(utterances)))
    return tuple(sorted(conversations, key=lambda c: c.id))


# --------------------------------------------------------------------------- mrda


def load_mrda(root: Path | None = None) -> list[Conversation]:
    """The 12 MRDA test meetings, sorted by id."""
    return list(_mrda(_base(root)))


def _mrda_gold(general: str, specific: str) -> tuple[GoldKind, QuestionForm | None]:
    if general == "qh":
        return "rhetorical", None
    if specific == "bh":
        return "backchannel", None
    form = MRDA_QUESTIONS.get(general)
    if form is None:
        return "other", None
    if general == "qy" or (general == "qw" and specific == "d"):
        form = MRDA_SPECIFIC_FORMS.get(specific, form)
    return "question", form


@lru_cache(maxsize=4)
def _mrda(root: Path) -> tuple[Conversation, ...]:
    conversations = []
    for path in sorted((root / "mrda" / "test").glob("*.txt")):
        utterances = []
        for line in path.read_text("utf-8").splitlines():
            speaker, text, basic, general, specific = line.split("|")
            gold, form = _mrda_gold(general, specific)
            tags = (basic, general, specific)
            utterances.append(Utterance(speaker, " ".join(text.split()), tags, gold, form))
        conversations.append(Conversation("mrda", path.stem, "test", tuple(utterances)))
    return tuple(conversations)


# --------------------------------------------------------------------------- hearings


def load_hearings(root: Path | None = None) -> list[HearingQA]:
    """The 1,000 hearing question/response rows, in file order."""
    return list(_hearings(_base(root)))


@lru_cache(maxsize=4)
def _hearings(root: Path) -> tuple[HearingQA, ...]:
    path = root / "congress-hearings-qa" / "with_features_annotated_questions_responses_gold.tsv"
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append(
                HearingQA(
                    id=row["qa_index"],
                    hearing=row["hearing_id"],
                    questioner=row["q_speaker"],
                    question=row["q_text"],
                    last_question=row["q_text_last_question"],
                    question_type=row["question_type"],
                    form=HEARING_FORMS[row["question_type"]],
                    response=row["r_text"],
                )
            )
    return tuple(rows)


# --------------------------------------------------------------------------- trec

_SPACE_BEFORE_PUNCT = re.compile(r" (?=[?.,;:!])")


def load_trec(root: Path | None = None) -> list[TrecQuestion]:
    """TREC questions: the 5,452 train items, then the 500 test items, in file order."""
    return list(_trec(_base(root)))


@lru_cache(maxsize=4)
def _trec(root: Path) -> tuple[TrecQuestion, ...]:
    folder = root / "trec-qc"
    files: tuple[tuple[Literal["train", "test"], str, str], ...] = (
        ("train", "train_5500.label", "iso-8859-1"),
        ("test", "TREC_10.label", "ascii"),
    )
    items = []
    for split, name, encoding in files:
        for line in (folder / name).read_text(encoding).splitlines():
            label, text = line.split(" ", 1)
            coarse, fine = label.split(":")
            text = _SPACE_BEFORE_PUNCT.sub("", " ".join(text.split()))
            items.append(TrecQuestion(split, coarse, fine, text))
    return tuple(items)


# --------------------------------------------------------------------------- samples

# (required keys, allowed keys) of a label
_QUESTION_KEYS = (frozenset({"text", "form", "intent"}), frozenset({"nth", "reask_of"}))
_NOT_QUESTION_KEYS = (frozenset({"text", "why"}), frozenset({"nth"}))


def load_sample_labels(
    path: Path = DEFAULT_LABELS, repo_root: Path = REPO_ROOT
) -> list[LabeledSample]:
    """The labelled samples of ``path``, in file order.

    The file maps a sample path (relative to ``repo_root``) to ``questions`` (each with
    ``text``, ``form``, ``intent`` and optional ``nth``, ``reask_of``) and
    ``not_questions`` (``text``, ``why``, optional ``nth``). The sample is read with
    ``read_transcript``; ``text`` must be an exact substring of one turn's text, and
    ``nth`` picks its nth occurrence in the file (turns in order, then position in the
    turn). ``reask_of`` must occur in the transcript before the question it labels.
    Raises :class:`LabelError` for a missing sample, an unknown key, form or intent, a
    text not found (or fewer than ``nth`` times) and a ``reask_of`` not found before.
    """
    raw = yaml.safe_load(Path(path).read_text("utf-8"))
    if not isinstance(raw, dict):
        raise LabelError(f"{path}: expected a mapping of sample paths to labels")
    return [_labeled_sample(path, str(name), entry or {}, repo_root) for name, entry in raw.items()]


def _labeled_sample(labels: Path, name: str, entry: object, root: Path) -> LabeledSample:
    where = f"{labels}: {name}"
    if not isinstance(entry, dict) or set(entry) - {"questions", "not_questions"}:
        raise LabelError(f"{where}: expected only 'questions' and 'not_questions'")
    sample = root / name
    if not sample.is_file():
        raise LabelError(f"{where}: no such sample file")
    transcript = read_transcript(sample)
    questions = []
    for item in _items(where, entry.get("questions"), *_QUESTION_KEYS):
        turn, start, end = _locate(where, transcript, item["text"], item.get("nth", 1))
        form, intent = item["form"], item["intent"]
        if form not in QUESTION_FORMS:
            raise LabelError(f"{where}: {item['text']!r}: unknown form {form!r}")
        if intent not in QUESTION_INTENTS:
            raise LabelError(f"{where}: {item['text']!r}: unknown intent {intent!r}")
        reask_of = item.get("reask_of")
        if reask_of is not None and not _occurs_before(transcript, str(reask_of), turn, start):
            raise LabelError(f"{where}: {item['text']!r}: reask_of {reask_of!r} not found before")
        questions.append(
            LabeledQuestion(
                text=item["text"],
                form=cast(QuestionForm, form),
                intent=cast(QuestionIntent, intent),
                turn=turn,
                start=start,
                end=end,
                nth=item.get("nth", 1),
                reask_of=None if reask_of is None else str(reask_of),
            )
        )
    not_questions = []
    for item in _items(where, entry.get("not_questions"), *_NOT_QUESTION_KEYS):
        nth = item.get("nth", 1)
        turn, start, end = _locate(where, transcript, item["text"], nth)
        not_questions.append(NotQuestion(item["text"], str(item["why"]), turn, start, end, nth))
    return LabeledSample(
        path=name,
        transcript=transcript,
        questions=tuple(sorted(questions, key=lambda q: (q.turn, q.start))),
        not_questions=tuple(sorted(not_questions, key=lambda q: (q.turn, q.start))),
    )


def _items(
    where: str, items: object, required: frozenset[str], optional: frozenset[str]
) -> list[dict[str, Any]]:
    """The entries of a ``questions``/``not_questions`` list, checked for their keys."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise LabelError(f"{where}: expected a list of labels")
    for item in items:
        if not isinstance(item, dict) or not required <= set(item) <= required | optional:
            raise LabelError(
                f"{where}: label {item!r} needs {sorted(required)} and may have {sorted(optional)}"
            )
        nth = item.get("nth", 1)
        if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
            raise LabelError(f"{where}: {item['text']!r}: nth must be a positive integer")
    return items


def _locate(where: str, transcript: Transcript, text: object, nth: int) -> tuple[int, int, int]:
    """(turn, start, end) of the ``nth`` occurrence of ``text`` in the transcript."""
    if not isinstance(text, str) or not text.strip():
        raise LabelError(f"{where}: label text must be a non-empty string, not {text!r}")
    seen = 0
    for turn in transcript.turns:
        start = turn.text.find(text)
        while start >= 0:
            seen += 1
            if seen == nth:
                return turn.index, start, start + len(text)
            start = turn.text.find(text, start + 1)
    if seen == 0:
        raise LabelError(f"{where}: {text!r} is not in any turn's text")
    raise LabelError(f"{where}: {text!r} occurs {seen} time(s), nth is {nth}")


def _occurs_before(transcript: Transcript, text: str, turn: int, start: int) -> bool:
    return any(
        text in t.text[: start if t.index == turn else None]
        for t in transcript.turns
        if t.index <= turn
    )
