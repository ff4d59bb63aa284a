"""Credit rules on short made-up sentences."""

from __future__ import annotations

from nlp_helpers import facts_of, full_facts


def test_directed_and_written_by_passive(nlp):
    body = "The thriller Glass Harbour airs on BBC Two. Written by Nora Quill, the series is directed by Owen Pike."
    facts = facts_of(nlp, body, title="Glass Harbour")
    assert ("written_by", "Glass Harbour", "Nora Quill") in facts
    assert ("directed_by", "Glass Harbour", "Owen Pike") in facts


def test_role_noun_before_name_and_creator_verb(nlp):
    body = (
        "The comedy Flat Earth is back. Series creator Lena Brandt will return as executive producer. "
        "Flat Earth director Hugo Vance said filming starts soon."
    )
    facts = facts_of(nlp, body, title="Flat Earth returns")
    assert ("created_by", "Flat Earth", "Lena Brandt") in facts
    assert ("produced_by", "Flat Earth", "Lena Brandt") in facts
    assert ("directed_by", "Flat Earth", "Hugo Vance") in facts


def test_judges_present_and_future_direct_is_scheduled(nlp):
    body = (
        "Talent show Star Search is back on ITV. Judges Mia Ford, Leo Grant and Ana Diaz return. "
        "Comedian Pete Rowe will direct the sitcom Dry Run for Channel 4."
    )
    result = full_facts(nlp, body, title="Star Search")
    found = {(f.relation, f.subject, f.object): f.status for f in result.facts}
    for judge in ("Mia Ford", "Leo Grant", "Ana Diaz"):
        assert ("presented_by", "Star Search", judge) in found
    assert found.get(("directed_by", "Dry Run", "Pete Rowe")) == "scheduled"


def test_attributive_credit(nlp):
    body = "Jodie Marsh is to star in a Callum Reid drama Hollow Point, which begins filming in June."
    facts = facts_of(nlp, body, title="Hollow Point")
    assert ("created_by", "Hollow Point", "Callum Reid") in facts


def test_second_verb_of_a_relative_clause_credits_its_subject(nlp):
    body = (
        "The sitcom Dry Spell starts in May. Dry Spell is to be a character-led comedy, according to Tom Reyes, "
        "who created the website Net Life in 2001 and has since co-written the series."
    )
    facts = facts_of(nlp, body, title="Dry Spell")
    assert ("written_by", "Dry Spell", "Tom Reyes") in facts
    assert not [f for f in facts if f[0] == "created_by"]


def test_bringing_a_show_to_a_channel_is_producing_it(nlp):
    body = "Tim Vale also brought quiz show Brain Race to ITV. Ann Cole brought the sitcom Dry Spell up at dinner."
    facts = facts_of(nlp, body, title="Brain Race")
    assert ("produced_by", "Brain Race", "Tim Vale") in facts
    assert not [f for f in facts if f[0] == "produced_by" and f[2] == "Ann Cole"]


def test_actor_before_genre_noun_is_no_creator(nlp):
    body = "The Night Ferry topped the chart. Tom Hale thriller Dry Dock entered the chart in sixth place."
    facts = facts_of(nlp, body, title="Box office chart")
    assert not [f for f in facts if f[0] == "created_by" and f[2] == "Tom Hale"]


def test_director_possessive_still_credits_the_maker(nlp):
    body = "The film-maker John Carter was praised. John Carter's drama Night Ferry won the top prize on Sunday."
    facts = facts_of(nlp, body, title="Festival prizes")
    assert ("created_by", "Night Ferry", "John Carter") in facts


def test_role_noun_applies_only_to_the_name_it_premodifies(nlp):
    body = "The drama Night Ferry opened. He posed with Tom Hale, director Ana Ruiz, Mr Pike and Mr Reed."
    facts = facts_of(nlp, body, title="Night Ferry premiere")
    directors = {f[2] for f in facts if f[0] == "directed_by"}
    assert "Ana Ruiz" in directors
    assert not directors & {"Pike", "Mr Pike", "Reed", "Mr Reed"}


def test_festival_director_is_no_credit(nlp):
    body = "The drama Night Ferry opened the event. Festival director Ana Ruiz said the line-up was strong."
    facts = facts_of(nlp, body, title="Film festival opens")
    assert not [f for f in facts if f[0] == "directed_by" and f[2] == "Ana Ruiz"]


def test_producer_in_a_sentence_without_a_title_borrows_no_show(nlp):
    body = (
        "The thriller Dry Dock, The Lost Road, Night Ferry, Blue Hour, Cold Town and Red Sky all opened. "
        "The drama Night Ferry came second. Producer Ana Ruiz said the results were pleasing."
    )
    facts = facts_of(nlp, body, title="Weekend box office")
    assert not [f for f in facts if f[0] == "produced_by"]


def test_stage_production_gets_no_credit(nlp):
    body = "The musical Dry Dock opens in the West End. The revival, directed by Ana Ruiz, will star Tom Hale."
    facts = facts_of(nlp, body, title="Dry Dock revival")
    assert not [f for f in facts if f[0] == "directed_by"]


def test_possessive_film_without_title_needs_the_person_tied_to_the_show(nlp):
    body = (
        "The drama Night Ferry topped the chart. Ana Ruiz won best actress. "
        "She played a nurse in Tom Baxter's film, which was also nominated."
    )
    facts = facts_of(nlp, body, title="Awards night")
    assert not [f for f in facts if f[0] == "created_by" and f[2] == "Tom Baxter"]


def test_possessive_film_stands_for_the_show_named_with_its_maker(nlp):
    body = (
        "The drama Night Ferry, directed by Tom Baxter, won. The drama Blue Hour came second. "
        "Critics said Baxter's film was the best of the year. Ana Ruiz's film was third."
    )
    facts = facts_of(nlp, body, title="Night Ferry tops critics' poll")
    assert ("created_by", "Night Ferry", "Tom Baxter") in facts
    assert ("created_by", "Blue Hour", "Tom Baxter") not in facts
    assert not [f for f in facts if f[0] == "created_by" and f[2] == "Ana Ruiz"]


def test_actor_possessive_is_a_cast_credit(nlp):
    body = (
        "Star Tom Hale was at the premiere. Tom Hale's thriller Dry Dock opened at number one. It also stars Ruth Lane."
    )
    facts = facts_of(nlp, body, title="Box office")
    assert ("cast_member", "Dry Dock", "Tom Hale") in facts
    assert ("created_by", "Dry Dock", "Tom Hale") not in facts


def test_attributive_name_in_a_sequel_phrase_is_no_creator(nlp):
    body = "Night Ferry Two is the sequel to the Tom Hale comedy Night Ferry, also starring Ruth Lane."
    facts = facts_of(nlp, body, title="Box office")
    assert not [f for f in facts if f[0] == "created_by"]


def test_guild_and_founder_are_no_directors(nlp):
    body = (
        "The drama Night Ferry is nominated at the Screen Directors Guild awards. "
        '"It is a strong year," said festival founder and director Ana Ruiz.'
    )
    facts = facts_of(nlp, body, title="Night Ferry nominated")
    assert not [f for f in facts if f[0] == "directed_by"]


def test_award_presenters_are_no_hosts_or_producers(nlp):
    body = (
        "The drama Night Ferry won best film. Its star was presented with a silver trophy by Tom Baxter. "
        "Producer Ana Ruiz presented the award to the film's backers."
    )
    facts = facts_of(nlp, body, title="Night Ferry wins")
    assert not [f for f in facts if f[0] in ("presented_by", "produced_by")]


def test_respectively_pairs_no_role_credits(nlp):
    body = "The drama Night Ferry won. Writers Ana Ruiz and Tom Baxter won for Blue Hour and Red Sky respectively."
    facts = facts_of(nlp, body, title="Night Ferry wins")
    assert not [f for f in facts if f[0] == "written_by" and f[1] == "Night Ferry"]


def test_chat_show_host_is_a_profession(nlp):
    body = "The sitcom Dry Dock topped the poll, while chat show host Ana Ruiz fell to tenth."
    facts = facts_of(nlp, body, title="Comedy poll")
    assert not [f for f in facts if f[0] == "presented_by"]


def test_source_author_and_song_writer_get_no_credit(nlp):
    body = (
        "The film Night Ferry opens in May. Night Ferry was originally created by author Ana Ruiz. "
        "The last song written by Tom Baxter, a song called Blue Hour, was used in the film."
    )
    facts = facts_of(nlp, body, title="Night Ferry")
    assert ("created_by", "Night Ferry", "Ana Ruiz") not in facts
    assert not [f for f in facts if f[0] == "written_by"]


def test_working_as_a_writer_is_a_trade(nlp):
    body = "The drama Night Ferry airs on ITV. Ana Ruiz worked as a screenwriter for years before turning to novels."
    facts = facts_of(nlp, body, title="Night Ferry")
    assert ("written_by", "Night Ferry", "Ana Ruiz") not in facts


def test_show_in_a_relative_clause_of_the_object_is_not_the_work(nlp):
    body = (
        "The film Night Ferry opens soon. Tom Baxter helped write Sugar Rain for the Blue Boys, which was later used "
        "in the film Red Sky."
    )
    facts = facts_of(nlp, body, title="Music news")
    assert ("written_by", "Red Sky", "Tom Baxter") not in facts


def test_coordinated_credit_verbs_share_their_show(nlp):
    body = (
        "The comedy Dry Dock is on ITV. Tom Hale wrote, directed and starred in Dry Dock. "
        "The film Night Ferry, written and directed by Ana Ruiz, won."
    )
    facts = facts_of(nlp, body, title="Screen news")
    assert ("written_by", "Dry Dock", "Tom Hale") in facts
    assert ("directed_by", "Dry Dock", "Tom Hale") in facts
    assert ("cast_member", "Dry Dock", "Tom Hale") in facts
    assert ("written_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("directed_by", "Night Ferry", "Ana Ruiz") in facts


def test_role_noun_in_a_stage_article_gets_no_credit(nlp):
    body = (
        "Dry Dock, the hit film, has become a musical. The show opened in the West End on Tuesday to a packed "
        "theatre. The show's director Ana Ruiz said the cast had worked hard."
    )
    facts = facts_of(nlp, body, title="Stage news")
    assert not [f for f in facts if f[0] == "directed_by"]


def test_role_noun_without_a_title_needs_a_tie_to_the_context_show(nlp):
    body = (
        "The drama Night Ferry and the comedy Blue Hour opened this week. Night Ferry took the top spot. "
        "Director Ana Ruiz will attend the festival. Director Tom Baxter said the film was a joy to make."
    )
    facts = facts_of(nlp, body, title="Weekend box office")
    assert ("directed_by", "Night Ferry", "Ana Ruiz") not in facts
    assert ("directed_by", "Night Ferry", "Tom Baxter") in facts


def test_surname_taken_for_a_title_is_no_show(nlp):
    from showgraph.nlp.relations.cast import surname_as_show

    assert surname_as_show("Baxter", "Tom Baxter")
    assert surname_as_show("Van Gogh", "Theo van Gogh")
    assert not surname_as_show("Luther", "Idris Elba")
    assert not surname_as_show("Night Ferry", "Tom Baxter")


def test_indefinite_passive_subject_is_another_production(nlp):
    body = (
        "The drama Night Ferry opens on Friday. A remake of a 1950s western, starring Sam Bell, "
        "was directed by Ana Ruiz."
    )
    facts = facts_of(nlp, body, title="Night Ferry opens")
    assert ("directed_by", "Night Ferry", "Ana Ruiz") not in facts


def test_possessive_script_is_a_writing_credit(nlp):
    body = (
        "The film Night Ferry opens soon. Ana Ruiz directed the film version of Night Ferry, adapted from "
        "Tom Baxter's script."
    )
    facts = facts_of(nlp, body, title="Night Ferry")
    assert ("written_by", "Night Ferry", "Tom Baxter") in facts
    assert ("created_by", "Night Ferry", "Tom Baxter") not in facts


def test_possessive_inside_a_title_is_no_credit(nlp):
    body = "The comedy Dry Dock topped the chart. He made his name in the student comedy Meg and Tod's Long Night."
    facts = facts_of(nlp, body, title="Profile")
    assert not [f for f in facts if f[0] == "created_by"]


def test_authors_possessive_is_no_show_of_a_passive_credit(nlp):
    body = (
        "The drama Dry Dock is on ITV. The film adaptation of Tom Baxter's Night Ferry is being directed by Ana Ruiz."
    )
    facts = facts_of(nlp, body, title="Film news")
    assert not [f for f in facts if f[0] == "directed_by" and f[1] in ("Tom Baxter", "Dry Dock")]


def test_untagged_title_with_a_number_before_a_role_noun(nlp):
    body = '"Night Ferry should win," said Ana Ruiz, a view shared by Film 2005 presenter Tom Hale.'
    facts = facts_of(nlp, body, title="Awards tips")
    assert not [f for f in facts if f[0] == "presented_by"]


def test_show_in_a_relative_clause_is_not_the_hosted_one_but_a_titled_one_is(nlp):
    body = (
        "Ana Ruiz will front a new quiz show for ITV, called Brain Race. "
        "Veteran presenter Sam Bell will host the show, which follows the current series Dry Dock."
    )
    facts = facts_of(nlp, body, title="Quiz show for ITV")
    assert ("presented_by", "Brain Race", "Ana Ruiz") in facts
    assert ("presented_by", "Dry Dock", "Sam Bell") not in facts


def test_credit_participles_with_starring_and_credit_gerunds(nlp):
    body = (
        "The comedy Dry Dock, written, directed and starring Tom Hale, opened on Friday. "
        "Ana Ruiz took a prize for writing and directing her debut film, Night Ferry. "
        "Critics praised Sam Bell for directing the comedy Blue Hour."
    )
    facts = facts_of(nlp, body, title="Film news")
    assert ("written_by", "Dry Dock", "Tom Hale") in facts
    assert ("directed_by", "Dry Dock", "Tom Hale") in facts
    assert ("directed_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("directed_by", "Blue Hour", "Sam Bell") in facts
    assert not [f for f in facts if f[0] == "directed_by" and f[2] == "Critics"]


def test_a_dated_work_is_an_earlier_one(nlp):
    body = (
        "The film Night Ferry opens on Friday. Ana Ruiz, who has been unwell, co-wrote the 1983 film, which starred "
        "Tom Hale. Sam Bell wrote the film."
    )
    facts = facts_of(nlp, body, title="Night Ferry opens")
    assert ("written_by", "Night Ferry", "Ana Ruiz") not in facts
    assert ("written_by", "Night Ferry", "Sam Bell") in facts


def test_writing_an_untitled_new_drama_credits_no_named_show(nlp):
    body = "Night Ferry returns to Netflix in May. The Dry Dock creator Ana Ruiz is writing a new drama for the BBC."
    facts = facts_of(nlp, body, title="Drama news")
    assert not [f for f in facts if f[0] == "written_by" and f[2] == "Ana Ruiz"]


def test_drama_hails_from_writer_who_serves_as_showrunner(nlp):
    body = (
        "Night Ferry is a new thriller for ITV. The drama hails from writer Ana Ruiz, who will also serve as "
        "showrunner."
    )
    facts = facts_of(nlp, body, title="ITV thriller")
    assert ("written_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("created_by", "Night Ferry", "Ana Ruiz") in facts


def test_producer_alongside_a_company(nlp):
    body = (
        "Night Ferry has been renewed by Netflix. Ana Ruiz will return as series showrunner and executive "
        "producer alongside Moonrise Pictures."
    )
    facts = facts_of(nlp, body, title="Night Ferry renewed")
    assert ("created_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("produced_by", "Night Ferry", "Moonrise Pictures") in facts
    body = "Night Ferry has been renewed by Netflix. Ana Ruiz will return as showrunner alongside Tom Hale."
    assert not [f for f in facts_of(nlp, body, title="Night Ferry renewed") if f[0] == "produced_by"]


def test_fronting_is_presenting_not_appearing(nlp):
    body = (
        "The quiz show Brain Race returns to BBC One in May. The show is fronted by Ruth Hale. Sam Bell fronts it too."
    )
    facts = facts_of(nlp, body, title="Brain Race returns")
    assert ("presented_by", "Brain Race", "Ruth Hale") in facts
    assert not [f for f in facts if f[0] == "cast_member"]


def test_fronted_untitled_production_takes_no_context_show(nlp):
    body = (
        "The quiz show Brain Race was axed by BBC One. The All New Night Owls, which replaced Brain Race, was "
        "fronted by Sarah Jones."
    )
    facts = facts_of(nlp, body, title="Quiz show axed")
    assert not [f for f in facts if f[0] == "presented_by"]


def test_replaced_as_host_by(nlp):
    body = "The quiz show Brain Race returns to BBC Two in May. Rob Kane has now been replaced as host by Ruth Hale."
    facts = facts_of(nlp, body, title="Brain Race returns")
    assert ("presented_by", "Brain Race", "Rob Kane") in facts
    assert ("presented_by", "Brain Race", "Ruth Hale") in facts


def test_copula_roles_and_executive_producing(nlp):
    intro = "The Netflix thriller Night Ferry returns in May. "
    facts = facts_of(nlp, intro + "Ana Ruiz is the writer and creator of the series.", title="Night Ferry returns")
    assert ("written_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("created_by", "Night Ferry", "Ana Ruiz") in facts
    facts = facts_of(nlp, intro + "Ana Ruiz is a writer. Tom Hale is the director of a new film.", title="News")
    assert not [f for f in facts if f[0] in ("written_by", "directed_by")]
    facts = facts_of(nlp, intro + "Ana Ruiz will executive produce alongside Tom Hale.", title="Night Ferry returns")
    assert ("produced_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("produced_by", "Night Ferry", "Tom Hale") in facts
    facts = facts_of(nlp, intro + "Ana Ruiz is executive producing the series.", title="Night Ferry returns")
    assert ("produced_by", "Night Ferry", "Ana Ruiz") in facts


def test_coordinated_credit_verbs_share_their_object(nlp):
    intro = "The Netflix thriller Night Ferry returns in May. "
    facts = facts_of(nlp, intro + "Ana Ruiz wrote and directed the pilot.", title="Night Ferry returns")
    assert ("written_by", "Night Ferry", "Ana Ruiz") in facts
    assert ("directed_by", "Night Ferry", "Ana Ruiz") in facts
    facts = facts_of(nlp, intro + "Ana Ruiz wrote and directed a short film.", title="Night Ferry returns")
    assert not [f for f in facts if f[0] in ("written_by", "directed_by")]


def test_judging_panel_of_a_contest_show(nlp):
    body = "The talent show Star Search returns to ITV. The judging panel includes Ana Ruiz, Tom Hale and Sam Bell."
    facts = facts_of(nlp, body, title="Star Search returns with new judges")
    assert ("presented_by", "Star Search", "Tom Hale") in facts
    body = "The talent show Star Search returns to ITV. The Bafta judging panel includes Ana Ruiz and Tom Hale."
    facts = facts_of(nlp, body, title="Awards news")
    assert not [f for f in facts if f[0] == "presented_by"]


def test_split_co_host_verb_finds_its_subjects(nlp):
    body = "The quiz show Star Search returns to ITV in May. Ana Ruiz and Tom Hale will co-host the show."
    facts = facts_of(nlp, body, title="Star Search returns")
    assert ("presented_by", "Star Search", "Ana Ruiz") in facts
    assert ("presented_by", "Star Search", "Tom Hale") in facts
