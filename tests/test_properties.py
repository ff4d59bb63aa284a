"""Property tests (Hypothesis) for the readers and entity IRI minting.

Bounded (``max_examples``, no deadline) so the file runs in seconds. ``@example`` pins edge cases to
every run; those on ``parse_jsonl_line`` are inputs that once escaped it as other errors than SG101.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from datetime import date

import pyoxigraph
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from showgraph.errors import ArticleReadError
from showgraph.rdf import KIND_FOLDERS, SGID, entity_iri, slug
from showgraph.readers import Article, parse_jsonl_line, parse_markdown, parse_text

FAST = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=40, deadline=None)  # dateparser and markdown-it are slower per example

# --- readers ---------------------------------------------------------------------------------------

# Text that looks like the header format often enough to reach past the first line.
header_lines = st.lists(
    st.one_of(
        st.builds(
            "{}: {}".format,
            st.sampled_from(["Title", "title", "URL", "Published", "ID", "Source", "Author", "X-Other"]),
            st.text(max_size=30),
        ),
        st.text(max_size=30),
    ),
    max_size=6,
)
article_like = st.builds(
    lambda lines, blank, body: "\n".join(lines) + blank + body,
    header_lines,
    st.sampled_from(["", "\n", "\n\n", "\n \n", "\r\n\r\n"]),
    st.text(max_size=80),
)
any_text = st.one_of(st.text(max_size=200), article_like)

# A one-line header value: no newline, something other than whitespace in it.
header_value = st.text(st.characters(codec="utf-8", exclude_characters="\n"), min_size=1, max_size=60).filter(
    lambda text: text.strip()
)
urls = st.from_regex(
    r"https?://[a-z0-9]{1,12}(\.[a-z0-9]{1,12}){0,2}\.[a-z]{2,6}(/[A-Za-z0-9._~%-]{0,12}){0,4}", fullmatch=True
)
bodies = st.text(min_size=1, max_size=300).filter(lambda text: text.strip())


@FAST
@given(any_text)
def test_parse_text_raises_only_the_read_error(text: str) -> None:
    try:
        article = parse_text(text, "a.txt")
    except ArticleReadError as exc:
        assert exc.code == "SG101" and exc.path == "a.txt"
        return
    # What it does return is a usable article: a title and a body with words in them.
    assert article.title and article.title == article.title.strip()
    assert article.body.strip()
    assert article.body in text


@SLOW
@given(any_text)
def test_parse_markdown_raises_only_the_read_error(text: str) -> None:
    try:
        article = parse_markdown(text, "a.md")
    except ArticleReadError:
        return
    assert article.title.strip() and article.body.strip()


jsonish = st.one_of(
    st.text(max_size=120),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=12,
    ).map(json.dumps),
    st.fixed_dictionaries(
        {"title": st.one_of(st.none(), st.integers(), st.text(max_size=20), st.text(st.characters(), max_size=5))},
        optional={
            "text": st.one_of(st.none(), st.integers(), st.text(max_size=40), st.text(st.characters(), max_size=5)),
            "id": st.one_of(st.integers(), st.booleans(), st.text(max_size=10)),
            "url": st.one_of(st.none(), st.text(max_size=20)),
        },
    ).map(json.dumps),
)


@FAST
@given(jsonish)
@example('{"title": "A", "text": "B", "id": ' + "1" * 5000 + "}")  # int too long for str(): ValueError
@example("[" * 5000 + "]" * 5000)  # nesting too deep for json: RecursionError
@example('{"title": "A \\ud800", "text": "B"}')  # a lone surrogate: id hashing and the store choke on it
def test_parse_jsonl_line_raises_only_the_read_error(line: str) -> None:
    """One bad jsonl line must become an SG101 for that line, never stop the batch."""
    try:
        article = parse_jsonl_line(line, "a.jsonl:3")
    except ArticleReadError as exc:
        assert exc.path == "a.jsonl:3"
        return
    assert article.title.strip() and article.body.strip()
    assert article.content_id and f"{article.title}{article.body}".encode()  # real text: UTF-8 encodable


@FAST
@given(header_value, urls, bodies)
def test_header_round_trips_and_body_is_kept_exactly(title: str, url: str, body: str) -> None:
    article = parse_text(f"Title: {title}\nURL: {url}\n\n{body}")
    assert article.title == title.strip()
    assert article.url == url
    assert article.body == body
    assert article.published is None and article.warnings == ()


@SLOW
@given(
    header_value,
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%Y-%m-%dT10:35:00Z"]),
    bodies,
)
def test_published_round_trips_as_iso(title: str, day: date, form: str, body: str) -> None:
    article = parse_text(f"Title: {title}\nPublished: {day.strftime(form)}\n\n{body}")
    assert article.published == day.isoformat()
    assert article.body == body and article.warnings == ()


@FAST
@given(st.dates(min_value=date(1000, 1, 1)), bodies)
def test_published_keeps_the_precision_given(day: date, body: str) -> None:
    month = parse_text(f"Title: T\nPublished: {day.year:04d}-{day.month:02d}\n\n{body}")
    year = parse_text(f"Title: T\nPublished: {day.year:04d}\n\n{body}")
    assert month.published == f"{day.year:04d}-{day.month:02d}"
    assert year.published == f"{day.year:04d}"


@FAST
@given(header_value, header_value, bodies, bodies, urls, st.text(min_size=1, max_size=30), st.text(max_size=30))
def test_article_id_follows_the_url_not_the_content(
    title1: str, title2: str, body1: str, body2: str, url: str, origin1: str, origin2: str
) -> None:
    first = parse_text(f"Title: {title1}\nURL: {url}\n\n{body1}")
    again = parse_text(f"Title: {title1}\nURL: {url}\n\n{body1}")
    edited = Article(title2, body2, url=url, origin=origin2 or None)
    assert first.id == again.id  # stable
    assert re.fullmatch(r"[0-9a-f]{24}", first.id)
    assert first.id == edited.id  # an edit, or a new home, does not make it another article
    assert Article(title1, body1, url=f" {url} ").id == first.id
    # Without a URL (or ID:) the article is known by its file, then by its content.
    by_file = Article(title1, body1, origin=origin1)
    assert by_file.id == Article(title2, body2, origin=origin1).id
    assert by_file.id != first.id
    assert Article(title1.strip(), body1).id == Article(title1.strip(), body1).id == first.content_id
    if (title1.strip(), body1) != (title2.strip(), body2):
        assert Article(title1.strip(), body1).id != Article(title2.strip(), body2).id


@FAST
@given(urls, urls, header_value, bodies)
def test_article_id_differs_for_different_urls_and_declared_id_wins(
    url1: str, url2: str, title: str, body: str
) -> None:
    assume(url1 != url2)
    assert Article(title, body, url=url1).id != Article(title, body, url=url2).id
    declared = parse_text(f"Title: {title}\nID: story-17\nURL: {url1}\n\n{body}")
    assert declared.id == Article("other", "text", declared_id="story-17", url=url2).id
    assert declared.id != Article(title, body, url=url1).id


# --- entity IRIs -----------------------------------------------------------------------------------

KINDS = sorted(KIND_FOLDERS)
names = st.text(max_size=40)
# Words of plain letters and digits: their folded form is the words lowercased, joined by "-".
words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1, max_size=4)
ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0308", "\u0303", "\u030c", "\u0327"]  # acute … cedilla


def _local(iri: object, kind: str) -> str:
    prefix = f"{SGID}{KIND_FOLDERS[kind]}/"
    text = str(iri)
    assert text.startswith(prefix)
    return text[len(prefix) :]


@FAST
@given(names, st.sampled_from(KINDS))
@example("...", "Person")
@example("The", "Show")
@example(" \t", "Show")
def test_entity_iri_is_a_valid_iri_for_any_name(name: str, kind: str) -> None:
    iri = entity_iri(name, kind)
    local = _local(iri, kind)
    assert local and not local.startswith("-") and not local.endswith("-")
    # One path segment with no character that needs escaping: nothing a Turtle or SPARQL writer must quote.
    assert not re.search(r"[\s/#?<>\"{}|\\^`%]", local)
    assert all(unicodedata.category(char)[0] != "C" for char in local)
    pyoxigraph.NamedNode(str(iri))  # Oxigraph checks IRI syntax strictly: raises on an invalid one
    # Deterministic: minting again (or via slug) gives the very same IRI; a slug is its own slug.
    assert entity_iri(name, kind) == iri
    assert slug(local) == local


@FAST
@given(words, st.sampled_from(KINDS), st.data())
def test_spelling_variants_share_one_iri(parts: list[str], kind: str, data: st.DataObject) -> None:
    """README "Known entities": case, spaces, hyphens, accents (and apostrophes) do not make a new IRI."""
    plain = " ".join(parts)
    separators = data.draw(st.lists(st.sampled_from([" ", "-", "  ", " - ", "_", "\t", "–"]), min_size=len(parts)))
    variant = "".join(part + sep for part, sep in zip(parts, separators, strict=False)).strip(" -_\t–")
    variant = "".join(
        data.draw(st.sampled_from([char, char.upper()]))
        + (data.draw(st.sampled_from(["", *ACCENTS])) if char.isalpha() else "")
        for char in variant
    )
    variant = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD"])), variant)
    variant = data.draw(st.sampled_from(["", " ", "  "])) + variant + data.draw(st.sampled_from(["", " ", "."]))
    if data.draw(st.booleans()):
        variant = variant.replace(variant[0], variant[0] + "'", 1) if variant.strip() else variant
    assert entity_iri(variant, kind) == entity_iri(plain, kind), variant
    assert _local(entity_iri(plain, kind), kind) == "-".join(parts)


@FAST
@given(words, st.sampled_from(["Show", "Work"]), st.sampled_from(["The ", "the ", "THE  ", "The-"]))
def test_a_leading_the_is_dropped_from_show_names(parts: list[str], kind: str, the: str) -> None:
    assume(parts[0] != "the")
    name = " ".join(parts)
    assert entity_iri(the + name, kind) == entity_iri(name, kind)
    # Only as a word of its own, and only in front.
    assert entity_iri("Then " + name, kind) != entity_iri(name, kind)
    assert _local(entity_iri(name + " the", kind), kind) == "-".join([*parts, "the"])


@FAST
@given(words, words, st.sampled_from(KINDS))
def test_different_folded_names_get_different_iris(parts1: list[str], parts2: list[str], kind: str) -> None:
    folded1, folded2 = "-".join(parts1), "-".join(parts2)
    if KIND_FOLDERS[kind] == "show":  # "the glory" folds to "glory" there
        folded1, folded2 = folded1.removeprefix("the-"), folded2.removeprefix("the-")
    assume(folded1 != folded2)
    assert entity_iri(" ".join(parts1), kind) != entity_iri(" ".join(parts2), kind)


@FAST
@given(
    st.text(string.punctuation + " \t", min_size=1, max_size=12),
    st.text(string.punctuation + " \t", min_size=1, max_size=12),
)
def test_names_with_nothing_alphanumeric_stay_distinct(name1: str, name2: str) -> None:
    """With no letter or digit left to slug, the IRI falls back to a hash of the name, not one shared IRI."""
    assume(name1 != name2)
    assert entity_iri(name1, "Person") != entity_iri(name2, "Person")


@FAST
@given(names, st.sampled_from(KINDS), st.sampled_from(KINDS))
def test_kinds_in_different_folders_never_share_an_iri(name: str, kind1: str, kind2: str) -> None:
    same_folder = KIND_FOLDERS[kind1] == KIND_FOLDERS[kind2]
    assert (entity_iri(name, kind1) == entity_iri(name, kind2)) == same_folder
