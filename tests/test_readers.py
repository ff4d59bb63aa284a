"""Readers: every format, folders and globs, and bad input that never stops a batch."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from showgraph.errors import ArticleReadError, NoArticlesError
from showgraph.readers import Article, iter_articles, normalise_date, read_articles, read_file

GLORY_TXT = (
    "Title: The Glory part 2\n"
    "source: The Direct\n"
    "URL: https://example.org/glory\n"
    "Author: Klein Felt\n"
    "Published: 10 March 2023\n"
    "X-Ignored: whatever\n"
    "\n"
    "Song Hye-kyo plays Moon Dong-eun.\n"
    "\n"
    "  Indented line, kept.  \n"
)

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>The Glory season 2 confirmed | The Direct</title>
<meta property="og:title" content="The Glory season 2 confirmed">
<meta property="og:site_name" content="The Direct">
<meta name="author" content="Klein Felt">
<meta property="article:published_time" content="2023-03-10T09:00:00Z">
<link rel="canonical" href="https://example.org/the-glory-season-2">
</head><body>
<nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<article><h1>The Glory season 2 confirmed</h1>
<p>Netflix has released the second part of The Glory, the Korean revenge drama starring Song Hye-kyo.</p>
<p>The series was written by Kim Eun-sook and directed by Ahn Gil-ho, who faced allegations in 2023.</p>
</article>
<footer>Copyright 2023 The Direct. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def article(title: str, body: str = "Some body text.\n") -> str:
    return f"Title: {title}\nSource: Test\n\n{body}"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- text --------------------------------------------------------------------------------------------


def test_text_header_and_verbatim_body(tmp_path: Path) -> None:
    path = write(tmp_path / "glory.txt", GLORY_TXT)
    [art] = read_file(path)
    assert art.title == "The Glory part 2"
    assert art.source == "The Direct"  # keys are case-insensitive
    assert art.url == "https://example.org/glory"
    assert art.author == "Klein Felt"
    assert art.published == "2023-03-10"
    assert art.body == GLORY_TXT.split("\n\n", 1)[1]
    assert art.format == "text"
    assert art.name == "glory.txt"
    assert art.warnings == ()
    # offsets into the body find the text they name
    start = art.body.index("Moon Dong-eun")
    assert art.body[start : start + len("Moon Dong-eun")] == "Moon Dong-eun"


def test_text_without_suffix_bom_and_crlf(tmp_path: Path) -> None:
    raw = "\ufeffTitle: Extras\r\nPublished: 2005-07\r\n\r\nLine one.\r\nLine two.\r"
    path = write(tmp_path / "extras", raw.encode("utf-8"))
    [art] = read_file(path)
    assert art.title == "Extras"
    assert art.published == "2005-07"
    assert art.body == "Line one.\nLine two.\n"


def test_unparseable_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Title: A\nPublished: the other week\n\nBody.\n")
    [art] = read_file(path)
    assert art.published is None
    assert len(art.warnings) == 1
    assert "the other week" in art.warnings[0]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2019-07-09", "2019-07-09"),
        ("2019-07-09T10:35:00+01:00", "2019-07-09"),
        ("2019-07", "2019-07"),
        ("2019", "2019"),
        ("July 9, 2019", "2019-07-09"),
        ("Tue, 09 Jul 2019 10:35:00 GMT", "2019-07-09"),
        ("July 2019", "2019-07"),
        ("2019-13-45", None),
        ("yesterday", None),  # relative: would depend on the day the reader runs
        ("July 9", None),  # no year
        ("", None),
    ],
)
def test_normalise_date(given: str, expected: str | None) -> None:
    assert normalise_date(given) == expected


# --- markdown ----------------------------------------------------------------------------------------


def test_markdown_front_matter_and_plain_body(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "D.P. returns"\n'
        "author: Jane Doe\n"
        "date: 2021-08-26\n"
        "url: https://example.org/dp\n"
        "---\n"
        "\n"
        "**Jung Hae-in** stars in [D.P.](https://netflix.example/dp), a *Netflix* drama.\n"
        "It is `great`.\n"
        "\n"
        "## Cast\n"
        "\n"
        "- Koo Kyo-hwan\n"
        "- Kim Sung-kyun\n"
    )
    [art] = read_file(write(tmp_path / "dp.md", text))
    assert art.title == "D.P. returns"
    assert art.author == "Jane Doe"
    assert art.published == "2021-08-26"
    assert art.url == "https://example.org/dp"
    assert art.format == "markdown"
    assert "Jung Hae-in stars in D.P., a Netflix drama. It is great." in art.body
    assert "Cast" in art.body and "Koo Kyo-hwan" in art.body and "Kim Sung-kyun" in art.body
    for markup in ("**", "*", "[", "](", "https://netflix", "#", "`", "---"):
        assert markup not in art.body


def test_markdown_title_from_heading(tmp_path: Path) -> None:
    [art] = read_file(write(tmp_path / "a.markdown", "# Nathan Barley\n\nChris Morris directs it.\n"))
    assert art.title == "Nathan Barley"
    assert art.body == "Chris Morris directs it.\n"


def test_markdown_with_header_format(tmp_path: Path) -> None:
    [art] = read_file(write(tmp_path / "a.md", "Title: Jam\nSource: BBC News\n\nA _dark_ sketch show.\n"))
    assert (art.title, art.source, art.body) == ("Jam", "BBC News", "A dark sketch show.\n")


def test_markdown_without_any_title_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "untitled.md", "Just a paragraph.\n")
    with pytest.raises(ArticleReadError, match=r"untitled\.md.*Title"):
        read_file(path)


# --- html --------------------------------------------------------------------------------------------


def test_html_text_and_metadata_without_network(tmp_path: Path, no_network: None) -> None:
    [art] = read_file(write(tmp_path / "glory.html", HTML_PAGE))
    assert art.title == "The Glory season 2 confirmed"
    assert art.source == "The Direct"
    assert art.author == "Klein Felt"
    assert art.published == "2023-03-10"
    assert art.url == "https://example.org/the-glory-season-2"
    assert art.format == "html"
    assert "starring Song Hye-kyo" in art.body
    assert "directed by Ahn Gil-ho" in art.body
    assert "<p>" not in art.body
    assert "All rights reserved" not in art.body
    assert not art.body.startswith(art.title)


def test_html_without_text_is_an_error(tmp_path: Path, no_network: None) -> None:
    path = write(tmp_path / "empty.htm", "<html><head><title>Nothing</title></head><body></body></html>")
    with pytest.raises(ArticleReadError, match=r"empty\.htm"):
        read_file(path)


# --- jsonl -------------------------------------------------------------------------------------------


def test_jsonl_many_articles_blank_lines_and_a_bad_line(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": "First body.", "url": "https://example.org/1", "published": "2020-01-02"},
        {"title": "Two", "text": "Second body.", "author": "A. Writer", "source": "Variety"},
    ]
    no_title = json.dumps({"text": "x"})
    lines = [json.dumps(records[0]), "", json.dumps(records[1]), "   ", "{not json", no_title]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = list(iter_articles([path]))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ArticleReadError)]
    assert [a.title for a in articles] == ["One", "Two"]
    assert [a.name for a in articles] == ["batch.jsonl:1", "batch.jsonl:3"]
    assert articles[0].published == "2020-01-02" and articles[0].url == "https://example.org/1"
    assert articles[1].author == "A. Writer" and articles[1].source == "Variety"
    assert articles[0].format == "jsonl"
    assert [e.path for e in errors] == [f"{path}:5", f"{path}:6"]
    assert "bad JSON" in errors[0].problem
    assert "title" in errors[1].problem
    # the strict reader raises the first problem
    with pytest.raises(ArticleReadError, match=r"batch\.jsonl:5"):
        read_file(path)


def test_jsonl_error_messages_read_as_english(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.jsonl", '{"title": "One", "text": "never closed\n')
    (error,) = list(iter_articles([path]))
    assert isinstance(error, ArticleReadError)
    assert "Unterminated string starting at column 26" in error.problem and "at at" not in error.problem


# --- folders, globs and batches ----------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "b.txt", article("B"))
    write(root / "a.txt", article("A"))
    write(root / "sub" / "c.md", "# C\n\nMarkdown body.\n")
    write(root / "sub" / "deeper" / "d.txt", article("D"))
    write(root / "a.gold.json", '{"article": "a.txt", "facts": []}')
    write(root / ".hidden.txt", article("Hidden"))
    write(root / ".git" / "e.txt", article("In a hidden folder"))
    write(root / "README.md", "# About this corpus\n\nNot an article.\n")
    write(root / "notes.pdf", b"%PDF-1.4")
    write(root / "LICENSE", "MIT licence\n")
    return root


def test_folder_is_recursive_sorted_and_filtered(corpus: Path) -> None:
    articles, errors = read_articles([corpus])
    assert errors == []
    assert [a.title for a in articles] == ["A", "B", "C", "D"]
    assert articles == read_articles([corpus])[0]  # deterministic


def test_glob_patterns(corpus: Path) -> None:
    articles, errors = read_articles([str(corpus / "**" / "*.txt")])
    assert errors == []
    assert [a.title for a in articles] == ["A", "B", "D"]
    articles, errors = read_articles([str(corpus / "*")])  # matched folders are walked too
    assert errors == []
    assert [a.title for a in articles] == ["A", "B", "C", "D"]


def test_overlapping_paths_read_each_file_once(corpus: Path) -> None:
    articles, _ = read_articles([corpus / "a.txt", corpus, str(corpus / "*.txt")])
    assert [a.title for a in articles] == ["A", "B", "C", "D"]


def test_path_matching_nothing_is_yielded_and_batch_goes_on(corpus: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pattern = str(tmp_path / "nowhere" / "*.txt")
    results = list(iter_articles([pattern, empty, corpus / "a.txt"]))
    assert isinstance(results[0], NoArticlesError) and pattern in str(results[0])
    assert results[0].code == "SG102"
    assert isinstance(results[1], NoArticlesError) and str(empty) in str(results[1])
    assert isinstance(results[2], Article) and results[2].title == "A"
    with pytest.raises(NoArticlesError):
        list(iter_articles([pattern], on_error="raise"))


def test_bad_files_each_give_a_clear_error_and_the_rest_is_read(tmp_path: Path) -> None:
    bad = {
        "missing.txt": None,
        "latin1.txt": "Title: Café\n\nDéjà vu.\n".encode("latin-1"),
        "binary.txt": b"Title: x\n\n\x00\x01\x02\xff",
        "empty.txt": "",
        "blank.txt": "\n  \n",
        "untitled.txt": "Source: BBC News\nURL: https://example.org/x\n\nBody.\n",
        "no-header.txt": "Just some prose on the first line\nand more.\n\nBody.\n",
        "no-body.txt": "Title: Only a header\n\n\n",
        "page.pdf": b"%PDF-1.4",
    }
    expected_problem = {
        "missing.txt": "no such file",
        "latin1.txt": "not UTF-8",
        "binary.txt": "binary",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "untitled.txt": "no Title",
        "no-header.txt": "header line 1",
        "no-body.txt": "no body",
        "page.pdf": "unsupported file type",
    }
    paths = []
    for name, content in bad.items():
        path = tmp_path / name
        if content is not None:
            write(path, content)
        paths.append(path)
    good = write(tmp_path / "good.txt", article("Good"))
    results = list(iter_articles([*paths, good]))
    assert len(results) == len(bad) + 1
    for name, result in zip(bad, results, strict=False):
        assert isinstance(result, ArticleReadError), name
        assert result.code == "SG101"
        assert result.path == str(tmp_path / name)
        assert name in str(result)
        assert expected_problem[name] in result.problem, (name, result.problem)
    assert isinstance(results[-1], Article) and results[-1].title == "Good"
    articles, errors = read_articles([*paths, good])
    assert [a.title for a in articles] == ["Good"] and len(errors) == len(bad)
    with pytest.raises(ArticleReadError, match=r"missing\.txt"):
        list(iter_articles(paths, on_error="raise"))


def test_on_error_must_be_known() -> None:
    with pytest.raises(ValueError, match="on_error"):
        list(iter_articles([], on_error="ignore"))  # type: ignore[arg-type]


# --- ids ---------------------------------------------------------------------------------------------


def test_ids_are_stable(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", "Title: X\nURL: https://example.org/x\n\nFirst version.\n")
    two = write(tmp_path / "two.txt", "Title: X, updated\nURL: https://example.org/x\n\nSecond version.\n")
    same_a = write(tmp_path / "a" / "same.txt", article("Same", "Identical body.\n"))
    same_b = write(tmp_path / "b" / "same.txt", article("Same", "Identical body.\n"))
    other = write(tmp_path / "other.txt", article("Same", "A different body.\n"))
    [a1], [a2] = read_file(one), read_file(two)
    assert a1.id == a2.id  # same URL, same id
    [s1], [s2], [o] = read_file(same_a), read_file(same_b), read_file(other)
    assert s1.id != s2.id  # no URL: each file is its own article, even with the same text
    assert s1.content_id == s2.content_id and s1.content_id != o.content_id
    assert a1.id == read_file(one)[0].id  # re-reading gives the same id


def test_an_edited_file_keeps_its_id_and_a_declared_id_wins(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", article("Before", "Maya Stone stars in Quiet Harbour.\n"))
    [before] = read_file(path)
    write(path, article("After", "Quiet Harbour is cancelled.\n"))
    [after] = read_file(path)
    assert before.id == after.id and before.origin == after.origin == os.path.realpath(path)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    assert read_file(link)[0].id == after.id  # one file under two names is one article
    declared = write(tmp_path / "b.txt", "Title: B\nID: story-17\nURL: https://e.org/b\n\nBody.\n")
    moved = write(tmp_path / "c.md", "---\ntitle: B moved\nid: story-17\n---\nAnother body.\n")
    assert read_file(declared)[0].id == read_file(moved)[0].id
    rows = write(tmp_path / "r.jsonl", '{"title": "R", "text": "One."}\n{"title": "S", "text": "Two.", "id": 17}\n')
    first, second = read_file(rows)
    assert first.origin == f"{os.path.realpath(rows)}:1" and second.declared_id == "17"
    assert Article("T", "x").id == Article("T", "x").content_id  # text given directly: known by its content


def test_a_folder_that_cannot_be_read_says_so(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(Permissions cannot lock root out, so listing is made to fail the way it does for a user.)"""
    real_scandir = os.scandir
    locked = {str(corpus / "sub"), str(tmp := corpus.parent / "locked")}
    tmp.mkdir()

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, errors = read_articles([corpus, tmp])
    assert [a.title for a in articles] == ["A", "B"]  # the rest of the batch is read
    assert [(e.path, type(e)) for e in errors] == [
        (str(corpus / "sub"), ArticleReadError),
        (str(tmp), ArticleReadError),
    ]
    assert all("cannot be read (Permission denied)" in e.problem for e in errors)


def test_a_glob_through_a_symlink_loop_reads_each_file_once(corpus: Path) -> None:
    (corpus / "sub" / "up").symlink_to("..", target_is_directory=True)  # sub/up/sub/up/... forever
    articles, errors = read_articles([f"{corpus}/**/*.txt", corpus])
    assert errors == []
    assert sorted(a.title for a in articles) == ["A", "B", "C", "D"]  # C is the folder's .md
    assert all("/up/" not in a.path for a in articles)
