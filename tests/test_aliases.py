"""Who is who: surnames, given names, romanisation variants, titles, pronouns."""

from __future__ import annotations

from showgraph.nlp.aliases import AliasTable, build_aliases, clean_name, fold


def test_surname_and_titles_and_possessives():
    table = AliasTable.from_names(["Maria Okafor", "Director Kwon Min-jae"])
    assert table.canonical("Okafor") == "Maria Okafor"
    assert table.canonical("Okafor's") == "Maria Okafor"
    assert table.canonical("Min-jae") == "Kwon Min-jae"
    assert table.canonical("Kwon Min Jae") == "Kwon Min-jae"
    assert clean_name("Director Kwon Min Jae") == "Kwon Min Jae"


def test_shared_surname_stays_ambiguous_without_position():
    table = AliasTable.from_names(["Anna Berg", "Karl Berg"])
    assert table.canonical("Berg") == "Berg"


def test_shared_surname_takes_nearest_preceding_full_mention(nlp):
    doc = nlp("Anna Berg met Karl Berg. Later Karl Berg left, and Berg said nothing.")
    table = build_aliases(doc)
    berg = next(t for t in reversed(doc) if t.text == "Berg")
    assert table.canonical("Berg", berg.i) == "Karl Berg"


def test_fold_matches_romanisation_variants():
    assert fold("Lee Do Hyun") == fold("Lee Do-hyun")


def test_profile_pronoun_defaults_to_the_headline_person(nlp):
    from showgraph.nlp.extract import extract_article
    from showgraph.readers import Article

    body = (
        "Actress Patricia Morgan has died aged 70. Her films included Blue Moon, made with director John Carter. "
        "She played Nellie in the drama Night Ferry."
    )
    facts = extract_article(Article(title="Actress Patricia Morgan dies", body=body), nlp).facts
    players = {f.subject for f in facts if f.relation == "plays"}
    assert "John Carter" not in players
    assert "Patricia Morgan" in players


def _plays(nlp, title: str, body: str) -> set[tuple]:
    from showgraph.nlp.extract import extract_article
    from showgraph.readers import Article

    facts = extract_article(Article(title=title, body=body), nlp).facts
    return {(f.subject, f.object) for f in facts if f.relation == "plays"}


def test_profile_subject_is_found_in_a_headline_with_a_colon(nlp):
    body = (
        "Dan Reeve was born in Ohio. He worked with director Carl Hume on the film Sand Castle. "
        "He played detective Joe Marsh in the police series Night Beat."
    )
    assert ("Dan Reeve", "Joe Marsh") in _plays(nlp, "Dan Reeve: The quiet rebel", body)


def test_a_pronoun_of_the_other_gender_is_not_the_profile_subject(nlp):
    body = (
        "Dan Reeve was born in Ohio. He trained in London, where he met actress Lucy Hale. "
        "She played nurse Ann Marsh in the hospital drama Ward Nine."
    )
    played = _plays(nlp, "Actor Dan Reeve honoured", body)
    assert ("Dan Reeve", "Ann Marsh") not in played


def test_an_award_is_nobody_a_pronoun_stands_for(nlp):
    from showgraph.nlp.aliases import resolve_reference

    doc = nlp.make_doc("Dan Reeve was born in Ohio. The film earned him a Golden Globe nomination, and he left.")
    doc._.title = "Actor Dan Reeve honoured"
    doc = nlp(doc)
    table = build_aliases(doc)
    table.add("Golden Globe", next(t.i for t in doc if t.text == "Golden"))  # as the tagger may read it
    he = next(t for t in doc if t.text == "he")
    assert resolve_reference(he, table, []) == ("Dan Reeve", "Person")


def test_a_new_drama_is_an_untitled_production_not_the_show_of_the_article(nlp):
    from nlp_helpers import facts_of

    body = (
        "The drama Glass Garden ended on ITV last year. "
        "Glass Garden creator Jo Reed is writing a new drama for Netflix."
    )
    facts = facts_of(nlp, body)
    assert ("written_by", "Glass Garden", "Jo Reed") not in facts
    assert ("platform", "Glass Garden", "Netflix") not in facts
    assert ("created_by", "Glass Garden", "Jo Reed") in facts


def test_a_lone_given_name_is_the_one_full_name_with_it():
    table = AliasTable.from_names(["Richard Roe", "Ann Bell"])
    assert table.canonical("Richard") == "Richard Roe"
    table = AliasTable.from_names(["Richard Roe", "Richard Poe"])
    assert table.canonical("Richard") == "Richard"  # two people share it: no guess
    table = AliasTable.from_names(["Richard Roe", "Cliff Richard"])
    assert table.canonical("Richard") == "Cliff Richard"  # a surname first


def test_the_parse_can_be_serialised_after_the_rules_ran(nlp) -> None:
    """Rules memoise on ``doc.user_data`` (headline person, the subject's gender, show words); all of it is
    dropped afterwards, so the parse can be written out (multiprocess parsing and caches need that)."""
    from showgraph.nlp.extract import facts_from_doc, parse_articles
    from showgraph.readers import Article

    article = Article(
        title="Ann Lee dies aged 70",
        body="Actress Ann Lee has died. She played Nell in the Channel 4 soap Blue Harbour, which began in 1982.",
    )
    [(article, doc)] = list(parse_articles([article], nlp))
    facts = facts_from_doc(article, doc)
    assert facts.facts
    from showgraph.nlp.learned.components import RELATIONS_KEY

    # the relation scorer's output is an annotation of the parse, like its entities, and stays
    assert not [key for key in doc.user_data if str(key).startswith("showgraph_") and key != RELATIONS_KEY]
    assert doc.to_bytes()
