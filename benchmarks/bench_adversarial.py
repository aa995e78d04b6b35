"""Adversarial inputs against the whole pipeline (issue 9): nothing may grow
faster than its input.

Each input is built at half and at full size and run through read, analyze,
score (the default rubric, or the input's own) and render (every report
format: JSON, terminal, Markdown, HTML). Printed per input and size: the CPU
time of each stage, the words read, the time per 1,000 words, and the growth
(full over half). An input the tool refuses (a limit, JSON nested too deeply) is
timed up to the refusal. Bounds, checked on CPU time (steadier than wall time
on a shared machine):

- growth: time at full size over time at half size <= 2.5 (linear is 2);
- a generous per-input bound on the full size's total time (see INPUTS);
- no internal error (anything but the tool's own refusal).

Exit 1 when a bound fails.

    nice -n 19 python benchmarks/bench_adversarial.py [--only NAME ...] [--scale 0.1]
        [--profile NAME]

``--scale`` shrinks every input (a quick look; the figures in the issue are at
1.0). ``--profile NAME`` runs that input's full size under cProfile and prints
the functions with the most time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from transcript_tool import analyze, load_rubric, score
from transcript_tool.errors import TranscriptToolError
from transcript_tool.model import Report
from transcript_tool.nlp import get_nlp
from transcript_tool.readers import read_text
from transcript_tool.render.html import render_html
from transcript_tool.render.json import render_json
from transcript_tool.render.markdown import render_markdown
from transcript_tool.render.terminal import render_terminal
from transcript_tool.rubric import Rubric

MAX_GROWTH = 2.5
RENDERERS: tuple[Callable[[Report], str], ...] = (
    render_json,
    render_terminal,
    render_markdown,
    render_html,
)
"""Every report format, rendered in the "render" stage."""

CAPTION_WORDS = (
    "so tell me about a time you had to lead a project what was the hardest part yeah "
    "i think we had about three months and the team was small so i talked to everyone "
    "first and then we planned the migration step by step okay and how did it go well"
).split()


@dataclass(frozen=True)
class Adversary:
    """An adversarial input: ``make(n)`` builds its text at size ``n``;
    ``size`` is the full size; ``bound`` the most CPU seconds the full size
    may take."""

    name: str
    file_name: str
    make: Callable[[int], str]
    size: int
    bound: float
    rubric: str = "default"


def question_marks(n: int) -> str:
    return "Interviewer: " + "? " * n + "\nCandidate: I see what you mean.\n"


def one_word_turns(n: int) -> str:
    return "".join("Interviewer: yes\n" if i % 2 == 0 else "Candidate: no\n" for i in range(n))


def long_line(n: int) -> str:
    """One turn of about ``n`` characters of words."""
    words = " ".join(CAPTION_WORDS)
    body = (words + " ") * (n // (len(words) + 1))
    return "Interviewer: Tell me about yourself?\nCandidate: " + body.strip() + "\n"


def long_word(n: int) -> str:
    return "x" * n + "\n"


def json_segments(n: int) -> str:
    speakers = ("Interviewer", "Candidate")
    return json.dumps(
        [
            {"speaker": speakers[i % 2], "start": i * 2.0, "end": i * 2.0 + 1.5, "text": "yes"}
            for i in range(n)
        ]
    )


def one_speaker_json(n: int) -> str:
    """``n`` segments by one speaker: merged into one turn."""
    return json.dumps([{"speaker": "Candidate", "text": "yes I did"} for _ in range(n)])


def continued_turn(n: int) -> str:
    """One labeled turn of ``n`` lines: the label's line and ``n - 1`` more."""
    return "Interviewer: Tell me about yourself?\nCandidate: well\n" + "I did it\n" * (n - 1)


def deepgram_words(n: int) -> str:
    """A Deepgram response with ``n`` words of one speaker and no utterances."""
    words = [
        {"word": "yes", "start": i * 0.3, "end": i * 0.3 + 0.2, "confidence": 0.9, "speaker": 0}
        for i in range(n)
    ]
    alternative = {"transcript": "yes " * n, "words": words}
    return json.dumps({"results": {"channels": [{"alternatives": [alternative]}]}})


def questions_and_answers(n: int) -> str:
    """``n`` exchanges of distinct questions, many alike (re-asks, follow-ups
    and rephrasings are looked for among earlier questions)."""
    rng = random.Random(n)
    topics = ("project", "team", "deadline", "database", "customer", "migration", "budget")
    lines = []
    for i in range(n):
        topic = rng.choice(topics)
        lines.append(f"Interviewer: How did you handle the {topic} number {i % 97}?")
        lines.append(f"Candidate: I planned the {topic} with the team, and it shipped on time.")
    return "\n".join(lines) + "\n"


def concept_mentions(n: int) -> str:
    """Answers that say the ml-design rubric's concepts about ``n`` times in
    all, to questions that expect them."""
    answer = (
        "Candidate: The features are aggregates, one hot encoding of the merchant, "
        "and labels from chargebacks with label noise."
    )
    question = (
        "Interviewer: Which features and labels would you use, and how would you encode them?"
    )
    return "\n".join(f"{question}\n{answer}" for _ in range(max(1, n // 8))) + "\n"


def one_long_answer(n: int) -> str:
    """One answer saying the ml-design rubric's concepts about ``n`` times
    (its highlight pieces are cut in one turn)."""
    sentence = "The features are aggregates, one hot encoding of the merchant, and labels."
    return (
        "Interviewer: Which features and labels would you use, and how would you encode them?\n"
        "Candidate: " + " ".join([sentence] * max(1, n // 4)) + "\n"
    )


def nested_json(n: int) -> str:
    return "[" * n + "]" * n


def many_speakers(n: int) -> str:
    return "".join(f"Speaker {i}: Tell me about your work? I build things.\n" for i in range(n))


def raw_caption(n: int) -> str:
    """An unlabeled, unpunctuated auto-caption of ``n`` words, 8 words a line."""
    rng = random.Random(n)
    words = [rng.choice(CAPTION_WORDS) for _ in range(n)]
    return "\n".join(" ".join(words[i : i + 8]) for i in range(0, n, 8)) + "\n"


INPUTS = (
    Adversary("50,000 question marks", "marks.txt", question_marks, 50_000, 120),
    Adversary("100,000 one-word turns", "turns.txt", one_word_turns, 100_000, 300),
    Adversary("a 1 MB line of words", "line.txt", long_line, 1_000_000, 300),
    Adversary("a 1 MB line without spaces", "word.txt", long_word, 999_000, 60),
    Adversary("a million-segment JSON", "million.json", json_segments, 1_000_000, 120),
    Adversary("200,000 JSON segments (the limit)", "limit.json", json_segments, 200_000, 400),
    Adversary("160,000 JSON segments of one speaker", "one.json", one_speaker_json, 160_000, 300),
    Adversary("one turn of 150,000 lines", "continued.txt", continued_turn, 150_000, 300),
    Adversary("Deepgram: 200,000 words of one speaker", "words.json", deepgram_words, 200_000, 300),
    Adversary("20,000 questions and answers", "qa.txt", questions_and_answers, 20_000, 300),
    Adversary(
        "100,000 concept mentions", "concepts.txt", concept_mentions, 100_000, 300, "ml-design"
    ),
    Adversary(
        "one answer with 20,000 concept mentions",
        "answer.txt",
        one_long_answer,
        20_000,
        300,
        "ml-design",
    ),
    Adversary("deeply nested JSON", "deep.json", nested_json, 100_000, 30),
    Adversary("10,000 speakers", "speakers.txt", many_speakers, 10_000, 120),
    Adversary("a raw caption of 200,000 words", "caption.txt", raw_caption, 200_000, 300),
)


@dataclass
class Run:
    """One input at one size: CPU seconds per stage, words, the outcome."""

    size: int
    stages: dict[str, float] = field(default_factory=dict)
    words: int = 0
    outcome: str = "ok"
    internal_error: bool = False

    @property
    def total(self) -> float:
        return sum(self.stages.values())


def run(adversary: Adversary, size: int, rubrics: dict[str, Rubric]) -> Run:
    """Read, analyze and score ``adversary`` at ``size`` (with its rubric),
    timing each stage."""
    rubric = rubrics[adversary.rubric]
    text = adversary.make(size)
    result = Run(size)
    stage = "read"
    try:
        started = time.process_time()
        transcript = read_text(text, adversary.file_name)
        result.stages["read"] = time.process_time() - started
        result.words = sum(len(turn.text.split()) for turn in transcript.turns)
        stage, started = "analyze", time.process_time()
        analysis = analyze(transcript, concepts=rubric.concepts)
        result.stages["analyze"] = time.process_time() - started
        stage, started = "score", time.process_time()
        report = score(analysis, rubric)
        result.stages["score"] = time.process_time() - started
        stage, started = "render", time.process_time()
        for render in RENDERERS:
            render(report)
        result.stages["render"] = time.process_time() - started
    except TranscriptToolError as error:
        result.stages[stage] = time.process_time() - started
        result.outcome = f"refused: {str(error)[:90]}"
    except Exception as error:  # a bug: recorded, and the bench fails
        result.stages[stage] = time.process_time() - started
        result.outcome = f"internal error in {stage}: {type(error).__name__}: {str(error)[:70]}"
        result.internal_error = True
    return result


def per_thousand(result: Run) -> str:
    return f"{result.total / result.words * 1000:.3f} s" if result.words else "-"


def report(adversary: Adversary, half: Run, full: Run) -> list[str]:
    """Print both runs; return the bounds that failed."""
    growth = full.total / half.total if half.total > 0 else float("inf")
    failures = []
    if growth > MAX_GROWTH:
        failures.append(f"growth {growth:.2f} > {MAX_GROWTH}")
    if full.total > adversary.bound:
        failures.append(f"{full.total:.1f} s > bound {adversary.bound:g} s")
    if half.internal_error or full.internal_error:
        failures.append("internal error")
    verdict = "pass" if not failures else "FAIL: " + "; ".join(failures)
    print(f"\n{adversary.name}  [{verdict}]")
    for result in (half, full):
        stages = "  ".join(f"{name} {seconds:7.2f}" for name, seconds in result.stages.items())
        print(
            f"  n={result.size:>9,}  words {result.words:>9,}  total {result.total:7.2f} s  "
            f"({stages})  per 1,000 words {per_thousand(result)}  {result.outcome}"
        )
    print(f"  growth (full / half): {growth:.2f}")
    return failures


def profile(adversary: Adversary, rubrics: dict[str, Rubric], scale: float) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    result = run(adversary, max(1, int(adversary.size * scale)), rubrics)
    profiler.disable()
    print(f"{adversary.name}: {result.total:.2f} s, {result.outcome}")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="inputs whose name contains one of these")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every input (0-1]")
    parser.add_argument("--profile", metavar="NAME", help="cProfile this input's full size")
    args = parser.parse_args()
    rubrics = {name: load_rubric(name) for name in sorted({a.rubric for a in INPUTS})}
    get_nlp()  # the pipeline is built once per process: not part of any input's time
    chosen = [a for a in INPUTS if not args.only or any(word in a.name for word in args.only)]
    if args.profile:
        for adversary in (a for a in INPUTS if args.profile in a.name):
            profile(adversary, rubrics, args.scale)
        return 0
    run(INPUTS[0], 100, rubrics)  # warm up the matchers and caches
    print(f"CPU seconds; growth bound {MAX_GROWTH}; scale {args.scale:g}")
    failed = []
    for adversary in chosen:
        size = max(2, int(adversary.size * args.scale))
        half = run(adversary, size // 2, rubrics)
        full = run(adversary, size, rubrics)
        if report(adversary, half, full):
            failed.append(adversary.name)
        sys.stdout.flush()
    print(f"\n{len(chosen) - len(failed)} of {len(chosen)} inputs within bounds")
    for name in failed:
        print(f"  FAIL: {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
