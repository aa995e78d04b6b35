"""Speakers and roles: who is the interviewer, who is the candidate.

Labels that name a role ("Interviewer", "Q", "Interviewee") decide directly.
Otherwise the interviewer is inferred from how each speaker talks (asks most
of the questions, takes short turns, speaks first) and the candidate is the
remaining speaker with the most words; a further speaker who asks as the
interviewer does, or whose question the candidate answers at length, is a
panel's second interviewer, any other one "other". The
margin between the two best interviewer scores becomes the confidence.
``--interviewer``/``--candidate`` override both. Names said in the text ("my
name is Priya", "I'm Sam, I lead the data team") are picked up for speakers
whose labels carry no name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UsageError, shown_source
from ..model import Role, Speaker, Transcript, Turn
from .said_names import said_name

ROLE_LABELS: dict[str, Role] = {
    "interviewer": "interviewer",
    "interviewers": "interviewer",
    "q": "interviewer",
    "question": "interviewer",
    "recruiter": "interviewer",
    "hiring manager": "interviewer",
    "host": "interviewer",
    "panelist": "interviewer",
    "int": "interviewer",
    # who interviews in a company's screen, a career centre's or a coach's
    # mock interview ("Advisor:" / "Student:")
    "hr": "interviewer",
    "hr rep": "interviewer",
    "hr representative": "interviewer",
    "hr manager": "interviewer",
    "talent partner": "interviewer",
    "sourcer": "interviewer",
    "recruiting coordinator": "interviewer",
    "panel member": "interviewer",
    "assessor": "interviewer",
    "examiner": "interviewer",
    "mock interviewer": "interviewer",
    "coach": "interviewer",
    "career coach": "interviewer",
    "advisor": "interviewer",
    "adviser": "interviewer",
    "counselor": "interviewer",
    "counsellor": "interviewer",
    "candidate": "candidate",
    "interviewee": "candidate",
    "a": "candidate",
    "answer": "candidate",
    "applicant": "candidate",
    "cand": "candidate",
    "guest": "candidate",
    "student": "candidate",
    "job seeker": "candidate",
    "jobseeker": "candidate",
}

INFERENCE_NOTICE = "roles inferred from how each speaker talks"

_GENERIC_LABEL = re.compile(
    r"^(?:speaker|spk|participant|person|voice|unknown)?[\s_-]*(?:\d+|[a-z])?$", re.IGNORECASE
)
_NUMBERED_ROLE = re.compile(r"^(?P<role>[a-z ]+?)[\s_-]*\d+$", re.IGNORECASE)
# What meeting software writes beside a name ("Tom Becker (Guest)": Teams'
# outside participant, who may be the interviewer as well as the candidate).
_MEETING_NOTES = frozenset(["guest", "host", "co-host", "external", "organizer", "presenter"])
_NOTED = re.compile(r"(?P<base>[^()]+?)\s*\((?P<note>[^()]+)\)")

_SENTENCE = re.compile(r"[^.?!]+[.?!]*")
_ASKING_OPENER = re.compile(
    r"^\s*(?:so,?\s+|and\s+|okay,?\s+|ok,?\s+)?(?:tell me|walk me|talk me|describe|explain|"
    r"can you|could you|would you|do you|did you|have you|are you|how|what|why|when|where|"
    r"which|who)\b",
    re.IGNORECASE,
)

PANEL_QUESTIONS = 3  # a third speaker who asks fewer is no interviewer ("Can you hear us?")
ANSWERED_AT_LENGTH = 40  # ... unless the candidate answers one of them in this many words


_HOSTING = re.compile(
    r"\bthanks? (?:you )?(?:so much |very much )?for (?:coming(?: in)?|joining(?: us| me)?|"
    r"making (?:the )?time|taking (?:the )?time|meeting with (?:us|me)|your interest)\b",
    re.IGNORECASE,
)
"""What the one who hosts says in their first turns ("Thanks for coming in",
"Thank you for making the time"). Not the guest's "thanks for having me":
diarization can give a line of the guest's to the host (it does in a Whisper
and pyannote podcast export in ../shared), which would count against the
host."""
HOSTING_TURNS = 3
"""A speaker's first turns that are read for hosting thanks."""
HOSTING_WEIGHT = 0.3
"""What hosting thanks add to a speaker's interviewer score: as much as
talking least (0.3), less than asking most (0.6)."""


@dataclass(frozen=True)
class _Talk:
    """How one speaker talks, summed over their turns."""

    turns: int
    words: int
    questions: int
    first_turn: int
    answered_by: tuple[str, ...] = ()
    """Who spoke ANSWERED_AT_LENGTH words or more right after each of the
    speaker's turns that asks (a speaker once per such turn)."""
    hosting: bool = False
    """Whether the speaker's first HOSTING_TURNS turns thank the other for
    coming (_HOSTING)."""


def assign_roles(
    transcript: Transcript,
    *,
    interviewer: str | Sequence[str] | None = None,
    candidate: str | Sequence[str] | None = None,
    found: dict[str, tuple[Role, float]] | None = None,
) -> Transcript:
    """Return ``transcript`` with speakers, roles and names assigned.

    ``interviewer``/``candidate`` name a speaker, or several (a panel's
    interviewers), by label or by name, whose role is then fixed; an unknown
    name is a UsageError listing the speakers, and so is a speaker named for
    both roles.
    ``found`` gives roles already inferred elsewhere (by the raw-caption
    segmenter) with their confidence; without it, a speaker whose role was
    inferred before keeps it unless an option gives that role to another.
    """
    turns_by = _turns_by_speaker(transcript)
    order = list(turns_by)
    talk = {sid: _talk(turns_by[sid], transcript.turns) for sid in order}
    roles: dict[str, tuple[Role, str, float]] = {}
    for flags, role in ((interviewer, "interviewer"), (candidate, "candidate")):
        for flag in [flags] if isinstance(flags, str) else flags or ():
            sid = _match_speaker(flag, transcript, turns_by)
            if sid in roles and roles[sid][0] != role:
                raise UsageError(
                    f"--interviewer and --candidate both name speaker {sid!r}; "
                    "give each role a different speaker"
                )
            roles[sid] = (role, "option", 1.0)  # type: ignore[assignment]
    for sid in order:
        if sid not in roles and (label_role := role_from_label(sid)) is not None:
            roles[sid] = (label_role, "label", 1.0)
    preset = dict(found or {})
    if found is None:
        preset = {
            s.id: (s.role, s.role_confidence)
            for s in transcript.speakers
            if s.role_source == "inferred"
        }
    # a role that labels or options gave is not taken again by an inference;
    # a panel's interviewers, inferred together, all keep theirs
    given = {r for r, _, _ in roles.values()} - {"other"}
    for sid, (role, confidence) in preset.items():
        if sid not in roles and role not in given:
            roles[sid] = (role, "inferred", confidence)
    notices = [n for n in transcript.notices if not n.startswith(INFERENCE_NOTICE)]
    inferred = _infer(order, talk, roles)
    if inferred:
        roles.update(inferred)
        notices.append(_inference_notice(inferred))
    speakers = tuple(
        Speaker(
            id=sid,
            name=_name_for(sid, turns_by),
            role=roles[sid][0],
            role_source=roles[sid][1],  # type: ignore[arg-type]
            role_confidence=round(roles[sid][2], 2),
        )
        for sid in order
    )
    by_id = {s.id: s for s in speakers}
    turns = tuple(dataclasses.replace(t, role=by_id[t.speaker].role) for t in transcript.turns)
    return dataclasses.replace(transcript, speakers=speakers, turns=turns, notices=tuple(notices))


def split_note(label: str) -> tuple[str, str] | None:
    """A label with a note in parentheses as (label, note): ("Priya Shah",
    "Interviewer") for "Priya Shah (Interviewer)"; None without one."""
    noted = _NOTED.fullmatch(label.strip())
    return (noted["base"], noted["note"]) if noted else None


def role_from_label(label: str) -> Role | None:
    """The role a label names ("Interviewer 2" -> interviewer), with a note
    in parentheses or of one ("Priya Shah (Interviewer)", "Interviewer
    (Ruth)"), else None."""
    noted = split_note(label)
    if noted:
        base, note = noted
        meeting = note.strip().lower() in _MEETING_NOTES
        return role_from_label(base) or (None if meeting else role_from_label(note))
    key = label.strip().lower().rstrip(".")
    if key in ROLE_LABELS:
        return ROLE_LABELS[key]
    numbered = _NUMBERED_ROLE.match(key)
    if numbered and numbered.group("role").strip() in ROLE_LABELS:
        return ROLE_LABELS[numbered.group("role").strip()]
    return None


def _noted_name(label: str) -> str | None:
    """The person a label with a note names: the part that is no role
    ("Priya Shah" of "Priya Shah (Interviewer)", "Ruth" of "Interviewer
    (Ruth)"), else None."""
    noted = split_note(label)
    if not noted:
        return None
    for name, other in (noted, noted[::-1]):
        if role_from_label(name) is None and role_from_label(other) is not None:
            return name
    return None


def is_generic_label(label: str) -> bool:
    """True for labels that carry no person's name ("Speaker 1", "Q", "INTERVIEWER")."""
    return role_from_label(label) is not None or bool(_GENERIC_LABEL.match(label.strip()))


def count_questions(text: str) -> int:
    """Sentences that end in "?" or open like a question or request; no NLP needed."""
    return sum(
        1
        for sentence in _SENTENCE.findall(text)
        if sentence.strip().endswith("?") or _ASKING_OPENER.match(sentence)
    )


def _turns_by_speaker(transcript: Transcript) -> dict[str, list[Turn]]:
    """Each speaker's turns, speakers in the order they first speak (one pass:
    a transcript may have thousands of speakers)."""
    turns_by: dict[str, list[Turn]] = {}
    for turn in transcript.turns:
        turns_by.setdefault(turn.speaker, []).append(turn)
    return turns_by


def _talk(turns: Sequence[Turn], everyone: Sequence[Turn]) -> _Talk:
    asked = [count_questions(t.text) for t in turns]
    replies = [
        everyone[t.index + 1]
        for t, n in zip(turns, asked, strict=True)
        if n and t.index + 1 < len(everyone)
    ]
    opening = " ".join(t.text for t in turns[:HOSTING_TURNS])
    return _Talk(
        turns=len(turns),
        words=sum(len(t.text.split()) for t in turns),
        questions=sum(asked),
        first_turn=turns[0].index,
        hosting=bool(_HOSTING.search(opening)),
        answered_by=tuple(
            r.speaker
            for r in replies
            if r.speaker != turns[0].speaker and len(r.text.split()) >= ANSWERED_AT_LENGTH
        ),
    )


def _match_speaker(flag: str, transcript: Transcript, turns_by: dict[str, list[Turn]]) -> str:
    """The speaker ``flag`` names: by label or name, whole and in any case,
    else by words of one ("Okafor" for "Dr. Okafor", "Janet" for "Janet
    Wu") when they are in one speaker's label or name only."""
    wanted = " ".join(flag.lower().split())
    order = list(turns_by)
    called = {sid: [c.lower() for c in (sid, _name_for(sid, turns_by)) if c] for sid in order}
    for sid in order:
        if wanted in (" ".join(c.split()) for c in called[sid]):
            return sid
    within = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    partly = [sid for sid in order if wanted and any(within.search(c) for c in called[sid])]
    if len(partly) == 1:
        return partly[0]
    source = shown_source(transcript.source)
    if len(partly) > 1:
        raise UsageError(
            f"{flag!r} could be any of {', '.join(partly)} in {source}; give the whole label"
        )
    listed = ", ".join(order) or "none"
    raise UsageError(f"no speaker called {flag!r} in {source}; speakers: {listed}")


def _interviewer_score(talk: _Talk, total_questions: int, total_words: int, first: bool) -> float:
    question_share = talk.questions / total_questions if total_questions else 0.5
    quiet_share = 1 - talk.words / total_words if total_words else 0.5
    hosting = HOSTING_WEIGHT * talk.hosting
    return 0.6 * question_share + 0.3 * quiet_share + 0.1 * first + hosting


def _infer(
    order: Sequence[str], talk: dict[str, _Talk], decided: dict[str, tuple[Role, str, float]]
) -> dict[str, tuple[Role, str, float]]:
    """Roles for the speakers that labels and options left open."""
    open_ids = [sid for sid in order if sid not in decided]
    if not open_ids:
        return {}
    taken = {role for role, _, _ in decided.values()}
    if len(order) == 1:
        return {open_ids[0]: ("other", "inferred", 0.0)}
    total_q = sum(t.questions for t in talk.values())
    total_w = sum(t.words for t in talk.values())
    first = min(order, key=lambda sid: talk[sid].first_turn)
    scores = {sid: _interviewer_score(talk[sid], total_q, total_w, sid == first) for sid in order}
    ranked = sorted(order, key=lambda sid: -scores[sid])
    position = {sid: i for i, sid in enumerate(order)}
    margin = scores[ranked[0]] - scores[ranked[1]]
    confidence = min(0.99, 0.5 + 0.65 * margin)
    result: dict[str, tuple[Role, str, float]] = {}
    if "interviewer" not in taken:
        top = next(sid for sid in ranked if sid in open_ids)
        result[top] = ("interviewer", "inferred", confidence)
    if "candidate" not in taken:
        rest = [sid for sid in open_ids if sid not in result]
        if rest:
            talker = max(rest, key=lambda sid: (talk[sid].words, -position[sid]))
            result[talker] = ("candidate", "inferred", confidence if result else 0.9)
    held: dict[str, str] = {
        role: sid for sid, (role, _, _) in (decided | result).items() if role != "other"
    }
    for sid in open_ids:
        if sid not in result:
            role: Role = "interviewer" if _asks_like_the_interviewer(talk, sid, held) else "other"
            result[sid] = (role, "inferred", confidence)
    return result


def _asks_like_the_interviewer(talk: dict[str, _Talk], sid: str, held: dict[str, str]) -> bool:
    """Whether a third speaker asks like the interviewer, a panel's second
    interviewer: at least PANEL_QUESTIONS questions, and questions per word
    nearer the interviewer's rate than the candidate's (per word, not per
    turn: a panelist also answers "can you hear us?" and hands over); or a
    question the candidate answers at length, as a panelist who asks one
    question does ("can you hear me?" gets "yes, loud and clear")."""
    if "interviewer" not in held or "candidate" not in held:
        return False
    if held["candidate"] in talk[sid].answered_by:
        return True

    def rate(speaker: str) -> float:
        return talk[speaker].questions / max(1, talk[speaker].words)

    middle = (rate(held["interviewer"]) + rate(held["candidate"])) / 2
    return talk[sid].questions >= PANEL_QUESTIONS and rate(sid) > middle


def _inference_notice(inferred: dict[str, tuple[Role, str, float]]) -> str:
    described = "; ".join(
        f"{sid} = {role} ({confidence:.2f})" for sid, (role, _, confidence) in inferred.items()
    )
    return f"{INFERENCE_NOTICE}: {described}"


def _name_for(speaker: str, turns_by: dict[str, list[Turn]]) -> str | None:
    """The speaker's name: the label itself when it is a name, the name in
    it beside a role ("Priya Shah (Interviewer)"), else one said in the text."""
    if not is_generic_label(speaker):
        return speaker
    noted = _noted_name(speaker)
    if noted is not None:
        return noted
    # in a two-person conversation, also the name the other speaker greets
    # or thanks in their first turns ("Hi Amara, thanks for joining")
    others = [sid for sid in turns_by if sid != speaker]
    greeting = turns_by[others[0]] if len(turns_by) == 2 and speaker in turns_by else ()
    return said_name(turns_by.get(speaker, []), greeting)
