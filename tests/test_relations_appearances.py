"""Appearance and maker rules (showgraph.nlp.relations.appearances) on short made-up sentences."""

from __future__ import annotations

from nlp_helpers import facts_of


def _rules_of(nlp, body: str, title: str = "A test article") -> set[tuple]:
    from showgraph.nlp.extract import extract_article
    from showgraph.readers import Article

    result = extract_article(Article(title=title, body=body), nlp)
    return {(f.relation, f.subject, f.object, f.evidence.rule) for f in result.facts}


# 1. A title before a role noun -------------------------------------------------------------------------


def test_untagged_title_before_actor_gives_cast_member(nlp):
    body = "On Friday, Riverside Ward actor Tom Pellow was a guest on a TV chat show."
    assert ("cast_member", "Riverside Ward", "Tom Pellow") in facts_of(nlp, body)


def test_untagged_title_before_presenter_and_production_company(nlp):
    body = (
        "The Big Quiz presenter Mary Wells will join the BBC panel. The Lonely Farm production company Red "
        "Kettle made the television series."
    )
    facts = facts_of(nlp, body)
    assert ("presented_by", "The Big Quiz", "Mary Wells") in facts
    assert ("produced_by", "The Lonely Farm", "Red Kettle") in facts


def test_place_field_or_cut_title_before_role_noun_is_no_title(nlp):
    body = (
        "New Zealand actor Tom Pellow joined the TV drama. Best actor Ann Boyle thanked the television academy. "
        "Rolling Thunder star Ray Odom, a former US TV presenter John Carter and Hollywood star Meg Rye were there."
    )
    facts = facts_of(nlp, body)
    assert not [f for f in facts if f[1] in ("New Zealand", "Best", "Thunder", "US TV", "Hollywood")]


def test_star_of_a_band_is_no_cast_member(nlp):
    body = "The bookmakers expect a late rally from former Silver Foxes star Benny Ray, whose band split."
    assert not [f for f in facts_of(nlp, body) if f[0] == "cast_member"]


# 2. "X from <Title> (<Channel>)" ------------------------------------------------------------------------


def test_from_title_with_bracketed_channel(nlp):
    body = (
        "She beat Tom Pellow from Night Porters (Channel 4) and Ann Boyle and Sue Dyer from The Lost Lot (BBC Three)."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Night Porters", "Tom Pellow") in facts
    assert ("platform", "Night Porters", "Channel 4") in facts
    assert ("cast_member", "The Lost Lot", "Ann Boyle") in facts
    assert ("cast_member", "The Lost Lot", "Sue Dyer") in facts
    assert ("platform", "The Lost Lot", "BBC Three") in facts
    assert ("cast_member", "Night Porters", "Ann Boyle") not in facts


def test_from_a_place_is_no_show(nlp):
    body = "Tom Pellow from Leeds (West Yorkshire) won the TV talent prize."
    assert not [f for f in facts_of(nlp, body) if f[0] in ("cast_member", "platform")]


# 3. Reality and contest shows ----------------------------------------------------------------------------


def test_house_evictions_and_housemates(nlp):
    body = (
        "Singer Dana Rolfe and actor Sam Kell have both left the Celebrity Island Life house. "
        "The last housemate still inside is actress Pat Moody. "
        "DJ Lee Hart was the fourth housemate to be evicted from the Channel 4 show on Friday."
    )
    facts = facts_of(nlp, body)
    for person in ("Dana Rolfe", "Sam Kell", "Pat Moody", "Lee Hart"):
        assert ("cast_member", "Celebrity Island Life", person) in facts


def test_evicted_from_title_reads_the_copula_subject(nlp):
    body = "Former jockey Ron Pike, father of actor Dan, has become the first contestant to be evicted from Star Camp."
    facts = facts_of(nlp, body)
    assert ("cast_member", "Star Camp", "Ron Pike") in facts
    assert ("cast_member", "Star Camp", "Dan") not in facts


def test_join_on_show_and_won_show(nlp):
    body = (
        "The talent show Skate Stars returns to ITV. Joe Banks will join Amy Ford and Lia Kent on Skate Stars. "
        "Amy Ford, who won Skate Stars, said she was delighted."
    )
    facts = facts_of(nlp, body)
    for person in ("Joe Banks", "Amy Ford", "Lia Kent"):
        assert ("cast_member", "Skate Stars", person) in facts


# 4. Appearance lists -------------------------------------------------------------------------------------


def test_appeared_in_a_list_of_titles(nlp):
    body = "Actress Jo Marsh, who appeared in Cobble Lane, Our House and A Touch of Rain, has died aged 70."
    facts = facts_of(nlp, body)
    for title in ("Cobble Lane", "Our House", "A Touch of Rain"):
        assert ("cast_member", title, "Jo Marsh") in facts


def test_appeared_alongside_and_with_in_titles(nlp):
    body = (
        "The actress Jo Marsh starred in the drama Iron Bay. Most recently she appeared alongside Ken Lowe in "
        "ITV's Cold Fish and with Ron Pike in Doc Harbour."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Cold Fish", "Jo Marsh") in facts
    assert ("cast_member", "Cold Fish", "Ken Lowe") in facts
    assert ("cast_member", "Doc Harbour", "Jo Marsh") in facts
    assert ("cast_member", "Doc Harbour", "Ron Pike") in facts
    assert ("cast_member", "Cold Fish", "Ron Pike") not in facts


def test_appeared_in_places_or_without_screen_words_gives_nothing(nlp):
    body = "The main character, Tom Quill, also appears in Saints and Sinners. He appeared in Paris and Rome."
    assert not [f for f in facts_of(nlp, body) if f[0] == "cast_member"]


def test_films_including_and_programme_which_starred(nlp):
    body = (
        "She later starred in several films including 1991's Summer Road. The series Lifeguards ran for years. "
        "The programme, which starred Dave Hull and Pam Archer, was shown in 140 countries."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Summer Road", "She") not in facts
    assert ("cast_member", "Lifeguards", "Dave Hull") in facts
    assert ("cast_member", "Lifeguards", "Pam Archer") in facts


def test_featured_guests_including(nlp):
    body = (
        "The music series Rock Hour was a hit. The much-loved music series, which featured guests including "
        "Ella Stone, Rob Dill and Tina Marr, was axed in 1990."
    )
    facts = facts_of(nlp, body)
    for person in ("Ella Stone", "Rob Dill", "Tina Marr"):
        assert ("cast_member", "Rock Hour", person) in facts


# 5. Credit lines after the body ------------------------------------------------------------------------


def test_credit_lines_title_company_channel(nlp):
    body = (
        "The winners were named on Tuesday night at the TV awards.\n\n"
        "Night Shift (Blue Hat Productions, BBC Three)\n\n"
        "Long Way Home (ITV1)\n\n"
        "The Yellow Family (Northern Pictures, BBC Two/Sky One)\n"
    )
    facts = facts_of(nlp, body)
    assert ("platform", "Night Shift", "BBC Three") in facts
    assert ("produced_by", "Night Shift", "Blue Hat Productions") in facts
    assert ("platform", "Long Way Home", "ITV1") in facts
    assert ("platform", "The Yellow Family", "BBC Two") in facts
    assert ("platform", "The Yellow Family", "Sky One") in facts
    assert ("produced_by", "The Yellow Family", "Northern Pictures") in facts


def test_credit_line_of_a_person_gives_the_titles_platforms(nlp):
    body = (
        "The comedy awards were handed out on Friday.\n\n"
        "Tom Pellow & Ann Boyle (Tom and Ann's Big Night/ Late Laughs, ITV1)\n"
    )
    facts = facts_of(nlp, body)
    assert ("platform", "Tom and Ann's Big Night", "ITV1") in facts
    assert ("platform", "Late Laughs", "ITV1") in facts
    assert not [f for f in facts if f[0] == "produced_by"]
    assert not [f for f in facts if f[1] == "Tom Pellow & Ann Boyle"]


def test_bracket_inside_a_sentence_is_no_credit_line(nlp):
    body = "The film Night Shift (Blue Hat Productions, BBC Three) was praised by critics on Friday."
    assert ("produced_by", "Night Shift", "Blue Hat Productions") not in facts_of(nlp, body)


# 6. Makers by apposition or participle ---------------------------------------------------------------


def test_appositive_creator_and_made_by(nlp):
    body = (
        "Among the new shows is the animated series Cousin Bob, made by Sam Hale, the creator of the "
        "sitcom Home Town. The prize was accepted by Ann Boyle, creator of The Yellow Family."
    )
    facts = facts_of(nlp, body)
    assert ("created_by", "Cousin Bob", "Sam Hale") in facts
    assert ("created_by", "Home Town", "Sam Hale") in facts
    assert ("created_by", "The Yellow Family", "Ann Boyle") in facts


def test_responsible_for_series_such_as(nlp):
    body = (
        "The channel hired Gold Arrow Media, responsible for hit series such as Star Dinner, Quiz Kings and Mad Houses."
    )
    facts = facts_of(nlp, body)
    for title in ("Star Dinner", "Quiz Kings", "Mad Houses"):
        assert ("produced_by", title, "Gold Arrow Media") in facts


def test_company_which_created_a_show(nlp):
    body = "The sitcom Night Life won. Top firms included Ann Boyle's Red Kettle, which created Night Life."
    rules = _rules_of(nlp, body)
    assert ("produced_by", "Night Life", "Red Kettle", "appear.which_created") in rules


def test_from_a_tagged_show_without_channel(nlp):
    body = "The comedy series The Jo Marsh Show returns. Jo Marsh, from The Jo Marsh Show, won the TV award."
    assert ("cast_member", "The Jo Marsh Show", "Jo Marsh") in facts_of(nlp, body)


def test_show_featuring_a_person(nlp):
    body = "The reality series Boss Hunt is a hit. It is seen as an answer to Boss Hunt featuring tycoon Al Stone."
    facts = facts_of(nlp, body)
    assert ("cast_member", "Boss Hunt", "Al Stone") in facts


def test_known_for_role_rose_to_fame_and_cast_in(nlp):
    body = (
        "The Netflix drama Glass Harbour returns in May. Kim Soo-min is best known for her role in Glass Harbour "
        "and the film Red Moon. Park Ji-hoon, who rose to fame in Glass Harbour, has been cast in the thriller "
        "Night Tide."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Glass Harbour", "Kim Soo-min") in facts
    assert ("cast_member", "Red Moon", "Kim Soo-min") in facts
    assert ("cast_member", "Glass Harbour", "Park Ji-hoon") in facts
    assert ("cast_member", "Night Tide", "Park Ji-hoon") in facts


def test_known_for_something_else_is_no_appearance(nlp):
    body = "The drama Glass Harbour returns. Kim Soo-min is known for her charity work in Busan and Seoul."
    assert not [f for f in facts_of(nlp, body) if f[0] == "cast_member"]


def test_institution_before_judge_is_no_title_and_talent_judge_is(nlp):
    body = (
        "High Court judge Tom Marsh ruled on the TV documentary. "
        "On Friday, Pop Factor judge Ann Boyle will present the ITV coverage of the music awards."
    )
    facts = facts_of(nlp, body)
    assert not [f for f in facts if f[1] == "High Court"]
    assert ("presented_by", "Pop Factor", "Ann Boyle") in facts


def test_plural_and_prefixed_titled_roles(nlp):
    body = (
        "The former Night Porters co-stars Amy Ford and Lia Kent reunited for the TV special. "
        "The TV special also featured ex-Night Porters star Sam Kell."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "Night Porters", "Amy Ford") in facts
    assert ("cast_member", "Night Porters", "Lia Kent") in facts
    assert ("cast_member", "Night Porters", "Sam Kell") in facts


# 7. Casting news ---------------------------------------------------------------------------------------


def test_casting_news_phrasings(nlp):
    body = (
        "The Netflix drama Glass Harbour returns in May. Park Ji-hoon makes a cameo appearance in Glass Harbour. "
        "Choi Yu-na has landed a role in Glass Harbour. Jung Ha-eun, Seo Min-ho and Kang Dae-il round out the "
        "cast. The series, led by Oh Se-ri, was filmed in Busan."
    )
    facts = facts_of(nlp, body)
    for person in ("Park Ji-hoon", "Choi Yu-na", "Jung Ha-eun", "Seo Min-ho", "Kang Dae-il", "Oh Se-ri"):
        assert ("cast_member", "Glass Harbour", person) in facts


def test_roles_and_leads_outside_the_screen_give_nothing(nlp):
    body = (
        "The drama Glass Harbour returns. The minister has landed a role in the negotiations. "
        "The talks, led by Tom Marsh, ended on Friday."
    )
    facts = facts_of(nlp, body)
    assert not [f for f in facts if f[0] == "cast_member"]


def test_contest_participation_phrasings(nlp):
    body = (
        "The ITV talent show Skate Stars returns in January. Lia Kent and Joe Banks are among the celebrities "
        "taking part in Skate Stars. Tom Pellow is one of the contestants on Skate Stars. Sam Kell was "
        "eliminated from Skate Stars on Sunday. Amy Ford and Dan Hull were among the celebrities at the "
        "Skate Stars premiere."
    )
    facts = facts_of(nlp, body)
    for person in ("Lia Kent", "Joe Banks", "Tom Pellow", "Sam Kell"):
        assert ("cast_member", "Skate Stars", person) in facts
    assert ("cast_member", "Skate Stars", "Amy Ford") not in facts


def test_appeared_in_a_venue_is_no_show(nlp):
    body = "The soap actor Tom Pellow appeared in Westminster Magistrates' Court and at Wembley Arena."
    assert not [f for f in facts_of(nlp, body) if f[0] == "cast_member"]


def test_a_described_other_film_is_not_the_articles_show(nlp):
    body = (
        "Writer Ann Boyle, known for the horror classic Dark Harvest, has died. She helped write the 1979 film, which "
        "starred Jo Marsh as a nanny. She later worked on the thriller The Mist."
    )
    facts = facts_of(nlp, body)
    assert ("cast_member", "The Mist", "Jo Marsh") not in facts


def test_described_own_show_falls_back_to_the_articles_show(nlp):
    body = (
        "The music series Rock Hour has been honoured. Its host said he was proud. "
        "The much-loved music series, which featured guests including Ella Stone and Tina Marr, was axed in 1990."
    )
    facts = facts_of(nlp, body, title="Rock Hour honoured")
    assert ("cast_member", "Rock Hour", "Ella Stone") in facts
    assert ("cast_member", "Rock Hour", "Tina Marr") in facts


def test_title_named_after_its_hero_before_star(nlp):
    facts = facts_of(nlp, "Jessica Marlow star Hannah Waddell will host the ceremony.", title="Awards host")
    assert ("cast_member", "Jessica Marlow", "Hannah Waddell") in facts
    body = "Jessica Marlow star Hannah Waddell will host the ceremony. Marlow said she was delighted."
    assert not [f for f in facts_of(nlp, body, title="Awards host") if f[0] == "cast_member"]


def test_untagged_title_with_and_before_star(nlp):
    body = "The comedy Dry Dock returns to ITV. And last month Only Cats and Dogs star Dan Jessop attacked British TV."
    assert ("cast_member", "Only Cats and Dogs", "Dan Jessop") in facts_of(nlp, body, title="TV news")
    body = (
        "The comedy Dry Dock returns to ITV. Rivals in the race are Lin Mei for Palace of Silent Swords and UK "
        "star Kate Wells, who has two nominations."
    )
    assert not [f for f in facts_of(nlp, body, title="TV news") if f[0] == "cast_member" and "UK" in f[1]]
    body = "The comedy Dry Dock returns to ITV. Lucas and Walliams star David Jason in a new film."
    assert not [f for f in facts_of(nlp, body, title="TV news") if "Walliams" in f[1]]
