"""Evaluate question detection, form and intent on labelled dialogue and the project's samples.

    python benchmarks/eval_questions.py
        [--corpus swda|mrda|hearings|trec|samples|captions|common|asides|all]
        [--limit N] [--labels PATH] [--corpora PATH]

Data come from ``question_corpora`` (tag mappings documented there). Predictions come only
through the public pipeline: a ``Transcript`` is built per conversation (one ``analyze``
call each, so the analysis sees context) and the predicted questions are
``analysis.questions`` plus ``analysis.check_ins`` (a check-in such as "does that make
sense?" is a question in the dialogue-act sense; it counts with intent ``check_in``).
Each prediction is a span ``turns[turn].text[start:end]`` with a form and an intent.
``--limit N`` keeps the first N conversations, rows, items or sample files.

swda, mrda (two variants each)
    ``original``: the corpus text (cleaned of annotator notes for swda); ``unpunctuated``:
    ``question_corpora.unpunctuate`` (lowercase, no punctuation but in-word apostrophes and
    hyphens), utterances that become empty skipped. Turns are maximal runs of one speaker;
    a turn's text is its utterances joined by single spaces, and each utterance keeps its
    character span in it. Every speaker has role "other" (peer conversation). swda is
    reported per folder of its own split (test, val, train); the targets read test.

    - turn P/R/F1: a turn is gold-positive when one of its utterances is a gold question,
      predicted-positive when the analysis found a question in it. Turns holding only
      rhetorical or backchannel questions are gold-negative.
    - utterance P/R/F1: an utterance is predicted-positive when a predicted question
      *ends* in it, i.e. the question's last non-space character lies inside the
      utterance's span. Each prediction thus credits exactly one utterance, the one where
      the asking is completed ("okay, uh, could you tell me ...?" credits the utterance
      that asks, not the "okay, uh," before it; "you live in Texas, right?" credits the
      ``^g`` "right?"). An or-question split by the corpus into qy + qrr credits only the
      qrr part.
    - recall per gold tag (swda: the DA tag; mrda: general tag and basic tag, D = an
      interrupted utterance).
    - form confusion: gold form (rows) x predicted form of the question ending in the
      utterance (columns), plus ``missed``; over gold-question utterances.
    - ignored question shapes: how many rhetorical (qh) and backchannel (swda bh, mrda
      qy with specific label bh) utterances a question ends in (the tool should skip them).
    - swda test only (without ``--limit``): the wrong turns by what
      ``benchmarks/data/swda-test-audit.yaml`` says of them (``error_audits``: the
      detector's error, the taxonomy against the tag, a tag SwDA gives both ways, no word
      that asks, or not yet read), and the turn F1 with every error the detector could fix
      fixed: how far the targets are reachable by rules that follow the taxonomy.

hearings (congress-hearings-qa)
    One transcript per row: the member's ``q_text`` (role interviewer), the witness's
    ``r_text`` (role candidate), whitespace collapsed. The predicted form is that of the
    last predicted question overlapping ``q_text_last_question`` (located as the last
    occurrence in ``q_text``), else of the last predicted question of the turn
    ("fallback"). Accuracy is over all rows; a row without any predicted question is
    wrong and counted separately. Also how closely the OR label follows the word "or" in
    the last question, and a baseline that reads the words alone: "or" anywhere is
    choice, else a wh-word anywhere is wh, else yes_no. Without ``--limit``, what
    ``benchmarks/data/hearings-audit.yaml`` (a random sample of wrong rows read one by
    one, ``error_audits``) says of how far the accuracy could rise.

trec (trec-qc, train + test)
    Every item is a question. Items are one turn each, 200 per transcript, speakers A and
    B alternating, both role interviewer. Detection recall is the share of items with a
    predicted question; the form and intent of an item are those of its first predicted
    question. DESC:def items ("What is an atom?") should be intent ``technical``.

samples (``benchmarks/data/question-labels.yaml``, see ``question_corpora``)
    Read with ``read_transcript`` (roles as the tool infers them). A labelled question is
    found when a prediction overlaps its span (same turn, at least one shared character);
    its predicted form and intent are those of the prediction overlapping it most. A
    prediction overlapping no labelled question is a false positive; those overlapping a
    ``not_questions`` label are also counted apart. Intent P/R/F1 is end to end: for
    intent X, TP = labelled X found as X; FP = found labels of another intent predicted
    as X, plus false-positive predictions of intent X; FN = labelled X missed or
    predicted as another intent. Intents that occur in the labels or the predictions are
    listed; macro F1 is their mean. Form accuracy is over found questions (the confusion
    table also shows the missed ones). Re-asks: labels with ``reask_of`` whose best
    prediction carries a ``reask_of`` that is not None.

captions (the same label file, ``caption_questions``)
    Each labelled sample is made a raw caption (no labels, lowercase, no punctuation,
    eight words a line) and read by ``read_text``, so the segmenter infers its turns,
    roles and sentences. Its questions are lined up with the labels word by word: a
    label is found when a predicted question or check-in shares a word with it, a
    prediction sharing no word with any label is a false positive. On found labels:
    the share whose best prediction (most shared words) has the labelled form, the
    labelled intent, and the role of the labelled turn. Speed here includes reading and
    segmenting the caption.

common (``benchmarks/data/common-questions.yaml``, ``common_questions``)
    Short labelled exchanges, each ending in one common interview question, analysed one
    transcript each, as written and unpunctuated: found, form right on the found, intent
    right of all, per-intent F1, and the items whose intent is wrong.

asides (``benchmarks/data/answer-asides.yaml``, ``answer_asides``)
    Short labelled exchanges whose last turn is a long one, with the questions a person
    would list in it and the sentences that only look like questions; as written and
    unpunctuated: detection by the last turn's speaker, form and intent right on the
    found, how many of each kind of non-question were taken as questions, every error.

Speed is words per second of ``analyze`` alone (the pipeline is loaded before timing);
timings are the only figures that vary between runs. The summary compares four targets:
swda test turn F1 >= 0.92 (original) and >= 0.85 (unpunctuated), hearing form accuracy >= 0.80,
and no intent below 0.70 F1 on the samples. Exit status 2 with one line on stderr when the
corpora or the label file asked for are missing; ``--corpus all`` without the corpora still
evaluates the samples (and prints the summary) before exiting 2, and without the label
file it notes the missing file in the summary.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import answer_asides  # noqa: E402
import caption_questions as cq  # noqa: E402
import common_questions  # noqa: E402
import error_audits  # noqa: E402
import question_corpora as qc  # noqa: E402
from caption_corpora import DEFAULT_ROOT  # noqa: E402
from question_corpora import (  # noqa: E402
    Conversation,
    LabeledSample,
    LabelError,
    Utterance,
    conversation_turns,
    unpunctuate,
)
from question_scoring import (  # noqa: E402
    PRF_HEADER,
    Counts,
    Target,
    best_overlap,
    confusion,
    last_char,
    overlap,
    predictions,
    prf_row,
    speed,
    table,
    timed_analyze,
    transcript_of,
)

from transcript_tool.api import analyze  # noqa: E402
from transcript_tool.model import (  # noqa: E402
    QUESTION_FORMS,
    QUESTION_INTENTS,
    Question,
    Role,
)
from transcript_tool.readers import read_text  # noqa: E402

CHOICES = ("swda", "mrda", "hearings", "trec", "samples", "captions", "common", "asides", "all")
# the project's own labels, not ../shared/corpora
LABEL_ONLY = ("samples", "captions", "common", "asides")
TREC_BATCH = 200
MISSED = "missed"


# -------------------------------------------------------------- dialogue-act corpora


@dataclass
class DialogueActScore:
    """Everything reported for one dialogue-act corpus and variant."""

    turns: Counts = field(default_factory=Counts)
    utterances: Counts = field(default_factory=Counts)
    marks: Counts = field(default_factory=Counts)  # baseline: a turn asks when it has a "?"
    by_tag: dict[str, Counts] = field(default_factory=dict)
    forms: Counter[tuple[str, str]] = field(default_factory=Counter)
    ignored: Counter[tuple[str, bool]] = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0
    errors: list[error_audits.Key] = field(default_factory=list)  # the wrong turns


def tag_key(utterance: Utterance) -> str:
    """swda: the DA tag; mrda: the general tag and the basic tag (``qy/D``)."""
    if len(utterance.tags) == 1:
        return utterance.tags[0]
    basic, general, _ = utterance.tags
    return f"{general}/{basic}"


def score_conversation(
    conversation: Conversation, transform: Callable[[str], str], score: DialogueActScore
) -> None:
    """Analyse one conversation (one transcript) and add its figures to ``score``."""
    plain, spans = conversation_turns(conversation, transform)
    turns: list[tuple[str, Role, str]] = [(speaker, "other", text) for speaker, text in plain]
    if not turns:
        return
    transcript = transcript_of(turns, f"{conversation.corpus}/{conversation.id}")
    analysis, seconds = timed_analyze(transcript)
    predicted = predictions(analysis)
    score.seconds += seconds
    score.words += sum(len(text.split()) for _, _, text in turns)
    for index, placed in enumerate(spans):
        found = predicted.get(index, [])
        asks = any(u.gold == "question" for u, _, _ in placed)
        score.turns.add(asks, bool(found))
        if asks != bool(found):
            score.errors.append((conversation.id, index, "fn" if asks else "fp"))
        score.marks.add(asks, "?" in plain[index][1])
        for utterance, start, end in placed:
            ending = next((q for q in found if start <= last_char(q) < end), None)
            is_question = utterance.gold == "question"
            score.utterances.add(is_question, ending is not None)
            if is_question:
                score.by_tag.setdefault(tag_key(utterance), Counts()).add(True, ending is not None)
                predicted_form = ending.form if ending else MISSED
                score.forms[str(utterance.form), predicted_form] += 1
            elif utterance.gold != "other":
                score.ignored[utterance.gold, ending is not None] += 1


SWDA_SPLITS = (
    ("test", "test folder: the targets are read here"),
    ("val", "val folder"),
    ("train", "train folder"),
)
"""The SwDA folders (the corpus's own train/val/test split), reported separately so
that any future tuning on train or val cannot inflate the figure the targets read:
the targets are read on ``test``."""


def report_dialogue_acts(
    corpus: str,
    conversations: Sequence[Conversation],
    audit: dict[error_audits.Key, error_audits.Why] | None = None,
) -> dict[str, float]:
    """Print the swda/mrda figures of both variants; turn F1 per variant. With
    ``audit`` (the SwDA test folder's), also what it says of the wrong turns."""
    variants: dict[str, Callable[[str], str]] = {
        "original": lambda text: text,
        "unpunctuated": unpunctuate,
    }
    scores = {}
    for variant, transform in variants.items():
        score = DialogueActScore()
        for conversation in conversations:
            score_conversation(conversation, transform, score)
        scores[variant] = score
    n_utterances = sum(len(c.utterances) for c in conversations)
    print(f"\n== {corpus}: {len(conversations)} conversations, {n_utterances:,} utterances")
    print("\nQuestion detection (turn: any utterance a question; utterance: a question ends in it)")
    rows = []
    for variant, score in scores.items():
        rows.append(prf_row(f"{variant} turns", score.turns))
        rows.append(prf_row(f"{variant} utterances", score.utterances))
    # how far the transcribers' own "?" agrees with the dialogue-act labels
    rows.append(prf_row('baseline: turn has "?"', scores["original"].marks))
    print(table(PRF_HEADER, rows))
    tags = sorted({tag for score in scores.values() for tag in score.by_tag})
    print("\nUtterance recall per gold tag")
    rows = []
    for tag in tags:
        counts = [scores[v].by_tag.get(tag, Counts()) for v in variants]
        rows.append([tag, counts[0].tp + counts[0].fn, *(c.recall for c in counts)])
    print(table(("tag", "gold", *variants), rows))
    gold_forms = [f for f in QUESTION_FORMS if any(f == g for g, _ in scores["original"].forms)]
    for variant, score in scores.items():
        print(f"\nForm of gold questions, {variant}")
        print(confusion(score.forms, gold_forms, (*QUESTION_FORMS, MISSED)))
    print("\nIgnored question shapes predicted as questions (lower is better)")
    rows = []
    for kind in ("rhetorical", "backchannel"):
        totals = [s.ignored[kind, True] + s.ignored[kind, False] for s in scores.values()]
        hits = [s.ignored[kind, True] for s in scores.values()]
        rates = [h / n if n else 0.0 for h, n in zip(hits, totals, strict=True)]
        rows.append([kind, totals[0], *rates])
    print(table(("kind", "utterances", *variants), rows))
    if audit is not None:
        report_audit(scores, audit)
    print()
    for variant, score in scores.items():
        print(f"speed {variant}: {speed(score.words, score.seconds)}")
    return {variant: score.turns.f1 for variant, score in scores.items()}


def report_audit(
    scores: dict[str, DialogueActScore], audit: dict[error_audits.Key, error_audits.Why]
) -> None:
    """The wrong turns by the audit's verdict, and the turn F1 with every one
    the detector could fix fixed (``error_audits``)."""
    print(f"\nWrong turns, read one by one ({error_audits.AUDIT.relative_to(ROOT)})")
    kinds = (*error_audits.WHYS, "unaudited")
    rows = []
    for variant, score in scores.items():
        counts = (score.turns.tp, score.turns.fp, score.turns.fn)
        result = error_audits.tally(score.errors, counts, audit)
        by_why = [result.by_why[kind] for kind in kinds]
        rows.append([variant, result.errors, *by_why, score.turns.f1, result.fixable_f1])
    print(table(("variant", "wrong", *kinds, "turn F1", "tool fixed"), rows))


# ------------------------------------------------------------------------ hearings


LEXICAL_OR = re.compile(r"\bor\b", re.IGNORECASE)
LEXICAL_WH = re.compile(r"\b(what|why|how|when|where|who|whom|whose|which)\b", re.IGNORECASE)
"""The words the hearings' word-only baseline reads."""


def report_hearings(
    rows: Sequence[qc.HearingQA], audit: dict[str, error_audits.HearingWhy] | None = None
) -> float:
    """Print form accuracy and confusion on the hearing questions; return the accuracy.
    With ``audit`` (a sample of wrong rows read one by one), also how far it could rise."""
    pairs: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    with_or: Counter[tuple[bool, bool]] = Counter()  # (holds the word "or", labelled OR)
    lexical = 0  # right by the words alone: "or" -> choice, else a wh-word -> wh, else yes_no
    none = fallback = located = 0
    seconds = 0.0
    words = 0
    for row in rows:
        question = " ".join(row.question.split())
        last = " ".join(row.last_question.split())
        has_or = bool(LEXICAL_OR.search(last))
        with_or[has_or, row.form == "choice"] += 1
        has_wh = bool(LEXICAL_WH.search(last))
        lexical += row.form == ("choice" if has_or else "wh" if has_wh else "yes_no")
        start = question.rfind(last)
        end = start + len(last)
        turns: list[tuple[str, Role, str]] = [
            ("Q", "interviewer", question),
            ("R", "candidate", " ".join(row.response.split())),
        ]
        words += sum(len(text.split()) for _, _, text in turns)
        analysis, elapsed = timed_analyze(transcript_of(turns, row.id))
        seconds += elapsed
        found = predictions(analysis).get(0, [])
        overlapping = [q for q in found if overlap(q, 0, start, end)]
        predicted: str
        if overlapping:
            located += 1
            predicted = overlapping[-1].form
        elif found:
            fallback += 1
            predicted = found[-1].form
        else:
            none += 1
            predicted = "none"
        pairs[row.form, predicted] += 1
        if predicted != row.form:
            wrong.append(row.id)
    correct = sum(pairs[f, f] for f in QUESTION_FORMS)
    accuracy = correct / len(rows) if rows else 0.0
    print(f"\n== hearings: {len(rows):,} question turns")
    print(f"\nForm accuracy: {accuracy:.3f} ({correct} of {len(rows)})")
    print(f"  last question overlapped by a prediction: {located}")
    print(f"  no prediction overlaps it, last question of the turn used: {fallback}")
    print(f"  no question predicted in the turn (counted wrong): {none}")
    gold_forms = [f for f in QUESTION_FORMS if any(f == g for g, _ in pairs)]
    print()
    print(confusion(pairs, gold_forms, (*QUESTION_FORMS, "none")))
    # the OR label follows the word, not the taxonomy's "alternatives to pick from"
    holding = with_or[True, True] + with_or[True, False]
    labelled = with_or[True, True] + with_or[False, True]
    print(
        f'\nOR labels and the word "or" in the last question: {with_or[True, True]} of the '
        f"{labelled} OR rows hold it; {with_or[True, True]} of the {holding} rows holding it "
        "are labelled OR"
    )
    print(
        f'baseline on the words alone ("or" -> choice, else a wh-word -> wh, else yes_no): '
        f"{lexical / len(rows) if rows else 0.0:.3f}"
    )
    reach = error_audits.estimate(wrong, correct, len(rows), audit) if audit else None
    if reach is not None:
        where = error_audits.HEARINGS_AUDIT.relative_to(ROOT)
        print(
            f"\nWrong rows read one by one ({where}, a random sample): {reach.read} of today's "
            f"{len(wrong)}; {reach.tool + reach.neither} of them the detector's errors, "
            f"{reach.tool} where the taxonomy gives the corpus's label. With those fixed, form "
            f"accuracy would be about {reach.accuracy:.3f} "
            f"(95 % interval {reach.low:.3f}-{reach.high:.3f})"
        )
    print(f"\nspeed: {speed(words, seconds)}")
    return accuracy


# ---------------------------------------------------------------------------- trec


def report_trec(items: Sequence[qc.TrecQuestion]) -> None:
    """Print detection recall, the form distribution and intents per coarse class."""
    first: list[Question | None] = []
    seconds = 0.0
    for batch_start in range(0, len(items), TREC_BATCH):
        batch = items[batch_start : batch_start + TREC_BATCH]
        turns: list[tuple[str, Role, str]] = [
            ("AB"[i % 2], "interviewer", item.text) for i, item in enumerate(batch)
        ]
        analysis, elapsed = timed_analyze(transcript_of(turns, f"trec/{batch_start}"))
        seconds += elapsed
        found = predictions(analysis)
        first.extend(found[i][0] if i in found else None for i in range(len(batch)))
    words = sum(len(item.text.split()) for item in items)
    detected = sum(q is not None for q in first)
    print(f"\n== trec: {len(items):,} questions ({TREC_BATCH} one-question turns per transcript)")
    print(f"\nDetection recall: {detected / len(items):.3f} ({detected} of {len(items)})")
    forms = Counter(q.form if q else "none" for q in first)
    print("\nForm of the first predicted question")
    print(table(("form", "items", "share"), [[f, n, n / len(items)] for f, n in _ranked(forms)]))
    definitions = [q for item, q in zip(items, first, strict=True) if item.label == "DESC:def"]
    technical = sum(q is not None and q.intent == "technical" for q in definitions)
    share = technical / len(definitions) if definitions else 0.0
    print(f"\nDESC:def tagged technical: {share:.3f} ({technical} of {len(definitions)})")
    by_class: Counter[tuple[str, str]] = Counter()
    for item, question in zip(items, first, strict=True):
        by_class[item.coarse, question.intent if question else "none"] += 1
    coarse = sorted({item.coarse for item in items})
    intents = [i for i in (*QUESTION_INTENTS, "none") if any(i == p for _, p in by_class)]
    print("\nPredicted intent per coarse class (items; recall = share detected)")
    rows = []
    for name in coarse:
        total = sum(by_class[name, i] for i in intents)
        rows.append(
            [name, total, 1 - by_class[name, "none"] / total, *(by_class[name, i] for i in intents)]
        )
    print(table(("class", "items", "recall", *intents), rows))
    print(f"\nspeed: {speed(words, seconds)}")


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Counter items by count (descending), then name: a deterministic order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


# ------------------------------------------------------------------------- samples


def report_samples(samples: Sequence[LabeledSample]) -> float | None:
    """Print detection, form and intent figures on the labelled samples; return the
    lowest intent F1 (None without labelled questions)."""
    detection = Counts()
    forms: Counter[tuple[str, str]] = Counter()
    intents: dict[str, Counts] = {}
    per_sample = []
    flagged = reasks = recognised = 0
    seconds = 0.0
    words = 0
    for sample in samples:
        transcript = sample.transcript
        words += sum(len(turn.text.split()) for turn in transcript.turns)
        analysis, elapsed = timed_analyze(transcript)
        seconds += elapsed
        found = [q for qs in predictions(analysis).values() for q in qs]
        sample_counts = Counts()
        for label in sample.questions:
            best = best_overlap(found, label.turn, label.start, label.end)
            sample_counts.add(True, best is not None)
            forms[label.form, best.form if best else MISSED] += 1
            predicted = best.intent if best else MISSED
            intents.setdefault(label.intent, Counts()).add(True, predicted == label.intent)
            if predicted not in (MISSED, label.intent):
                intents.setdefault(predicted, Counts()).fp += 1
            if label.reask_of is not None:
                reasks += 1
                recognised += best is not None and getattr(best, "reask_of", None) is not None
        for question in found:
            if not any(overlap(question, q.turn, q.start, q.end) for q in sample.questions):
                sample_counts.fp += 1
                intents.setdefault(question.intent, Counts()).fp += 1
                flagged += any(
                    overlap(question, n.turn, n.start, n.end) for n in sample.not_questions
                )
        per_sample.append(prf_row(sample.path, sample_counts))
        detection.tp += sample_counts.tp
        detection.fp += sample_counts.fp
        detection.fn += sample_counts.fn
    labelled = sum(len(s.questions) for s in samples)
    n_not = sum(len(s.not_questions) for s in samples)
    print(f"\n== samples: {len(samples)} files, {labelled} labelled questions")
    print("\nDetection (found = a prediction overlaps the label)")
    print(table(PRF_HEADER, [*per_sample, prf_row("all", detection)]))
    print(f"\nFalse positives on not_questions labels: {flagged} (of {n_not} labels)")
    found_forms = sum(n for (_, pred), n in forms.items() if pred != MISSED)
    right = sum(forms[f, f] for f in QUESTION_FORMS)
    accuracy = right / found_forms if found_forms else 0.0
    print(f"\nForm accuracy on found questions: {accuracy:.3f} ({right} of {found_forms})")
    gold_forms = [f for f in QUESTION_FORMS if any(f == g for g, _ in forms)]
    print(confusion(forms, gold_forms, (*QUESTION_FORMS, MISSED)))
    ordered = [i for i in QUESTION_INTENTS if i in intents]
    print("\nIntent (end to end: a missed or wrongly tagged question counts against its intent)")
    rows = [
        [
            i,
            intents[i].tp + intents[i].fn,
            intents[i].tp + intents[i].fp,
            intents[i].precision,
            intents[i].recall,
            intents[i].f1,
        ]
        for i in ordered
    ]
    print(table(("intent", "support", "predicted", "P", "R", "F1"), rows))
    lowest = min(ordered, key=lambda i: (intents[i].f1, i), default=None)
    if lowest is not None:
        macro = sum(intents[i].f1 for i in ordered) / len(ordered)
        print(f"macro F1 {macro:.3f}; lowest F1 {intents[lowest].f1:.3f} ({lowest})")
    print(f"\nRe-asks recognised: {recognised} of {reasks}")
    print(f"\nspeed: {speed(words, seconds)}")
    return None if lowest is None else intents[lowest].f1


# ------------------------------------------------------------------------ captions


def report_captions(samples: Sequence[LabeledSample]) -> float:
    """Print how many labelled questions the tool still finds when each sample is read
    as a raw caption (see ``caption_questions``); return the detection F1."""
    total = cq.CaptionScore()
    rows = []
    seconds = 0.0
    words = 0
    for sample in samples:
        caption = cq.caption_of(sample.transcript)
        words += len(caption.source)
        started = time.perf_counter()
        read = read_text(caption.text, f"{sample.path} (as a caption)")
        analysis = analyze(read)
        seconds += time.perf_counter() - started
        found = [q for qs in predictions(analysis).values() for q in qs]
        score = cq.score_caption(sample, caption, read, found)
        total.add(score)
        rows.append(prf_row(sample.path, Counts(score.tp, score.fp, score.fn)))
    counts = Counts(total.tp, total.fp, total.fn)
    print(f"\n== samples as raw captions: {len(samples)} files")
    print("\nDetection (found = a prediction shares a word with the label)")
    print(table(PRF_HEADER, [*rows, prf_row("all", counts)]))
    if total.tp:
        print(
            f"\nOn the {total.tp} found: form right {total.form_right / total.tp:.3f}, "
            f"intent right {total.intent_right / total.tp:.3f}, "
            f"asked by the labelled role {total.role_right / total.tp:.3f}"
        )
    print(f"\nRe-asks recognised: {total.reasks_recognised} of {total.reasks}")
    print(f"\nspeed (reading the caption, segmenting and analysing): {speed(words, seconds)}")
    return counts.f1


# ---------------------------------------------------------------------------- main


def summary(targets: Sequence[Target]) -> None:
    print("\n== summary")
    rows: list[list[object]] = []
    for target in targets:
        if target.value is None:
            rows.append([target.name, f">= {target.threshold:.2f}", "-", "not run"])
        else:
            result = "PASS" if target.value >= target.threshold else "FAIL"
            rows.append([target.name, f">= {target.threshold:.2f}", target.value, result])
    print(table(("target", "goal", "figure", "result"), rows))
    for target in targets:
        if target.note:
            print(f"  {target.name}: {target.note}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=CHOICES, default="all")
    parser.add_argument(
        "--limit", type=int, default=None, help="first N conversations, rows, items or samples"
    )
    parser.add_argument("--labels", type=Path, default=qc.DEFAULT_LABELS)
    parser.add_argument("--corpora", type=Path, default=None, help=f"default {DEFAULT_ROOT}")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    wanted = CHOICES[:-1] if args.corpus == "all" else (args.corpus,)
    corpora = [name for name in wanted if name not in LABEL_ONLY]
    if corpora and args.corpus != "all" and not qc.available(args.corpora):
        print("../shared/corpora is not present; nothing to evaluate", file=sys.stderr)
        return 2
    if args.corpus in ("samples", "captions") and not args.labels.is_file():
        print(f"{args.labels}: no such label file", file=sys.stderr)
        return 2
    limit = slice(args.limit)
    swda_original = Target("swda test turn F1, original", 0.92)
    swda_plain = Target("swda test turn F1, unpunctuated", 0.85)
    hearing_forms = Target("hearings form accuracy", 0.80)
    sample_intents = Target("samples lowest intent F1", 0.70)
    analyze(transcript_of([("A", "other", "Is the pipeline loaded?")], "warm-up"))  # not timed

    if {"samples", "captions"} & set(wanted):
        if args.labels.is_file():
            try:
                samples = qc.load_sample_labels(args.labels)[limit]
            except LabelError as problem:
                print(problem, file=sys.stderr)
                return 2
            if "samples" in wanted:
                sample_intents.value = report_samples(samples)
            if "captions" in wanted:
                report_captions(samples)
        else:
            sample_intents.note = f"no label file at {args.labels}"
    try:
        if "common" in wanted:
            common_questions.report(common_questions.load_items()[limit])
        if "asides" in wanted:
            answer_asides.report(answer_asides.load_items()[limit])
    except LabelError as problem:
        print(problem, file=sys.stderr)
        return 2
    missing = bool(corpora) and not qc.available(args.corpora)
    if not missing:
        if "swda" in wanted:
            swda = qc.load_swda(args.corpora)
            for split, description in SWDA_SPLITS:
                chosen = [c for c in swda if c.split == split][limit]
                whole = split == "test" and args.limit is None
                audit = error_audits.load_audit() if whole else None
                f1 = report_dialogue_acts(f"swda {split} ({description})", chosen, audit)
                if split == "test":
                    swda_original.value, swda_plain.value = f1["original"], f1["unpunctuated"]
        if "mrda" in wanted:
            report_dialogue_acts("mrda", qc.load_mrda(args.corpora)[limit])
        if "hearings" in wanted:
            audit = error_audits.load_hearings_audit() if args.limit is None else None
            hearing_forms.value = report_hearings(qc.load_hearings(args.corpora)[limit], audit)
        if "trec" in wanted:
            report_trec(qc.load_trec(args.corpora)[limit])
    summary([swda_original, swda_plain, hearing_forms, sample_intents])
    if missing:
        sys.stdout.flush()
        print("../shared/corpora is not present; only the samples were evaluated", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
