"""Labelled word streams for evaluating a speaker-turn segmenter on caption-like text.

Each corpus under ``../shared/corpora`` (read-only; see each folder's SOURCE.md) is turned
into :class:`LabeledStream` objects: the words a caption would show (lowercase, no
punctuation, no labels, markup or timestamps), the same words as written in the source,
and per word the true speaker, sentence ends and question ends. Nothing is copied into
the repository; everything is read from the corpora folder on each (cached) call.

    from caption_corpora import CORPORA, load, held_out_split
    for name in CORPORA:
        train, held_out = held_out_split(load(name))

Words
    A source token is a whitespace-separated piece of the cleaned text, additionally split
    after dash runs (``--``, em/en dash), ellipses (``...``/``…``) followed by text and
    ``/``, so ``I--I`` gives two words and ``control/test`` two. The caption word is the
    token lowercased with curly apostrophes made straight and every character other than
    letters, digits, ``'`` and ``-`` removed, then ``'`` and ``-`` stripped from both ends
    (``Uh-huh.`` -> ``uh-huh``, ``I'm`` -> ``i'm``, ``M.I.T`` -> ``mit``, ``f**k`` -> ``fk``).
    Tokens that become empty (``--``, ``...``, ``.``) are dropped from both ``words`` and
    ``source_words``; when such a token carries ``.``/``?``/``!`` it marks the previous word
    of the same turn as a sentence end (SwDA writes ``yeah .`` and ``so ...``).

Held-out split
    :func:`held_out_split` hashes ``corpus/id`` with ``zlib.crc32`` (20% held out by
    default: mit 22, changelog 10, anthropic 42, swda 32 streams). For mit-interview the key
    is the student number, so ``p12`` and ``pp12`` always fall on the same side.

Sentence ends
    True when the source token ends with ``.``, ``?`` or ``!`` (possibly followed by closing
    quotes/brackets), or the word is the last of a turn (a maximal run of one speaker).
    ``question_end`` is True when that final punctuation run contains ``?``. The rule is
    literal: abbreviations (``Mr.``, ``e.g.``) and trailing ellipses count as sentence ends.

Corpora
    mit-interview (``interview_transcripts_by_turkers.dev.csv``)
        Turns are the ``|``-separated segments of ``Details``, labelled ``Interviewer:``
        (role interviewer) or ``Interviewee:`` (role candidate). Editorial notes are removed:
        ``[...]``, ``{...}``, ``<...>``, ``*both laugh*``-style asterisk notes, ``'laugh'``
        and parenthesised notes such as ``(laughs)``, ``(sp?)``, ``(inaudible)``; a
        parenthesised guess ending in ``?`` (``(research?)``) keeps its words.
        79 of the 2,497 segments do not start with exactly ``Interviewer:`` or
        ``Interviewee:`` (SOURCE.md counts 78 because ``Intervieweee:`` starts with
        ``Interviewee``). Inspected one by one they are:

        - 30 empty or whitespace-only segments (stray ``|``): ignored;
        - 3 non-speech notes only (``[both laugh]``, ``[Laughs]`` x2): ignored;
        - 5 misspelt or truncated labels (``Interveiwee:``, ``Inerviewee:``,
          ``Intervieweee:``, ``INterviewee:``, ``r:``): read as the label they stand for
          (a label of letters starting with ``in`` and ending ``er``/``ee``, or a suffix of
          ``interviewer``/``interviewee``);
        - 1 stray ``Ready.`` before the first labelled turn (p32; the interviewer's first
          turn also starts with "Ready."): dropped, nobody can be credited with it;
        - 40 unlabelled text segments. Every one of them is the candidate's answer text
          split off by a stray ``|``: 38 follow the candidate's own segment, and 2 (p20,
          pp13) follow a one-word interviewer backchannel ("Mmhmm", "Okay.") inside the
          candidate's answer.

        Rule: an unlabelled text segment continues the speaker of the previous segment,
        unless that previous segment is a backchannel (at most 3 words) by a different
        speaker than the segment before it; then the speaker who was talking before the
        backchannel resumes. On this data the rule credits all 40 to the candidate.
        Commas rendered as double spaces are simply whitespace.
    changelog-interviews (``*.md``)
        Turns start with ``**Speaker Name:**`` and run until the next label (several
        paragraphs). Removed: escaped and plain bracket tags (``\\[03:51\\]``,
        ``\\[01:02:03.45\\]``, ``\\[laughs\\]``, ``\\[unintelligible 00:12:01.33\\]``,
        ``\\[at\\]``), ``\\*bleep\\*``/``\\*coughs\\*`` notes, emphasis ``*``/``_``; links
        ``[text](url)`` become ``text``; Markdown backslash escapes and HTML entities are
        decoded. Every file has exactly two speakers (checked; ValueError otherwise).
        Hosts are found from the data: a name is a host when it is a speaker in at least
        10% of the files (and at least 3). Measured: Adam Stacoviak (22 files), Chris
        Benson (22), Daniel Whitenack (26), Jerod Santo (12); the next names appear in 2
        files. The host is the interviewer. When both or neither speaker is a host, the
        first speaker is the interviewer. Counts (see :func:`changelog_host_rule_counts`):
        one host 38, both hosts 22, neither 0. The 22 both-host files are practicalai
        episodes of the two hosts, Daniel Whitenack and Chris Benson, talking to each other
        (142k words): their interviewer/candidate roles are nominal (the first speaker,
        who then has 61% of the words); in the 38 one-host files the host has 31%.
    anthropic-interviewer (``creatives_transcripts.csv``, ``scientists_transcripts.csv``)
        Turns start at line beginnings with ``Assistant:`` (first turn), ``AI:`` or
        ``User:``. ``Assistant``/``AI`` are one speaker, the interviewer; ``User`` is the
        candidate. ``[REDACTED]`` and other bracket tags and ``*`` emphasis are removed.
        There are 5,088 labelled turns (SOURCE.md's "4,888" is a sum error: 250 + 2,419 +
        2,419); 6 are empty after cleaning (blank, or ``:)``), leaving 5,079 speaker runs.
    swda (``train/``, ``val/``, ``test/``; ``Speaker|Utterance|DA tag`` lines)
        Speakers A/B; consecutive utterances of one speaker form one turn. Removed:
        annotator comments (from a ``*`` to the end of the utterance, e.g.
        ``*typo tying``, ``*listen``), ``<laughter>``-style tags, ``((``/``))`` (the
        uncertain words inside are kept), tokens with ``_`` (``child_talking``); for
        ``watch=watched`` the part before ``=`` is kept. No roles (``roles`` is None).
    project-interviews (``benchmarks/data/segmenter-interviews/*.txt``, :func:`load_project`)
        The project's own invented mock job interviews (MIT; see the README there): every
        paragraph starts with ``Interviewer:`` or ``Candidate:``. Not under ../shared, so
        always available; not in :data:`CORPORA`, which lists the shared corpora.

Measured (this snapshot of the corpora)
    ======================  =======  =======  ===========  ======  ===============
    corpus                  streams  words    interviewer  turns   mean turn words
    ======================  =======  =======  ===========  ======  ===============
    mit-interview           108      91,080   11.3%        2,391   38.1
    changelog-interviews    60       619,311  37.9%        7,832   79.1
    anthropic-interviewer   250      365,415  50.1%        5,079   71.9
    swda                    200      299,148  n/a          19,821  15.1
    ======================  =======  =======  ===========  ======  ===============

    Interviewer = share of words spoken by the interviewer role. Turns are maximal runs of
    one speaker after cleaning. Sentence ends / question ends: mit 5,879 / 637, changelog
    40,817 / 4,380, anthropic 19,890 / 3,186, swda 27,864 / 1,433. Loading all four takes
    about 2.5 s (then cached per process).
"""

from __future__ import annotations

import csv
import html
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CORPORA = ("mit-interview", "changelog-interviews", "anthropic-interviewer", "swda")
DEFAULT_ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class LabeledStream:
    """One transcript as caption words with per-word truth; all tuples are aligned 1:1.

    ``speakers`` numbers speakers by first appearance (0 speaks first); ``roles[i]`` is the
    role of speaker ``i`` (None for swda); ``sentence_end[i]``/``question_end[i]`` say
    whether a sentence / question ends right after word ``i``.
    """

    corpus: str
    id: str
    words: tuple[str, ...]
    source_words: tuple[str, ...]
    speakers: tuple[int, ...]
    roles: tuple[str, ...] | None
    sentence_end: tuple[bool, ...]
    question_end: tuple[bool, ...]


def available(root: Path | None = None) -> bool:
    """True when every corpus folder of :data:`CORPORA` is present under ``root``."""
    base = DEFAULT_ROOT if root is None else Path(root)
    return all((base / name).is_dir() for name in CORPORA)


def load(corpus: str, root: Path | None = None) -> list[LabeledStream]:
    """All streams of one corpus, sorted by id (a new list; the streams are shared).
    ``PROJECT`` names the project's own interviews, which are not under ``root``."""
    if corpus == PROJECT:
        return load_project()
    if corpus not in CORPORA:
        raise ValueError(f"unknown corpus {corpus!r}; expected one of {(*CORPORA, PROJECT)}")
    base = (DEFAULT_ROOT if root is None else Path(root)).resolve()
    return list(_load_cached(corpus, base))


def held_out_split(
    streams: Iterable[LabeledStream], fraction: float = 0.2
) -> tuple[list[LabeledStream], list[LabeledStream]]:
    """(train, held_out), decided per stream by ``zlib.crc32`` of its corpus and group key.

    The group key is the id, except for mit-interview where both interviews of one student
    (``p12`` and ``pp12``) share the key ``12`` so that a student never lands on both sides.
    """
    train: list[LabeledStream] = []
    held_out: list[LabeledStream] = []
    threshold = fraction * 2**32
    for stream in streams:
        key = stream.id
        if stream.corpus == "mit-interview":
            key = stream.id.lstrip("p")
        (held_out if zlib.crc32(f"{stream.corpus}/{key}".encode()) < threshold else train).append(
            stream
        )
    return train, held_out


def changelog_host_rules(root: Path | None = None) -> dict[str, str]:
    """Per changelog file id, which rule chose the interviewer: ``"one_host"``,
    ``"both_hosts_first_speaker"`` or ``"no_host_first_speaker"``."""
    base = (DEFAULT_ROOT if root is None else Path(root)).resolve()
    return dict(_changelog_parse(base)[1])


def changelog_host_rule_counts(root: Path | None = None) -> dict[str, int]:
    """How often each host rule fired (measured: one_host 38, both_hosts_first_speaker 22,
    no_host_first_speaker 0)."""
    counts = {"one_host": 0, "both_hosts_first_speaker": 0, "no_host_first_speaker": 0}
    for rule in changelog_host_rules(root).values():
        counts[rule] += 1
    return counts


def changelog_hosts(root: Path | None = None) -> tuple[str, ...]:
    """Speaker names found to be show hosts (speakers in >= 10% of files, at least 3)."""
    base = (DEFAULT_ROOT if root is None else Path(root)).resolve()
    return _changelog_parse(base)[2]


# --------------------------------------------------------------------------- words

_SPLIT_AFTER = re.compile(r"(-{2,}|[—–…/]|\.{2,}(?=[^.\s]))")
_NOT_WORD = re.compile(r"[^\w'-]|_")
_PUNCT_RUN = re.compile(r"['-]{2,}")
_END_PUNCT = re.compile(r"([.?!]+)[\"'”’)\]}»]*$")
_STOP = re.compile(r"[.?!]")


@lru_cache(maxsize=300_000)
def _token(token: str) -> tuple[str, bool, bool]:
    """(caption word, ends a sentence, ends a question) for one source token; for a token
    without a caption word, whether it carries sentence-final punctuation at all."""
    word = token.lower().replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    word = _NOT_WORD.sub("", word).strip("'-")
    word = _PUNCT_RUN.sub(lambda run: "-" if "-" in run[0] else "'", word)
    if not word:
        return "", bool(_STOP.search(token)), "?" in token
    match = _END_PUNCT.search(token)
    return word, bool(match), bool(match and "?" in match[1])


def _turn_tokens(text: str) -> list[tuple[str, str, bool, bool]]:
    """(caption word, source word, ends sentence, ends question) for one turn's text."""
    out: list[tuple[str, str, bool, bool]] = []
    for token in _SPLIT_AFTER.sub(r"\1 ", text).split():
        word, end, question = _token(token)
        if word:
            out.append((word, token, end, question))
        elif out and end:
            last = out[-1]
            out[-1] = (last[0], last[1], True, question or last[3])
    return out


def _build(
    corpus: str,
    stream_id: str,
    segments: Sequence[tuple[str, str]],
    role_of: dict[str, str] | None,
) -> LabeledStream:
    """One stream from (speaker key, cleaned text) segments in order."""
    index: dict[str, int] = {}
    tokens: list[tuple[str, str, bool, bool]] = []
    speakers: list[int] = []
    for key, text in segments:
        turn = _turn_tokens(text)
        if not turn:
            continue
        speaker = index.setdefault(key, len(index))
        if speakers and speakers[-1] != speaker and not tokens[-1][2]:
            tokens[-1] = (*tokens[-1][:2], True, tokens[-1][3])
        tokens.extend(turn)
        speakers.extend([speaker] * len(turn))
    if tokens:
        tokens[-1] = (*tokens[-1][:2], True, tokens[-1][3])
    words, source, ends, questions = zip(*tokens, strict=True) if tokens else ((), (), (), ())
    roles = None
    if role_of is not None:
        roles = tuple(role_of[key] for key in sorted(index, key=index.__getitem__))
    return LabeledStream(
        corpus=corpus,
        id=stream_id,
        words=words,
        source_words=source,
        speakers=tuple(speakers),
        roles=roles,
        sentence_end=ends,
        question_end=questions,
    )


@lru_cache(maxsize=16)
def _load_cached(corpus: str, root: Path) -> tuple[LabeledStream, ...]:
    loader = {
        "mit-interview": _load_mit,
        "changelog-interviews": _load_changelog,
        "anthropic-interviewer": _load_anthropic,
        "swda": _load_swda,
    }[corpus]
    streams = loader(root / corpus)
    return tuple(sorted(streams, key=lambda s: s.id))


# --------------------------------------------------------------------------- mit-interview

_MIT_LABEL = re.compile(r"\s*([A-Za-z]{1,14})\s*:\s*")
_MIT_NOTES = re.compile(
    r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\*[^*]*\*|'laugh'|\(([^()\[\]{}]*)[)}]", re.IGNORECASE
)
_MIT_ROLES = {"Interviewer": "interviewer", "Interviewee": "candidate"}


def _mit_label(label: str) -> str | None:
    low = label.lower()
    if low.startswith("in") and low.endswith("er"):
        return "Interviewer"
    if low.startswith("in") and low.endswith("ee"):
        return "Interviewee"
    if "interviewer".endswith(low):
        return "Interviewer"
    if "interviewee".endswith(low):
        return "Interviewee"
    return None


def _mit_note(match: re.Match[str]) -> str:
    inner = match[1]
    if inner is not None:
        guess = inner.strip()
        if guess.endswith("?") and guess.rstrip("?").strip().lower() not in {"", "sp"}:
            return f" {guess.rstrip('?')} "
    return " "


def _mit_segments(details: str) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []  # (label, text), text segments only
    for raw in details.split("|"):
        match = _MIT_LABEL.match(raw)
        label = _mit_label(match[1]) if match else None
        text = raw[match.end() :] if match and label else raw
        text = _MIT_NOTES.sub(_mit_note, text)
        if not _turn_tokens(text):
            continue
        if label is None:
            if not segments:
                continue  # stray text before the first labelled turn (p32 "Ready.")
            label = segments[-1][0]
            previous = segments[-1][1]
            if len(segments) >= 2 and len(_turn_tokens(previous)) <= 3 and segments[-2][0] != label:
                label = segments[-2][0]  # resume the speaker interrupted by a backchannel
        segments.append((label, text))
    return segments


def _load_mit(folder: Path) -> list[LabeledStream]:
    path = folder / "interview_transcripts_by_turkers.dev.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            _build("mit-interview", row["Code"], _mit_segments(row["Details"]), _MIT_ROLES)
            for row in csv.DictReader(handle)
        ]


# --------------------------------------------------------------------------- changelog

_CL_LABEL = re.compile(r"^\*\*([^*\n]+?):\*\*", re.MULTILINE)
_CL_LINK = re.compile(r"(?<!\\)\[([^\]\n]+)\]\([^)\s]*\)")
_CL_TAG = re.compile(r"\\?\[[^\]\n]*?\\?\]|(?<![\w*\\])\\\*[a-z]+\\\*(?![\w\\])")
_CL_EMPHASIS = re.compile(r"(?<!\\)[*_]+")
_CL_ESCAPE = re.compile(r"\\(.)")


def _changelog_clean(text: str) -> str:
    text = _CL_LINK.sub(r"\1", text)
    text = _CL_TAG.sub(" ", text)
    text = _CL_EMPHASIS.sub("", text)
    text = _CL_ESCAPE.sub(r"\1", text)
    return html.unescape(text)


@lru_cache(maxsize=4)
def _changelog_parse(
    root: Path,
) -> tuple[dict[str, list[tuple[str, str]]], dict[str, str], tuple[str, ...]]:
    """(turns per file id, host rule per file id, hosts) for the changelog corpus."""
    folder = root / "changelog-interviews"
    turns: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name == "SOURCE.md":
            continue
        text = path.read_text(encoding="utf-8")
        labels = list(_CL_LABEL.finditer(text))
        file_turns = []
        for here, after in zip(labels, [*labels[1:], None], strict=True):
            end = after.start() if after else len(text)
            file_turns.append((here[1].strip(), text[here.end() : end]))
        names = set(name for name, _ in file_turns)
        if len(names) != 2:
            raise ValueError(f"{path.name}: expected 2 speakers, found {sorted(names)}")
        turns[path.stem] = file_turns
    files_per_name = Counter(
        name for file_turns in turns.values() for name in {n for n, _ in file_turns}
    )
    threshold = max(3, 0.1 * len(turns))
    hosts = tuple(sorted(name for name, n in files_per_name.items() if n >= threshold))
    rules: dict[str, str] = {}
    for stem, file_turns in turns.items():
        present = {name for name, _ in file_turns} & set(hosts)
        if len(present) == 1:
            rules[stem] = "one_host"
        elif present:
            rules[stem] = "both_hosts_first_speaker"
        else:
            rules[stem] = "no_host_first_speaker"
    return turns, rules, hosts


def _load_changelog(folder: Path) -> list[LabeledStream]:
    turns, rules, hosts = _changelog_parse(folder.parent)
    streams = []
    for stem, file_turns in turns.items():
        first = file_turns[0][0]
        other = next(name for name, _ in file_turns if name != first)
        # One known host: the host. Both or neither: whoever speaks first.
        interviewer = first
        if rules[stem] == "one_host" and first not in hosts:
            interviewer = other
        role_of = {n: "interviewer" if n == interviewer else "candidate" for n in (first, other)}
        segments = [(name, _changelog_clean(text)) for name, text in file_turns]
        streams.append(_build("changelog-interviews", stem, segments, role_of))
    return streams


# --------------------------------------------------------------------------- anthropic

_AI_TURN = re.compile(r"^(Assistant|AI|User):", re.MULTILINE)
_AI_NOTES = re.compile(r"\[[^\]\n]*\]|(?<!\w)\*+|\*+(?!\w)")
_AI_SPEAKER = {"Assistant": "AI", "AI": "AI", "User": "User"}
_AI_ROLES = {"AI": "interviewer", "User": "candidate"}


def _load_anthropic(folder: Path) -> list[LabeledStream]:
    streams = []
    for path in sorted(folder.glob("*_transcripts.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = row["text"]
                marks = list(_AI_TURN.finditer(text))
                segments = []
                for here, after in zip(marks, [*marks[1:], None], strict=True):
                    end = after.start() if after else len(text)
                    body = _AI_NOTES.sub(" ", text[here.end() : end])
                    segments.append((_AI_SPEAKER[here[1]], body))
                streams.append(
                    _build("anthropic-interviewer", row["transcript_id"], segments, _AI_ROLES)
                )
    return streams


# --------------------------------------------------------------------------- swda

_SW_NOTES = re.compile(r"\*.*$|<[^>]*>|\(\(|\)\)|\S*_\S*|=\S*")


def _load_swda(folder: Path) -> list[LabeledStream]:
    streams = []
    for split in ("train", "val", "test"):
        for path in sorted((folder / split).glob("*.txt")):
            segments = []
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split("|")
                if len(parts) < 3:
                    continue
                speaker, text = parts[0], "|".join(parts[1:-1])
                segments.append((speaker, _SW_NOTES.sub(" ", text)))
            streams.append(_build("swda", path.stem, segments, None))
    return streams


# --------------------------------------------------------------------------- project-interviews

PROJECT = "project-interviews"
PROJECT_FOLDER = Path(__file__).resolve().parent / "data" / "segmenter-interviews"
_PROJECT_TURN = re.compile(r"^(Interviewer|Candidate): ", re.MULTILINE)
_PROJECT_ROLES = {"Interviewer": "interviewer", "Candidate": "candidate"}


def load_project(folder: Path | None = None) -> list[LabeledStream]:
    """The project's own labelled mock interviews (``benchmarks/data/segmenter-interviews``,
    written for this project and MIT-licensed like the code; see the README there), sorted
    by file name. Each paragraph starts with ``Interviewer:`` or ``Candidate:``; a file
    with text before its first label raises ValueError naming it."""
    streams = []
    for path in sorted((folder or PROJECT_FOLDER).glob("*.txt")):
        segments = _labelled_paragraphs(path, _PROJECT_TURN, "'Interviewer:'/'Candidate:'")
        streams.append(_build(PROJECT, path.stem, segments, _PROJECT_ROLES))
    return streams


def _labelled_paragraphs(path: Path, label: re.Pattern[str], what: str) -> list[tuple[str, str]]:
    """(label, text) for each turn of ``path``, a turn running from one match of
    ``label`` (its group 1 the label) to the next; ValueError naming the file when text
    comes before the first label (``what`` names the labels expected)."""
    text = path.read_text(encoding="utf-8")
    marks = list(label.finditer(text))
    if not marks or text[: marks[0].start()].strip():
        raise ValueError(f"{path}: text before the first {what} label")
    return [
        (here[1], text[here.end() : after.start() if after else len(text)])
        for here, after in zip(marks, [*marks[1:], None], strict=True)
    ]


PANEL_FOLDER = Path(__file__).resolve().parent / "data" / "panel-interviews"
_NAMED_TURN = re.compile(r"^([^\n:]{1,40}): ", re.MULTILINE)


def load_named(path: Path, roles: dict[str, str], corpus: str = "panel") -> LabeledStream:
    """One labelled transcript whose paragraphs start with a speaker's name and a colon
    ("Dr. Okafor: Good morning ..."), each name's role given by ``roles``; every person
    keeps their own speaker number (a panel's interviewers are told apart). ValueError
    names the file when text comes before the first label or a label has no role."""
    segments = _labelled_paragraphs(path, _NAMED_TURN, "'Name:'")
    unknown = sorted({name for name, _ in segments} - set(roles))
    if unknown:
        raise ValueError(f"{path}: no role given for {', '.join(unknown)}")
    return _build(corpus, path.stem, segments, roles)
