"""Extraction on short invented articles in other outlets' styles (golden behaviour)."""
from __future__ import annotations

import pytest

from app.ingest.extract import extract
from app.ingest.types import Extraction

APPOSITIVE = """Port deal draws praise
The new port agreement was signed on Monday.
“This is the most important step in a decade,” said Dr. Jane Roe, a professor of economics at the University of Leeds. “Trade will follow.”
Roe added that the region would benefit for years.
Officials say the terms are secret.
"""

HEADERS = """What the year brought: views from abroad
Caliber asked three observers.
Marco Bellini, senior fellow at the Institute for Regional Studies (Italy):
— The year was difficult but it ended well for the region.
— Energy links proved more durable than anyone expected.
Anna Kowalczyk, political analyst (Poland):
— I expect the talks to resume in spring.
"""

REPORTED = """Analysts weigh the summit
According to Russian political scientist Igor Petrov, the summit changed little.
In his view, the sides are still far apart on borders.
Kirill Sitnikov, a Russian political analyst and publicist, told Trend that the talks would go on.
Experts say the market reacted calmly.
The expert is confident that a deal will come by summer.
"""

RUN_ON = """Interview
Political scientist Z. Mammadov spoke to reporters on Tuesday.
«The balance of power has shifted.
Nobody in the region can ignore that now.

We will see the results next year,» Mammadov said.
President Adam Smith was not available for comment.
"""


def speakers_by_line(x: Extraction) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for st in x.statements:
        out.setdefault(st.paragraph, set()).add(st.speaker)
    return out


@pytest.mark.parametrize("text", [APPOSITIVE, HEADERS, REPORTED, RUN_ON])
def test_statement_offsets_follow_the_contract(text: str) -> None:
    x = extract(text)
    names = {e.name for e in x.experts}
    for st in x.statements:
        assert st.text == text[st.start:st.end]
        assert "\n" not in st.text
        assert st.paragraph == text.count("\n", 0, st.start)
        assert st.speaker in names


def test_quote_attributed_after_it_with_title_and_appositive() -> None:
    x = extract(APPOSITIVE)
    assert [e.name for e in x.experts] == ["Jane Roe"]
    roe = x.experts[0]
    assert "professor" in roe.roles and roe.affiliations == ["University of Leeds"]
    assert speakers_by_line(x) == {2: {"Jane Roe"}, 3: {"Jane Roe"}}
    kinds = {st.paragraph: st.kind for st in x.statements}
    assert kinds[2] == "direct" and kinds[3] == "indirect"


def test_interrupted_quotation_gives_both_parts_to_the_speaker() -> None:
    x = extract(APPOSITIVE)
    parts = [st.text for st in x.statements if st.paragraph == 2]
    assert parts == ["“This is the most important step in a decade,”", "“Trade will follow.”"]


def test_header_with_country_then_dash_led_paragraphs() -> None:
    x = extract(HEADERS)
    experts = {e.name: e for e in x.experts}
    assert set(experts) == {"Marco Bellini", "Anna Kowalczyk"}
    assert experts["Marco Bellini"].countries == ["IT"]
    assert experts["Anna Kowalczyk"].countries == ["PL"]
    assert speakers_by_line(x) == {3: {"Marco Bellini"}, 4: {"Marco Bellini"}, 6: {"Anna Kowalczyk"}}
    assert x.statements[0].text == "The year was difficult but it ended well for the region."


def test_reported_speech_frames_and_coreference() -> None:
    x = extract(REPORTED)
    experts = {e.name: e for e in x.experts}
    assert set(experts) == {"Igor Petrov", "Kirill Sitnikov"}
    assert experts["Igor Petrov"].nationality == "Russian" and experts["Igor Petrov"].countries == ["RU"]
    assert "political analyst" in experts["Kirill Sitnikov"].roles
    lines = speakers_by_line(x)
    assert lines[1] == {"Igor Petrov"} and lines[2] == {"Igor Petrov"}
    assert lines[3] == {"Kirill Sitnikov"} and lines[5] == {"Kirill Sitnikov"}
    assert 4 not in lines  # "Experts say" is no one
    by_line = {st.paragraph: st for st in x.statements}
    assert by_line[1].text == "the summit changed little" and by_line[1].cue == "According to"
    assert by_line[3].text == "the talks would go on"


def test_guillemets_run_on_over_lines_and_initials_alias() -> None:
    x = extract(RUN_ON)
    assert [e.name for e in x.experts] == ["Z. Mammadov"]
    assert speakers_by_line(x) == {2: {"Z. Mammadov"}, 3: {"Z. Mammadov"}, 5: {"Z. Mammadov"}}
    assert all(st.kind == "direct" for st in x.statements)
    assert "political scientist" in x.experts[0].roles


def test_people_only_mentioned_are_not_experts() -> None:
    names = {e.name for e in extract(RUN_ON).experts} | {e.name for e in extract(APPOSITIVE).experts}
    assert "Adam Smith" not in names


def test_same_surname_different_people_stay_apart() -> None:
    text = ("“Prices will rise,” said economist Maria Lopez.\n"
            "“They will fall,” said historian Carlos Lopez.\n")
    x = extract(text)
    assert {e.name for e in x.experts} == {"Maria Lopez", "Carlos Lopez"}
    assert [st.speaker for st in x.statements] == ["Maria Lopez", "Carlos Lopez"]
