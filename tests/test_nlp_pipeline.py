"""The pipeline: model resolution, domain entities, show finding, extraction and de-duplication."""

from __future__ import annotations

import pytest

from nlp_helpers import facts_of
from showgraph.errors import ModelNotFoundError
from showgraph.facts import Evidence, Fact
from showgraph.nlp.entities import season_number
from showgraph.nlp.extract import extract_articles, merge_facts
from showgraph.nlp.pipeline import load_pipeline, resolve_model
from showgraph.readers import Article


def test_model_resolution_prefers_argument_then_env(monkeypatch):
    monkeypatch.setenv("SHOWGRAPH_MODEL", "from_env")
    assert resolve_model("given") == "given"
    assert resolve_model() == "from_env"


def test_missing_model_says_how_to_install():
    with pytest.raises(ModelNotFoundError, match="spacy download"):
        load_pipeline("no_such_model_xyz")


def test_pipeline_has_domain_components(nlp):
    for name in ("showgraph_paragraphs", "showgraph_entity_ruler", "showgraph_shows"):
        assert name in nlp.pipe_names


def test_platforms_seasons_and_shows(nlp):
    doc = nlp.make_doc("Netflix's The Long Night has been renewed for Season 3. Max Winter is a character.")
    doc._.title = "The Long Night renewed"
    doc = nlp(doc)
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Netflix", "PLATFORM") in labels
    assert ("Season 3", "SEASON") in labels
    assert ("Max", "PLATFORM") not in labels
    assert doc._.shows[0] == "The Long Night"


def test_season_numbers():
    assert [season_number(s) for s in ("season two", "Series 4", "its third season", "S02")] == [2, 4, 3, 2]


def test_non_tv_text_yields_no_show(nlp):
    doc = nlp("Shares in the bank fell 3% after the chancellor said interest rates would rise in March.")
    assert doc._.shows == []


def _fact(status: str, start: int, season: int | None = None) -> Fact:
    qualifiers = {"season": season} if season else {}
    return Fact("cast_member", "Show", "Ann Lee", qualifiers, status, Evidence("a", "s", start, start + 1, "r"))


def test_merge_keeps_one_fact_and_denial_wins():
    merged = merge_facts([_fact("reported", 0), _fact("denied", 10)])
    assert len(merged) == 1 and merged[0].status == "denied"


def test_merge_unites_qualifiers_but_keeps_seasons_apart():
    assert merge_facts([_fact("confirmed", 0), _fact("confirmed", 5, season=2)])[0].qualifiers == {"season": 2}
    assert len(merge_facts([_fact("confirmed", 0, 1), _fact("confirmed", 5, 2)])) == 2


def test_extract_articles_keeps_order_and_fills_entities(nlp):
    articles = [
        Article("One", "The sitcom Dry Spell stars Ken Ito. Ito plays Sam Park in the sitcom Dry Spell."),
        Article("Two", "Nothing about television here."),
    ]
    results = list(extract_articles(articles, nlp, batch_size=1))
    assert [r.article_id for r in results] == [a.id for a in articles]
    first = results[0]
    assert ("plays", "Ken Ito", "Sam Park") in {(f.relation, f.subject, f.object) for f in first.facts}
    assert first.entities["Ken Ito"][0] == "Person"
    assert first.entities["Dry Spell"][0] == "Show"
    assert results[1].facts == []


def _shows(nlp, body: str, title: str) -> list[str]:
    doc = nlp.make_doc(body)
    doc._.title = title
    return nlp(doc)._.shows


def test_people_clubs_and_events_are_no_shows(nlp):
    assert _shows(nlp, "Title favourite Lleyton Hewitt won in straight sets on Monday.", "Hewitt through") == []
    body = "Shares fell, the BBC's Jonathan Beale reports. G Warburton (Cardiff AAC) won the 60m."
    assert _shows(nlp, body, "Markets slide") == []
    assert _shows(nlp, "The 2030 World Cup in Spain is to be screened in high-definition.", "HD TV") == []


def test_weak_cues_count_in_a_sentence_about_the_screen(nlp):
    assert _shows(nlp, "Channel 4's Supernanny drew five million viewers on Tuesday.", "Ratings") == ["Supernanny"]
    body = "The festival launched hits such as Open Water and Napoleon Dynamite, two low-budget films."
    assert set(_shows(nlp, body, "Sundance opens")) == {"Open Water", "Napoleon Dynamite"}
    assert _shows(nlp, "He appeared on BBC Two business programme Dragon's Den.", "Donor") == ["Dragon's Den"]


def test_from_to_enumeration_before_a_plural_genre_makes_shows(nlp) -> None:
    doc = nlp("From Crimson Harbor and Paper Lanterns to Silent Orchard and Move to Glass, Korean dramas have soared.")
    assert set(doc._.shows) == {"Crimson Harbor", "Paper Lanterns", "Silent Orchard", "Move to Glass"}


# Which show a sentence without a title of its own is about ------------------------------------------


def test_an_owner_s_film_is_not_borrowed_for_another_title(nlp):
    body = (
        "Jo Reed starred in the comedy Grey Skies last year. Critics said Carl Moore's documentary was unlikely to win."
    )
    facts = facts_of(nlp, body)
    assert ("created_by", "Grey Skies", "Carl Moore") not in facts


def test_an_owner_s_film_is_borrowed_where_the_article_credits_the_owner(nlp):
    body = "The comedy Grey Skies was directed by Carl Moore. Critics said Moore's film was unlikely to win."
    assert ("created_by", "Grey Skies", "Carl Moore") in facts_of(nlp, body)


def test_the_headline_credits_the_main_show_to_its_owner(nlp):
    body = (
        "Two actors have signed up for Jo Reed's new sitcom, the comedian has said. "
        "They will each appear in an episode of the sitcom Blue Harbour."
    )
    assert ("created_by", "Blue Harbour", "Jo Reed") in facts_of(nlp, body, title="Stars flock to Reed sitcom")


def test_a_channel_s_soap_is_not_a_show_of_another_channel(nlp):
    body = (
        "The sitcom Blue Harbour is shown on BBC Two every week. "
        "Garvey, who played Ann Lee when the Channel 4 soap started in 1983, has died aged 70."
    )
    assert ("cast_member", "Blue Harbour", "Garvey") not in facts_of(nlp, body)


def test_a_bare_description_still_borrows_the_main_show(nlp):
    body = "The sitcom Blue Harbour is shown on Channel 4. The show stars Jo Reed."
    assert ("cast_member", "Blue Harbour", "Jo Reed") in facts_of(nlp, body, title="Blue Harbour returns")


def test_a_title_in_apposition_is_not_replaced_by_a_borrowed_one(nlp):
    body = (
        "The comedy Grey Skies made Ann Cole famous. "
        "Stone Garden, Jo Reed's latest thriller, became a film in 1986, starring Tim Noble."
    )
    assert ("cast_member", "Grey Skies", "Tim Noble") not in facts_of(nlp, body)


def test_a_role_in_a_title_the_finder_missed_is_not_given_another_show(nlp):
    body = "The drama Grey Skies won, said Jo Reed, an opinion echoed by Cinema 2004 presenter Dan Cross."
    assert not any(f[0] == "presented_by" for f in facts_of(nlp, body))


def test_a_role_in_a_known_show_keeps_it(nlp):
    body = "The drama Grey Skies is back. Its creator Jo Reed said the series will return."
    assert ("created_by", "Grey Skies", "Jo Reed") in facts_of(nlp, body)


def test_a_sentence_naming_an_untagged_title_before_a_role_borrows_no_show(nlp):
    body = (
        "The drama Grey Skies won best film at the awards. "
        "Medics star Tom Pike took the prize for best debut feature for Garden Gate, a film he wrote and acted in."
    )
    assert ("cast_member", "Grey Skies", "Tom Pike") not in facts_of(nlp, body, title="Grey Skies wins")


def test_several_films_are_not_one_borrowed_title(nlp):
    body = (
        "Jo Reed starred in the drama Grey Skies last year. "
        "The Harry Pike films made Ann Cole a star, and she plays Rose in the sequel."
    )
    assert ("cast_member", "Grey Skies", "Ann Cole") not in facts_of(nlp, body)


def test_a_verb_takes_the_show_of_its_own_clause(nlp):
    body = (
        "Jo Reed, a star of the sitcom Blue Harbour, plays a drunk in a new film, "
        "while Tom Pike stars as a bank robber in the comedy Red Lane."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Red Lane", "Tom Pike") in facts
    assert ("cast_member", "Blue Harbour", "Tom Pike") not in facts


def test_a_title_in_apposition_to_a_kind_of_work_blocks_borrowing(nlp):
    from showgraph.nlp.context import untagged_title

    doc = nlp("He once played the King of Portugal in the earliest televised pantomime, Dick Marlow.")
    assert untagged_title(doc, 0, len(doc))
    doc = nlp("He once played the King of Portugal in the earliest televised pantomime.")
    assert not untagged_title(doc, 0, len(doc))


def test_a_show_in_a_relative_clause_about_a_programme_is_another_show(nlp):
    from showgraph.nlp.context import show_in_subtree

    doc = nlp("Jo Reed will front the programme, which follows the drama series Dance Off.")
    programme = next(t for t in doc if t.text == "programme")
    assert show_in_subtree(programme) is None
    doc = nlp("Jo Reed will host the drama series, which is called Dance Off.")
    series = next(t for t in doc if t.text == "series")
    assert show_in_subtree(series) == "Dance Off"


@pytest.mark.parametrize(
    ("body", "sentences"),
    [
        ("He mocked quiz shows like the BBC's We Know It's True. She agreed.", 2),
        ("Since Cats And The Town drew to a close on HBO, ratings fell.", 1),
        ("Stars In Space... Take Me Home drew 9m viewers. Then it ended.", 2),
        ("She waited... Then she left.", 2),
    ],
)
def test_no_sentence_starts_after_a_word_that_ends_none(nlp, body, sentences):
    assert len(list(nlp(body).sents)) == sentences


def _referent(nlp, body: str, noun: str, title: str = "News"):
    from showgraph.nlp.extract import build_context
    from showgraph.nlp.relations.release import referent_show

    doc = nlp.make_doc(body)
    doc._.title = title
    doc = nlp(doc)
    ctx = build_context(Article(title=title, body=body), doc)
    return referent_show([t for t in doc if t.text == noun][-1], ctx)


def test_a_described_show_is_one_the_description_fits(nlp):
    body = (
        "Jo Ray, who played Ann Bell in the series Harbour Lane when the Channel 4 soap started in 1983, has died. "
        "She also played a nurse in the film Glass Garden."
    )
    assert _referent(nlp, body, "soap") == "Harbour Lane"
    body = "She played a nurse in the film Glass Garden last year. Later the Channel 4 soap began its run."
    assert _referent(nlp, body, "soap") is None


def test_a_described_show_is_the_one_just_talked_about_unless_the_article_says_otherwise(nlp):
    body = "The sitcom Pond Life won the top prize. The BBC show beat two rivals in the comedy category."
    assert _referent(nlp, body, "show") == "Pond Life"
    body = "The ITV drama Pond Life won the top prize. The BBC show beat two rivals in the comedy category."
    assert _referent(nlp, body, "show") is None


def test_an_untitled_new_production_is_no_show(nlp):
    assert (
        _referent(nlp, "The sitcom Pond Life ended. Its creator is writing a new drama for Netflix.", "drama") is None
    )
