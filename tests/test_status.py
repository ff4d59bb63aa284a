"""Status cues: nearest cue over the parse wins; cue words come from patterns/status_cues.json."""

from __future__ import annotations

import pytest

from showgraph.nlp.status import STATUS_PRECEDENCE, cues, merge_statuses, status_for
from showgraph.nlp.status import _test_nlp as plain_model


@pytest.fixture(scope="module")
def nlp():
    return plain_model()


def status_of(nlp, sentence: str, word: str) -> tuple[str, tuple[str, ...]]:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return status_for(token)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The comedy was cancelled last spring.", "cancelled", "confirmed"),
        ("The quiz show will return next year.", "return", "scheduled"),
        ("The police drama is set to return in the autumn.", "return", "scheduled"),
        ("The panel show is due to air in March.", "air", "scheduled"),
        ("The host is to present a new chat show.", "present", "scheduled"),
        ("The soap could return for another run.", "return", "speculative"),
        ("The soap might return for another run.", "return", "speculative"),
        ("The singer hopes to join the judging panel.", "join", "speculative"),
        ("The sequel is expected to begin filming soon.", "begin", "speculative"),
        ("The newsreader is tipped to host the new quiz.", "host", "speculative"),
        ("The chef is in talks to front a cookery series.", "front", "speculative"),
        ("The presenter reportedly quit the programme.", "quit", "reported"),
        ("Insiders say the western has been axed.", "axed", "reported"),
        ("The comic was accused of plagiarism by a rival.", "plagiarism", "alleged"),
        ("The producer allegedly threatened a runner.", "threatened", "alleged"),
        ("The rumoured departure of the anchor has upset fans.", "departure", "rumored"),
        ("The studio denied reports that the film will be shelved.", "shelved", "denied"),
        ("I have not been offered the part.", "offered", "denied"),
        ("The broadcaster admitted it had misled viewers.", "misled", "admitted"),
    ],
)
def test_cue_gives_status(nlp, sentence: str, word: str, expected: str) -> None:
    status, words = status_for(nlp(sentence)[[t.text for t in nlp(sentence)].index(word)])
    assert status == expected
    assert bool(words) == (expected != "confirmed")


def test_cue_in_another_clause_does_not_count(nlp) -> None:
    status, _ = status_of(nlp, "The drama, which could return, was axed in May.", "axed")
    assert status == "confirmed"


def test_nearest_cue_wins(nlp) -> None:
    # "according to" frames the sentence, but "is to" is nearer the verb
    status, words = status_of(nlp, "According to the paper, the sitcom is to return in May.", "return")
    assert status == "scheduled"
    assert words == ("is to",)


def test_according_to_an_accuser_is_an_allegation(nlp) -> None:
    status, _ = status_of(nlp, "According to the complainant, the host shoved and insulted her.", "insulted")
    assert status == "alleged"


def test_if_clause_makes_the_main_clause_speculative(nlp) -> None:
    status, _ = status_of(nlp, "If the show is renewed, it will follow the twins.", "follow")
    assert status == "speculative"


def test_negation_can_be_ignored(nlp) -> None:
    doc = nlp("The comedy has not been renewed.")
    renewed = doc[5]
    assert status_for(renewed, negation=None)[0] == "confirmed"
    assert status_for(renewed)[0] == "denied"


def test_reported_speech_would_is_a_plan(nlp) -> None:
    status, _ = status_of(nlp, "She said the twins would be playing themselves.", "playing")
    assert status == "scheduled"


def test_cue_lists_are_data() -> None:
    data = cues()
    assert "could" in data["modifiers"]["speculative"]
    assert "accuse" in data["governors"]["alleged"]


def test_merge_statuses_reported_then_denied_is_denied() -> None:
    assert merge_statuses(["reported", "denied"]) == "denied"
    assert merge_statuses(["rumored", "reported"]) == "reported"
    assert merge_statuses(["scheduled", "confirmed"]) == "confirmed"
    assert set(STATUS_PRECEDENCE) >= {"denied", "confirmed", "speculative"}


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # a participle modifying a title has its own frame: "tipped" is about the films' awards chances
        ("Films tipped for success include Closer, starring Jude Law.", "starring"),
        # an adverbial clause with its own subject states its own event
        ("Filming is expected to begin once Ann has finished work on Blue Sky, starring Tom Fry.", "starring"),
        # a denial of a motive does not deny a credit named inside it
        ("The firm denied the move was a result of publicity created by Ann's film.", "film"),
        # "as his character X" presupposes the role, whatever frames the verb
        ("He said he would not appear in the show as his old character David.", "as"),
    ],
)
def test_cue_outside_the_facts_own_clause_does_not_count(nlp, sentence: str, word: str) -> None:
    assert status_of(nlp, sentence, word)[0] == "confirmed"


def test_favourite_to_is_a_guess_not_a_plan(nlp) -> None:
    assert status_of(nlp, "The actor is favourite to take home the prize.", "take")[0] == "speculative"


def test_negation_inside_a_title_is_no_cue(nlp) -> None:
    doc = nlp("He wrote the score for the musical Thou Shalt Not.")
    doc.ents = [doc.char_span(len("He wrote the score for the musical "), len(doc.text) - 1, label="WORK_OF_ART")]
    assert status_for(doc[1]) == ("confirmed", ())


def test_a_denial_does_not_reach_a_coordinated_clause_with_its_own_subject(nlp) -> None:
    sentence = "The producers denied rumours of a feud, and the drama was renewed for a third season."
    assert status_of(nlp, sentence, "renewed")[0] == "confirmed"
    assert status_of(nlp, "The network denied that the drama had been cancelled.", "cancelled")[0] == "denied"


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Ann Lee was reportedly in talks to appear in a second season of Pond Life.", "was"),
        ("Ann Lee was reportedly in talks to appear in a second season of Pond Life.", "appear"),
        ("Ann Lee is in talks to star in Pond Life.", "talks"),
    ],
)
def test_in_talks_is_speculative_wherever_the_fact_is_anchored(nlp, sentence, word) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert status_for(token, doc[:])[0] == "speculative"


def test_a_subject_in_talks_keeps_its_presupposed_role(nlp) -> None:
    # "Judges X and Y are in talks to sign up": being the judges is presupposed, not a plan
    doc = nlp("Judges Ann Lee and Tom Reid are in talks to sign up for another run.")
    assert status_for(doc[2], doc[:])[0] == "confirmed"


def test_reportedly_without_talks_stays_reported(nlp) -> None:
    doc = nlp("Ann Lee was reportedly cast in Pond Life.")
    assert status_for(doc[5], doc[:])[0] == "reported"
