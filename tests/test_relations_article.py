"""Article relations: author, published_by and cites."""

from __future__ import annotations

from nlp_helpers import facts_of


def test_header_author_and_source(nlp):
    facts = facts_of(nlp, "The drama Red Sky was renewed.", author="Jo Bell", source="Screen Weekly")
    assert ("author", "article", "Jo Bell") in facts
    assert ("published_by", "article", "Screen Weekly") in facts


def test_cites_named_outlets_but_not_the_publisher(nlp):
    body = (
        "The drama Red Sky will return, Deadline reported. The star told Variety she was thrilled "
        "(via Soompi). A spokesperson told BBC News nothing."
    )
    facts = facts_of(nlp, body, title="Red Sky", source="BBC News")
    cited = {f[2] for f in facts if f[0] == "cites"}
    assert {"Deadline", "Variety", "Soompi"} <= cited
    assert "BBC News" not in cited


def test_unnamed_sources_are_not_cited(nlp):
    facts = facts_of(nlp, "Sources told reporters the show Red Sky is over.", title="Red Sky")
    assert not [f for f in facts if f[0] == "cites"]


def test_company_statements_and_common_nouns_are_not_cited(nlp):
    body = (
        "People were saying the show Red Sky was over. Royal Mail says it is investigating. "
        "The European Medicines Agency said doctors should be cautious. Standard Chartered said it would buy a bank. "
        "Jim Press said sales fell. The star told the Daily Mail she was thrilled."
    )
    cited = {f[2] for f in facts_of(nlp, body, title="Red Sky", source="BBC News") if f[0] == "cites"}
    assert cited == {"Daily Mail"}


def test_cites_a_poll_by_a_magazine_and_a_ratings_measurer(nlp) -> None:
    body = (
        "Viewers picked Ann Lee as the wittiest face on television, a poll by listings magazine Screen Weekly found. "
        "The sitcom Pond Life had 6.3 million viewers on Sunday, according to the Nielsen ratings published on Monday."
    )
    cited = {f[2] for f in facts_of(nlp, body) if f[0] == "cites"}
    assert cited == {"Screen Weekly", "Nielsen"}


def test_no_cite_for_a_person_or_a_plain_according_to(nlp) -> None:
    body = "A study by Ann Lee found the sitcom Pond Life was popular. According to Tom Reid figures rose."
    assert [f for f in facts_of(nlp, body) if f[0] == "cites"] == []


def test_cites_more_outlets(nlp) -> None:
    body = "In a new interview with Vanity Fair, Ann Lee said she cried. Tom Reid told TV Guide he was thrilled."
    cited = {f[2] for f in facts_of(nlp, body) if f[0] == "cites"}
    assert cited == {"Vanity Fair", "TV Guide"}
