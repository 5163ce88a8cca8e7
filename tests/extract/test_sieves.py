"""Each speaker sieve on invented sentences: who said it, and which sieve decided."""
from __future__ import annotations

import pytest

from app.extract.confidence import confidence
from app.extract.pipeline import extract


def said(text: str) -> list[tuple[int, str, str]]:
    """(line, speaker, sieve) of every statement."""
    return [(s.paragraph, s.speaker, s.sieve) for s in extract(text).statements]


CASES = [
    ("a participle after \"by\" is framed by the sentence's subject",
     "Title\nDelegate Jo Ames met voters.\nThe delegate responded by saying, “Our people are hurting.”\n",
     [(2, "Jo Ames", "quotation/role")]),
    ("a name without its given name is the person named in full",
     "Title\nDelegate Jo San Nicolas met voters.\n“Our people are hurting,” San Nicolas said.\n",
     [(2, "Jo San Nicolas", "quotation/name")]),
    ("a broadcast transcript: labels in capitals speak, the programme's own people ask",
     "Title\nThe president spoke to our colleague Rachel Martin.\n"
     "GREENE: Those words rang true to the president of the islands.\n"
     "PRESIDENT HILDA HEINE: Droughts are hitting us real hard.\n"
     "Salt water is creeping into our freshwater lands.\n"
     "RACHEL MARTIN, BYLINE: What do you need?\n"
     "HEINE: We need resources, and we need support.\n",
     [(3, "Hilda Heine", "interview/name"), (4, "Hilda Heine", "interview/name"),
      (6, "Hilda Heine", "interview/name")]),
    ("a sentence adverb before a clause is no speaker with an appositive",
     "Title\nCurrently, the biggest challenge will be the choice of course, believes Jo Ames, a political scientist.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a surname that is also a place's name, once the full name is known",
     "Title\nRosario Rivera is an economist.\nRivera says deficits could be covered by raising taxes.\n",
     [(2, "Rosario Rivera", "reported/name")]),
    ("\"said while ..., ...\" reports the whole sentence",
     "Title\nJo Ames said while he understood the decision, he was surprised by it.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a title in address is no one: \"Mister President\"",
     "Title\n“Happy birthday Mister President”, happy birthday Mr. President, headlined the front page.\n", []),
    ("\"Hon\" is a title, not a given name",
     "Title\nHon Jo Ames said the plan would fail.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("\"pointed out\" takes a bare object as its content",
     "Title\nJo Ames pointed out the existence of a power vacuum after the war.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("\"this time around\" is a time adjunct before the clause",
     "Title\nJo Ames said this time around the talks seemed to be more intense.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("an English word before a known name is no part of it: \"Crooked Jo Ames\" is Jo Ames",
     "Title\nJo Ames spoke in Ohio.\n“Crooked Jo Ames” was his phrase.\n“We will win,” Jo Ames said.\n",
     [(3, "Jo Ames", "quotation/name")]),
    ("a reported question: \"asked whether ...\"",
     "Title\nDeputy Jo Ames asked whether the use of the word had been a mistake.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a relative clause without its comma: \"advocate Jo Ames who said that\"",
     "Title\nThis has angered advocate Jo Ames who said that it was unfair for people to go unrepresented.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a lede's office with its name (\"The Minister for Tourism\") points forward to the person named next",
     "Title\nThe Minister for Tourism and Transport acknowledged today that the sectors face challenges.\n"
     "Intervening in the debate, Jo Ames said that the growth of tourism is undeniable.\n",
     [(1, "Jo Ames", "reported/role"), (2, "Jo Ames", "reported/name")]),
    ("an office in capitals is no person: \"The Tourism Minister\"",
     "Title\nThe Tourism Minister acknowledged today that the sectors face challenges.\n"
     "Intervening in the debate, Jo Ames said that the growth of tourism is undeniable.\n",
     [(1, "Jo Ames", "reported/role"), (2, "Jo Ames", "reported/name")]),
    ("the one person a sentence names after \"by\" is talked about, not quoted",
     "Title\nThe ministry called the remarks by Jo Ames, the shadow minister, a “weak and shameless attempt”.\n", []),
    ("speakers named together each say the words: \"Jo Ames, Ann Lee and Tom Wells said\"",
     "Title\nJo Ames, Ann Lee and Tom Wells said that the plan would fail.\n",
     [(1, "Tom Wells", "reported/name"), (1, "Jo Ames", "reported/name"), (1, "Ann Lee", "reported/name")]),
    ("definite roles point back: \"The Cabinet member\", \"The head of the Ministry of X (Y)\", "
     "\"The former minister of X, who ...,\"",
     "Title\nEnergy Minister Jo Ames opened the event.\n"
     "The Cabinet member specified that copper production increased by 3.6% in the period.\n"
     "The head of the Ministry of Energy and Mines (Minem) highlighted that copper is the flagship product.\n"
     "The former minister of planning, who served under a coalition, argued that the economy has survived before.\n",
     [(2, "Jo Ames", "reported/role"), (3, "Jo Ames", "reported/role"), (4, "Jo Ames", "reported/role")]),
    ("dotted initials label the answers of the person the text names in full",
     "Interview with the ambassador\nAmbassador Jo Ames spoke to us about neutrality.\n"
     "Why is neutrality misunderstood?\nJ.A.: Neutrality has not changed at all, and it will not change.\n"
     "What about sanctions?\nJ.A.: We have adopted the sanction regimes for thirty years.\n",
     [(3, "Jo Ames", "interview/name"), (5, "Jo Ames", "interview/name")]),
    ("\"said so many ...\", \"said as much as ...\" report a clause",
     "Title\nJo Ames said so many people had been forced to sell that prices fell.\n"
     "Jo Ames said as much as $50,000 could be available for new ideas.\n",
     [(1, "Jo Ames", "reported/name"), (2, "Jo Ames", "reported/name")]),
    ("a pair that is no sentence's subject says nothing together",
     "Title\nThe vote pleased many in the party and Jo Ames and Tom Wells said that it came too late.\n",
     [(1, "Tom Wells", "reported/name")]),
    ("a participle frame reports for the sentence's subject: \"X welcomed the plan, saying it would ...\"",
     "Title\nJo Ames welcomed the plan, saying it would create jobs in the north.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a sentence opening with a capitalised role before the name: \"Veteran economist Jo Ames was ..., saying\"",
     "Title\nVeteran economist Jo Ames was the most enthusiastic, saying the budget would have been a perfect one.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("no name ends with an office (\"Diomaye President\"), and an agency of a place is no person",
     "Title\nInflation rose to 8.1 per cent in September, according to Statistics Sierra Leone.\n"
     "“Happy birthday Diomaye President”, headlined the daily.\n", []),
    ("one label in capitals is a dateline, not a transcript",
     "Title\nDILI: Timor-Leste will be ready to host the summit by 2029, according to President Jo Ames.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("quotation frame",
     "Title\n“The plan will fail,” said Jane Roe, an economist at Leeds University.\n",
     [(1, "Jane Roe", "quotation/name")]),
    ("reported frame",
     "Title\nJane Roe, an economist, believes that the plan will fail next year.\n",
     [(1, "Jane Roe", "reported/name")]),
    ("pronoun frame follows the focus",
     "Title\nJane Roe, an economist, spoke on Monday.\n“The plan will fail,” she added.\n",
     [(2, "Jane Roe", "quotation/pronoun")]),
    ("the only person in the sentence, no reporting verb",
     "Title\nJane Roe, press secretary of the ministry, touched upon the meeting, “It went well for both sides.”\n",
     [(1, "Jane Roe", "sentence/name")]),
    ("the only person named in the paragraph before",
     "Title\nWe discussed the coalition with political scientist Tom Wells.\n\n"
     "“It is going to be challenging for the new government.\n\n“The critics expect it to be fragile.”\n",
     [(3, "Tom Wells", "paragraph/name"), (5, "Tom Wells", "paragraph/name")]),  # one quotation, re-opened
    ("a block of quotation paragraphs goes on",
     "Title\nJane Roe said: “The plan will fail.”\n“Nobody has asked the farmers what they need.”\n",
     [(1, "Jane Roe", "quotation/name"), (2, "Jane Roe", "block")]),
    ("a quotation filling a reported clause takes the clause's frame",
     "Title\nJane Roe, the minister, spoke.\n"
     "The minister stressed that “the drought has disrupted the supply chain.”\n",
     [(2, "Jane Roe", "quotation/role")]),
    ("a surname spelt otherwise is the same person",
     "Title\nPrime Minister Aziz Akhenouch spoke in Rabat.\nAkhannouch explained that the drought will last.\n",
     [(2, "Aziz Akhenouch", "reported/name")]),
    ("an inner name alone is the one person who has it",
     "Title\nDefence Minister Adam Shareef Umar spoke.\nShareef said that the army would protect the polls.\n",
     [(2, "Adam Shareef Umar", "reported/name")]),
    ("a plural organisation word ends no person's name",
     "Title\nEconomist Jo Ames of the Center for Sustainable Economic Strategies explained that growth will slow.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("an organisation is no one, and its quotation goes to nobody",
     "Title\n“Prices will rise,” the ministry said in a statement.\n",
     []),
    ("a quotation running on in its sentence, with no clause around it, goes to the one person named",
     "Title\nGovernor Ann Lee, visiting the valley, called the response “the best the island has ever mounted” "
     "in a speech on Monday.\n",
     [(1, "Ann Lee", "sentence/name")]),
    ("a capitalised title after “the” is a role, pointing to the person so titled",
     "Title\nPremier Tom Wells met the unions.\nThe Premier said the budget would pass on Friday.\n",
     [(2, "Tom Wells", "reported/role")]),
    ("anything else capitalised after “the” is an organisation: no one",
     "Title\nPremier Tom Wells met the unions.\nThe NDP said the budget would never pass.\n",
     []),
    ("a role phrase points to the person so described, before the one in focus",
     "Title\nSenator Jo Ames met Governor Ann Lee on Monday.\n"
     "Ames said the island deserved better leaders.\nThe governor said the charge was untrue.\n",
     [(2, "Jo Ames", "reported/name"), (3, "Ann Lee", "reported/role")]),
    ("a headline's words describe no one",
     "Economist Wants Help\nThe island's debt is rising, says economist Jo Ames of the central bank.\n"
     "Tom Wells, a lawyer, disagreed.\nThe economist said the debt would double by 2030.\n",
     [(1, "Jo Ames", "reported/name"), (3, "Jo Ames", "reported/role")]),
    ("an abbreviated title describes its bearer (“Gov.” is a governor)",
     "Title\nGov. Ann Lee said Delegate Jo Ames should apologise.\n"
     "Ames said he would not.\nThe governor said the charge was untrue.\n",
     [(1, "Ann Lee", "reported/name"), (2, "Jo Ames", "reported/name"), (3, "Ann Lee", "reported/role")]),
    ("with no one in focus, a title points back to the person named last, not to one named later",
     "Title\nAt the close of the sitting, Tom Wells told members that the move was proper.\n"
     "The Premier said the budget would pass on Friday.\n"
     "However, Jo Ames, the Speaker, said he had deferred the debate.\n",
     [(1, "Tom Wells", "reported/name"), (2, "Tom Wells", "reported/role"), (3, "Jo Ames", "reported/name")]),
    ("colon-less “Name, Title” lines head the answers of a vox pop",
     "Title\nDo you think prices will fall this year?\n\nJane Roe, Teacher\n\n"
     "I don't think so, because wages are still too low for that.\n\nTom Wells, Businessman\n\n"
     "Prices will fall once the harvest comes in.\n\nHow has the slowdown affected you?\n",
     [(5, "Jane Roe", "header_block/name"), (9, "Tom Wells", "header_block/name")]),
    ("interview labels by initials the text gave the interviewee; the outlet's questions are no one's",
     "Title\nJane Roe (JR) has led the ministry since 2005. The Daily (TD) spoke to her.\n"
     "TD: How have you made a difference?\nJR: We work as a team, not as individuals, in this ministry.\n"
     "TD: And the budget?\nJR: The budget will be balanced by next year, I am sure of it.\n",
     [(3, "Jane Roe", "interview/name"), (5, "Jane Roe", "interview/name")]),
    ("a round-up's “Name: words” lines are each that person's words",
     "Title\nJane Roe: The truce will not hold for long.\n\nTom Wells: It will hold until the spring at least.\n",
     [(1, "Jane Roe", "label/name"), (3, "Tom Wells", "label/name")]),
    ("a lone “Name: words” line is no round-up (a caption, a credit)",
     "Title\nJane Roe: a farmer walks past the dry field near the river.\nThe drought goes on.\n",
     []),
    ("“told” with its object and a time, then a clause without “that”",
     "Title\nJo Ames told his parliament on Tuesday the leaked document was only a draft.\n"
     "Jo Ames told reporters about the plan in the capital on Monday.\n",
     [(1, "Jo Ames", "reported/name")]),
    ("a name after “She told” is the object, not a new subject: the pronoun keeps its person",
     "Title\nPM Jane Roe spoke in court.\nShe told prosecutor Tom Wells that the country faced a crisis.\n"
     "The ministry, she maintained, had let her down.\n",
     [(2, "Jane Roe", "reported/pronoun"), (3, "Jane Roe", "reported/pronoun")]),
    ("a dialogue of dash-led turns: the interviewer's first, then they alternate; a turn asking is a question",
     "Jane Roe: a life in politics\nPolitician Jane Roe turned 50 this week.\n"
     "- Jane, let us start at the very beginning: you were born in Leeds…\n"
     "- I was a typical city kid, and my father worked at the factory.\nLater I went to school in York.\n"
     "- So these years were about sport?\n- Yes. Swimming demands that you give all you have.\n",
     [(3, "Jane Roe", "interviewee"), (4, "Jane Roe", "interviewee"), (6, "Jane Roe", "interviewee")]),
    ("a question names whom it asks about, not who answers: its person takes no quotation after it",
     "Title\nWhat about Tom Wells? Is he likely to lead the new coalition?\n\n"
     "“Many people underestimated him during the campaign, and they will again.”\n",
     []),
    ("“Opposition” and “Advocate” before a name are titles, not name words",
     "Title\nOpposition Leader Jo Ames said the report was fair.\nAdvocate Tom Wells said the party would win.\n",
     [(1, "Jo Ames", "reported/name"), (2, "Tom Wells", "reported/name")]),
    ("a name alone on its line (a caption, a byline) is no sentence subject: the pronoun keeps its person",
     "Title\nFestival chief Jane Roe spoke on Monday.\nTom Wells\n"
     "But she hailed the success of the festival this year.\n",
     [(3, "Jane Roe", "reported/pronoun")]),
    ("questions put to “you” make an interview without the word; a “Name: …” headline names the interviewee",
     "Jane Roe: “I am in danger”\nThe deputy speaker of the assembly says a plot is under way against him.\n"
     "Minister Tom Wells was in the capital on Monday.\nWould you say there is a scheme against you?\n"
     "There are, indeed, plans to harm me for political reasons.\nWould you give us more details?\n"
     "There is talk of a rebellion that would be linked to me.\n",
     [(4, "Jane Roe", "interviewee"), (6, "Jane Roe", "interviewee")]),
    ("office letters after a name, or between a title and it, are no name words; Malay honorifics are titles",
     "Title\nTom Wells MP said the vote would pass.\nLeeds MHK Jo Ames said it would not.\n"
     "Dato Seri Ann Lee said the talks went well.\nKing Albert II said the talks went well too.\n",
     [(1, "Tom Wells", "reported/name"), (2, "Jo Ames", "reported/name"), (3, "Ann Lee", "reported/name"),
      (4, "Albert II", "reported/name")]),
    ("a sentence-opening preposition is no part of a name",
     "Title\nPresident Tom Wells spoke.\nRegarding Ames, the president said the deputy was corrupt.\n",
     [(2, "Tom Wells", "reported/role")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sieve_decides_the_speaker(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert said(text) == expected


def test_every_statement_carries_its_sieves_confidence() -> None:
    for statement in extract(CASES[0][1]).statements + extract(CASES[4][1]).statements:
        assert statement.confidence == confidence(statement.sieve)
    assert confidence("quotation/name") > confidence("block") > 0


def test_a_quoted_name_is_no_statement() -> None:
    text = ("Title\nThus, politician and founder of the “Great Turan Union” Foundation, Jo Ames, believes that "
            "the year was a success for the region.\n")
    assert [s.text for s in extract(text).statements] == ["the year was a success for the region"]
