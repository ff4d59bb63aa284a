"""Every word list of the rule-based reader, each held once.

The rules' words are data: the lists that were constants in the modules live in ``patterns/lexicon.json``
(one upper-case constant here per key), and each relation family's own lists in ``patterns/<family>.json``
(read through :func:`patterns`). Modules import their words from here, never from each other, so no
module needs another only for a word list (which is what kept ``aliases``, ``context`` and ``entities`` in
an import cycle). This module imports nothing of showgraph.

>>> "actress" in PERSON_DESCRIPTIONS and "he" in PERSON_PRONOUNS
True
>>> SEASON_ORDINALS["sophomore"], SEASON_NUMBER_WORDS["twenty"], "thirteenth" in SEASON_ORDINALS
(2, 20, False)
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"


@cache
def patterns(name: str) -> dict[str, Any]:
    """The entries of ``patterns/<name>.json`` without its notes (keys starting with ``_``), read once.

    Callers get the same dict each time: treat it as read-only.
    """
    raw = json.loads((PATTERNS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {key: value for key, value in raw.items() if not key.startswith("_")}


def _words(key: str) -> frozenset[str]:
    # Built as the set literal it replaces was (same insertion order, so the same iteration order).
    return frozenset(set(patterns("lexicon")[key]))


def _map(key: str) -> dict[str, Any]:
    return dict(patterns("lexicon")[key])


# ------------------------------------------------------------------- Names and references (aliases.py)

#: Words before a name that say what someone is, not who ("Director Ahn Gil Ho", "Comedian Chris Morris").
NAME_TITLES: frozenset[str] = _words("name_titles")
#: Descriptions that stand for the most recent person; the value is the role cue that fits best.
PERSON_DESCRIPTIONS: dict[str, str] = _map("person_descriptions")
PERSON_PRONOUNS: frozenset[str] = _words("person_pronouns")
SHOW_DESCRIPTIONS: frozenset[str] = _words("show_descriptions")
MALE_PRONOUNS: frozenset[str] = _words("male_pronouns")

# ----------------------------------------------------------------- Shows and descriptions (context.py)

#: Nouns after which a capitalised word is a title ("comedy Hitch", "the documentary Super Size Me").
TITLE_HEAD_NOUNS: frozenset[str] = _words("title_head_nouns")
#: Role nouns that a title can premodify ("Ray star Jamie Foxx", "Film 2005 presenter Jonathan Ross").
TITLED_ROLE_NOUNS: frozenset[str] = _words("titled_role_nouns")
#: Capitalised words before a role noun that name a field, not a title ("Hollywood star", "Oscar winner").
FIELD_WORDS: frozenset[str] = _words("field_words")
#: Nouns that stand for a production when they have a determiner or an owner ("the soap", "Moore's film").
DESCRIPTOR_NOUNS: frozenset[str] = _words("descriptor_nouns")
#: Words in a description that say nothing of which show it is ("the new series", "the hit show").
PLAIN_MODIFIERS: frozenset[str] = _words("plain_modifiers")
#: Kinds of production a description may name, each excluding the others ("the soap" is no film).
PRODUCTION_KINDS: frozenset[str] = _words("production_kinds")
#: Verbs of a relative clause that name the show it is about ("the drama, which is called X").
NAMING_VERBS: frozenset[str] = _words("naming_verbs")

# ------------------------------------------------------------------------ Entity finding (entities.py)

#: Screen awards: a sentence naming one is about the screen.
AWARD_NAMES: frozenset[str] = _words("award_names")
#: Nouns that make "show" a screen show ("reality show", "talent show", "chat shows").
SHOW_KINDS: frozenset[str] = _words("show_kinds")
#: Platform names that are also ordinary words or given names: kept only in a channel's context.
AMBIGUOUS_PLATFORMS: frozenset[str] = _words("ambiguous_platforms")
CHANNEL_CONTEXT: frozenset[str] = _words("channel_context")
#: Lower-case words allowed inside a title when a capitalised word follows ("Sex and the City").
ENTITY_TITLE_CONNECTORS: frozenset[str] = _words("entity_title_connectors")
#: Capitalised words that never start or make up a title on their own.
NOT_TITLES: frozenset[str] = _words("not_titles")
#: Words that open a sentence describing someone ("Veteran actress X", "Best actor X"): never a title alone.
DESCRIPTOR_WORDS: frozenset[str] = _words("descriptor_words")
#: Last words of events that are broadcast, of stations that broadcast and of companies that make
#: programmes, never of a production's title.
EVENT_AND_STATION_WORDS: frozenset[str] = _words("event_and_station_words")
#: Verbs whose object is a production, with the weight of that evidence.
MAKING_VERBS: dict[str, int] = _map("making_verbs")
#: Verbs whose passive subject is a production ("Brookside was axed").
PASSIVE_SHOW_VERBS: frozenset[str] = _words("passive_show_verbs")
#: Sentence-initial words of headlines that are never part of a title.
LEADING_WORDS: frozenset[str] = _words("leading_words")
#: Tokens after which a sentence may end.
SENTENCE_ENDS: frozenset[str] = _words("sentence_ends")
#: Plural screen genre nouns that make a sentence's enumerated titles shows.
PLURAL_GENRES: frozenset[str] = _words("plural_genres")
#: Words before a title in a list or comparison ("over X (BBC One)", "from X (Channel 4)").
LIST_WORDS: frozenset[str] = _words("list_words")
#: Last words of production companies' names ("Baby Cow Productions").
COMPANY_WORDS: frozenset[str] = _words("company_words")
#: Role nouns that a title premodifies before a person's name ("Holby City actor X", "Ted Lasso star X").
PREMODIFIED_ROLES: frozenset[str] = _words("premodified_roles")
#: Those only a screen production has (the others also follow teams and companies: "Chelsea star").
SCREEN_ROLES: frozenset[str] = _words("screen_roles")
#: First words of multi-word place names ("New Zealand actor", "South Korean star").
PLACE_OPENERS: frozenset[str] = _words("place_openers")
#: Last words of sports clubs' names.
SPORT_CLUB_WORDS: frozenset[str] = _words("sport_club_words")
#: Small words written capitalised inside a title, in headline case ("The Bold And The Beautiful").
CAPITALISED_SMALL_WORDS: frozenset[str] = _words("capitalised_small_words")
#: Words of institutions' names, which are written in headline case too ("Bank Of England").
ENTITY_INSTITUTION_WORDS: frozenset[str] = _words("entity_institution_words")
#: Pronouns that open a title only where a channel's possessive marks it ("the BBC's They Think It's All Over").
POSSESSIVE_OPENERS: frozenset[str] = _words("possessive_openers")
#: Nationality words that may open a title ("American Idol") though never a title alone.
NATIONALITY_WORDS: frozenset[str] = _words("nationality_words")
#: Small words that, followed by an article, continue a title ("Shaun of the Dead", "Man of the House").
INNER_CONNECTORS: frozenset[str] = _words("inner_connectors")
#: Adjectives that describe a person before the title they are known for ("Former Holby City actor").
PERSON_MODIFIERS: frozenset[str] = _words("person_modifiers")
#: Determiners that count things ("another Bushtucker Trial"), never said of a title.
COUNTING_WORDS: frozenset[str] = _words("counting_words")
#: Words that with a number make no title ("All 10 episodes").
QUANTIFIER_WORDS: frozenset[str] = _words("quantifier_words")
#: Words that name a kind of production, a venue or a part of a broadcast, never one title on their own.
GENERIC_TITLE_WORDS: frozenset[str] = _words("generic_title_words")

# ---------------------------------------------------------------------------------- Status (status.py)

#: Verbs that take an -ing complement as part of their own predicate ("began showing", "is considering
#: starring"); any other -ing participle without an auxiliary is a modifier with its own frame.
CATENATIVE_VERBS: frozenset[str] = _words("catenative_verbs")
#: Subordinators of an adverbial clause that frames nothing above it (it states its own event).
OWN_FRAME_MARKS: frozenset[str] = _words("own_frame_marks")

# ------------------------------------------------------------------------------------ Dates (dates.py)

MONTHS: dict[str, int] = _map("months")
WEEKDAYS: dict[str, int] = _map("weekdays")
SEASONS_OF_YEAR: dict[str, int] = _map("seasons_of_year")

# --------------------------------------------------------------------------- Number words (numbers.py)

UNITS: dict[str, int] = _map("units")
TENS: dict[str, int] = _map("tens")
SCALES: dict[str, int] = _map("scales")
SPECIAL: dict[str, int] = _map("special")
ORDINALS: dict[str, int] = _map("ordinals")

# ---------------------------------------------- Relation rules: appearances (relations/appearances.py)

#: Labels a span never has when it is a show's title.
NOT_TITLE: frozenset[str] = _words("not_title")
#: Lower-case words allowed inside a title ("A Touch of Frost", "Top of the Pops").
APPEARANCE_TITLE_CONNECTORS: frozenset[str] = _words("appearance_title_connectors")
#: Role nouns in apposition to a name, and the credit each gives.
APPOSITION_ROLES: dict[str, str] = _map("apposition_roles")

# ------------------------------------------------------ Relation rules: article (relations/article.py)

#: Verbs whose subject is a source of reporting ("Deadline reported", "Variety has learned").
REPORT_VERBS: frozenset[str] = _words("report_verbs")
#: Verbs whose object or ``to`` phrase is the outlet credited ("told Variety", "confirmed to Deadline").
TOLD_VERBS: frozenset[str] = _words("told_verbs")
#: Words that make an organisation's name a publication's when the outlet list does not know it.
PUBLICATION_WORDS: frozenset[str] = _words("publication_words")
#: Words that open a publication's name ("Daily Record", "Sunday Telegraph", "Evening Standard").
PUBLICATION_OPENERS: frozenset[str] = _words("publication_openers")
BYLINE_TAIL: frozenset[str] = _words("byline_tail")
#: Publication words that are also other firms' names ("Royal Mail", "Standard Life"): they need an
#: opener ("Daily Mail", "the Mail on Sunday").
SHARED_PUBLICATION_WORDS: frozenset[str] = _words("shared_publication_words")
#: Findings an outlet or a measurer is credited for: "a poll by listings magazine X", "according to the
#: X ratings system".
FINDING_NOUNS: frozenset[str] = _words("finding_nouns")
MEASURE_NOUNS: frozenset[str] = _words("measure_nouns")
MEDIUM_NOUNS: frozenset[str] = _words("medium_nouns")

# ------------------------------------------------------------ Relation rules: cast (relations/cast.py)

PLAY_VERBS: frozenset[str] = _words("play_verbs")
#: Verbs whose "as Y" names the character ("stars as", "joins the cast as", "was cast as").
AS_VERBS: frozenset[str] = _words("as_verbs")
#: Verbs of appearing in a production ("X stars in SHOW").
APPEAR_VERBS: frozenset[str] = _words("appear_verbs")
#: Verbs whose object is the show a person joins ("A and B lead SHOW", "X joins SHOW").
JOIN_VERBS: frozenset[str] = _words("join_verbs")
#: Signing-up verbs: the appearance they announce is a plan (scheduled) unless a cue says otherwise.
SIGNUP_VERBS: frozenset[str] = _words("signup_verbs")
#: Nouns for a role that is described, not named ("plays a doctor": cast_member only).
ROLE_NOUNS: frozenset[str] = _words("role_nouns")
#: Nouns of people who appear: "SHOW actress X", "the cast includes", "A and B are the finalists".
PERFORMER_NOUNS: frozenset[str] = _words("performer_nouns")
#: Words before a bracketed name that mark the outer name as a character description.
CHARACTER_CUES: frozenset[str] = _words("character_cues")
#: Nouns before a person that say the outer name is the actor ("actress Lisa Kudrow (Phoebe)").
PERFORMER_TITLES: frozenset[str] = _words("performer_titles")
#: Words that make a sentence about sport, where "plays" means a game.
SPORT_WORDS: frozenset[str] = _words("sport_words")
#: Nouns for a production that a name before them can own or title ("the Harry Potter films").
WORK_NOUNS: frozenset[str] = _words("work_nouns")
#: Participles of "X, best known for playing Y" ("famous for starring in").
KNOWN_FOR: frozenset[str] = _words("known_for")
#: Nouns of "in talks to star in": the infinitive belongs to the subject of "be in talks".
TALKS_NOUNS: frozenset[str] = _words("talks_nouns")
#: Verbs with an object whose infinitive still belongs to the subject ("promised him to star"): rare.
SUBJECT_CONTROL: frozenset[str] = _words("subject_control")
#: Words that are never a show's title or a cast member's name ("Film actress X", "Comedy sequel Y").
GENERIC_NAMES: frozenset[str] = _words("generic_names")
#: Words that make the production a verb's in/on phrase names a stage one ("in the London stage version of X").
STAGE_PHRASE_WORDS: frozenset[str] = _words("stage_phrase_words")
#: Words that put a sentence on screen (sport also has "stars", "plays" and "seasons", so they are not here).
SCREEN_WORDS: frozenset[str] = _words("screen_words")
#: Verbs whose object "the role of Y" the subject takes ("landed the role of Y"); "play" is read by plays_verb's
#: object too, but not through "the role of".
ROLE_OF_VERBS: frozenset[str] = _words("role_of_verbs")
CREW_VERBS: frozenset[str] = _words("crew_verbs")
CREW_TITLES: frozenset[str] = _words("crew_titles")
#: Words of club, company and institution names, never of a character's or an actor's.
CAST_INSTITUTION_WORDS: frozenset[str] = _words("cast_institution_words")
REFLEXIVES: frozenset[str] = _words("reflexives")
PART_NOUNS: frozenset[str] = _words("part_nouns")
#: The possessive endings of "X's Y" / "Gervais' Y" as tokens.
POSSESSIVE_MARKS: frozenset[str] = _words("possessive_marks")
SEQUEL_NOUNS: frozenset[str] = _words("sequel_nouns")

# ------------------------------------------------------ Relation rules: credits (relations/credits.py)

#: Words before a role noun that make it a profession ("TV presenter X", "Hollywood director X") rather than
#: a credit on the article's show.
PROFESSION_MODIFIERS: frozenset[str] = _words("profession_modifiers")
#: Words that make a role noun a post in an organisation, not a credit: "festival director X".
ORGANISATION_WORDS: frozenset[str] = _words("organisation_words")
#: Nouns of prizes: who presents or hands one out is no show's presenter or producer.
AWARD_NOUNS: frozenset[str] = _words("award_nouns")
#: Credits that a role noun gives only when the sentence itself names the show: "Producer X said ..." in a
#: sentence without a title is as often about a stage show, a company or another film as about the article's.
IN_SENTENCE_ONLY: frozenset[str] = _words("in_sentence_only")
#: Nouns that, bare after "the", stand for the production the article is about.
ANAPHORIC_WORKS: frozenset[str] = _words("anaphoric_works")
#: Works that are not screen productions: who writes or produces them gets no credit on a show.
OTHER_WORKS: frozenset[str] = _words("other_works")
#: Words before a name for the author of a source work.
AUTHOR_TITLES: frozenset[str] = _words("author_titles")
#: Role nouns and verbs by which an article names someone as a film's maker.
MAKER_NOUNS: frozenset[str] = _words("maker_nouns")
MAKER_FORMS: frozenset[str] = _words("maker_forms")
MAKER_VERBS: frozenset[str] = _words("maker_verbs")
ACTOR_NOUNS: frozenset[str] = _words("actor_nouns")
ACTOR_VERBS: frozenset[str] = _words("actor_verbs")

# -------------------------------------------------------- Relation rules: people (relations/people.py)

TV_ROLES: frozenset[str] = _words("tv_roles")

# ------------------------------------------------------------------------------------------- derived

#: Number words one to twenty and ordinals to twelfth, as season numbers are written ("series two", "its
#: sophomore season"): the words of :data:`UNITS`, :data:`TENS` and :data:`ORDINALS`, not a second list.
SEASON_NUMBER_WORDS: dict[str, int] = {w: n for w, n in {**UNITS, **TENS}.items() if 1 <= n <= 20}
SEASON_ORDINALS: dict[str, int] = {w: n for w, n in ORDINALS.items() if n <= 12}
#: Role nouns beside a name and the role cue each fits ("director Ahn Gil-ho"): the person descriptions but
#: "rapper".
ROLE_WORDS: dict[str, str] = {word: role for word, role in PERSON_DESCRIPTIONS.items() if word != "rapper"}
#: Kinds of stage or variety work, whose titles the show finder does not take (they are no screen shows):
#: the stage genres of ``patterns/reception.json`` and "concert".
STAGE_WORK_NOUNS: frozenset[str] = frozenset(patterns("reception")["stage_genres"]) | {"concert"}
#: Nouns that head a cast list ("the cast", "the line-up"): ``cast_nouns`` of ``patterns/appearances.json``.
CAST_LIST_HEADS: frozenset[str] = frozenset(str(w).lower() for w in patterns("appearances")["cast_nouns"])
