"""A transcript that is mostly not English says so: every rule of the tool
reads English, and a Spanish interview scored "needs work" on thinking out
loud only because none of its reasoning words are English ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcript_tool.api import analyze, read_transcript
from transcript_tool.cli import main
from transcript_tool.model import Transcript
from transcript_tool.model.transcript import NOT_ENGLISH_NOTICE
from transcript_tool.readers import read_text

REPO = Path(__file__).resolve().parents[1]

SPANISH = """\
Entrevistadora: Hola Sofía, gracias por venir. ¿Puedes contarme un poco sobre tu experiencia?
Candidata: Claro. Trabajo desde hace tres años como analista de datos en una empresa de \
logística. Me encargo de los informes semanales y de automatizar las consultas.
Entrevistadora: ¿Por qué quieres cambiar de trabajo?
Candidata: Quiero trabajar en un equipo más grande y aprender sobre modelos de predicción, \
porque en mi empresa actual no hay oportunidades para eso.
"""
FRENCH = """\
Recruteuse : Bonjour Sophie, merci d'être venue. Pouvez-vous me parler de votre parcours ?
Candidate : Bien sûr. Je travaille depuis trois ans comme analyste de données dans une \
entreprise de logistique. Je prépare les rapports hebdomadaires et j'automatise les requêtes.
Recruteuse : Pourquoi voulez-vous changer de poste ?
Candidate : Je voudrais rejoindre une équipe plus grande et apprendre la modélisation.
"""
GERMAN = """\
Interviewerin: Hallo Sophie, danke, dass Sie gekommen sind. Erzählen Sie mir von Ihrer Arbeit.
Bewerberin: Gerne. Ich arbeite seit drei Jahren als Datenanalystin bei einem \
Logistikunternehmen. Ich erstelle die Wochenberichte und automatisiere die Abfragen.
Interviewerin: Warum möchten Sie wechseln?
Bewerberin: Ich möchte in einem größeren Team arbeiten und mehr über Vorhersagemodelle lernen.
"""


def analysed(transcript: Transcript) -> Transcript:
    """The transcript as the analysis holds it (the language is judged there)."""
    return analyze(transcript).transcript


@pytest.mark.parametrize("text", [SPANISH, FRENCH, GERMAN], ids=["es", "fr", "de"])
def test_an_interview_in_another_language_gets_a_notice(text: str) -> None:
    read = read_text(text, "talk.txt")
    assert not read.mostly_not_english  # reading alone does not judge it (no spaCy)
    transcript = analysed(read)
    assert transcript.mostly_not_english
    (notice,) = [n for n in transcript.notices if n.startswith(NOT_ENGLISH_NOTICE)]
    assert "the questions and scores here may not apply" in notice


@pytest.mark.parametrize(
    "sample",
    sorted(p.name for p in (REPO / "samples").iterdir()),
)
def test_no_english_sample_gets_it(sample: str) -> None:
    transcript = analysed(read_transcript(REPO / "samples" / sample))
    assert not transcript.mostly_not_english, transcript.notices


def test_a_short_text_is_not_judged() -> None:
    # under 40 words too few to tell: "Hola." / "Buenos días." says little
    short = "Entrevistadora: Hola Sofía, ¿qué tal?\nCandidata: Muy bien, gracias.\n"
    assert not analysed(read_text(short, "talk.txt")).mostly_not_english


def test_the_report_says_so_at_its_top(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "entrevista.txt"
    path.write_text(SPANISH, encoding="utf-8")
    code = main(["report", str(path), "--width", "100"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    head = " ".join(out.split("Conversation by")[0].split())
    assert "note: the words are mostly not English: 3% of them are English words" in head


def test_a_batch_summary_names_the_files_not_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("in")
    folder.mkdir()
    (folder / "entrevista.txt").write_text(SPANISH, encoding="utf-8")
    (folder / "entretien.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "interview.txt").write_text(
        (REPO / "samples" / "behavioral-interview.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    out_file, summary = Path("r.csv"), Path("s.json")
    code = main(["batch", str(folder), "-o", str(out_file), "--summary-out", str(summary), "-q"])
    out, _ = capsys.readouterr()
    assert code == 0
    flat = " ".join(out.split())
    assert (
        f"mostly not English: 2 of the 3 files scored ({folder}/entretien.txt, "
        f"{folder}/entrevista.txt); the rules read English, so their questions and scores "
        "may not apply"
    ) in flat
    assert json.loads(summary.read_text(encoding="utf-8"))["not_english"] == [
        f"{folder}/entretien.txt",
        f"{folder}/entrevista.txt",
    ]
