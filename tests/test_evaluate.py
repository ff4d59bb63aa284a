"""Scoring: the matching rules of the gold format, and `showgraph eval` over a gold folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from showgraph.cli import app
from showgraph.evaluate import GoldError, facts_match, load_gold, score


def test_names_fold_and_characters_match_by_fewer_words() -> None:
    gold = {"relation": "plays", "subject": "Lee Do-hyun", "object": "Joo Yeo-jeong"}
    assert facts_match(gold, {"relation": "plays", "subject": "lee do hyun", "object": "Yeo-jeong"})
    assert not facts_match(gold, {"relation": "plays", "subject": "Lee", "object": "Joo Yeo-jeong"})
    assert not facts_match(gold, {"relation": "cast_member", "subject": "Lee Do-hyun", "object": "Joo Yeo-jeong"})


def test_numbers_by_value_and_dates_to_the_gold_precision() -> None:
    assert facts_match(
        {"relation": "episode_count", "subject": "X", "object": 6},
        {"relation": "episode_count", "subject": "X", "object": "6"},
    )
    assert facts_match(
        {"relation": "released_on", "subject": "X", "object": "2020"},
        {"relation": "released_on", "subject": "X", "object": "2020-03-01"},
    )
    assert not facts_match(
        {"relation": "released_on", "subject": "X", "object": "2020-03-01"},
        {"relation": "released_on", "subject": "X", "object": "2020"},
    )


def test_score_counts_and_status_agreement() -> None:
    gold = {
        "a.txt": [
            {"relation": "accused_of", "subject": "P", "object": "bullying", "status": "alleged"},
            {"relation": "genre", "subject": "S", "object": "drama"},
        ]
    }
    predicted = {
        "a.txt": [
            {"relation": "accused_of", "subject": "P", "object": "bullying"},
            {"relation": "genre", "subject": "S", "object": "comedy"},
        ]
    }
    scores = score(gold, predicted)
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (1, 1, 1)
    assert scores.qualifiers["status"] == (0, 1)
    assert scores.relations["genre"].scores == (0.0, 0.0, 0.0)


def test_bad_gold_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"no \*\.gold\.json"):
        load_gold(tmp_path)
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.gold\.json"):
        load_gold(tmp_path)


def test_eval_command_scores_a_gold_folder(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text(
        "Title: A show\nSource: Example Times\n\nThe comedy was watched by many.\n", encoding="utf-8"
    )
    gold = {
        "article": "a.txt",
        "facts": [
            {"relation": "published_by", "subject": "article", "object": "Example Times"},
            {"relation": "author", "subject": "article", "object": "Nobody Named"},
        ],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["relations"]["published_by"]["tp"] == 1
    assert scores["relations"]["author"]["fn"] == 1
    misses = CliRunner().invoke(app, ["eval", str(tmp_path), "--misses"]).stdout
    assert "MISS  a.txt" in misses and "Nobody Named" in misses


def test_eval_shows_progress_on_a_terminal_only(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text("Title: A show\nSource: Example Times\n\nThe comedy ran.\n", encoding="utf-8")
    gold = {
        "article": "a.txt",
        "facts": [{"relation": "published_by", "subject": "article", "object": "Example Times"}],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    piped = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert piped.exit_code == 0 and piped.stderr == ""
    terminal = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"], env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert terminal.exit_code == 0 and "1/1" in terminal.stderr and "left" in terminal.stderr
    assert json.loads(terminal.stdout)["relations"]["published_by"]["tp"] == 1
