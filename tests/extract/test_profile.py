"""Nationality, countries and roles come from the person's own descriptor, never from the rest of the sentence."""
from __future__ import annotations

import pytest

from app.extract.pipeline import extract

CASES = [
    ("Title\nJane Roe, an economist from Germany, believes that growth will slow next year.\n", None, ["DE"]),
    ("Title\nGerman political scientist Jane Roe believes that growth will slow next year.\n", "German", ["DE"]),
    ("Title\nInterview: Venezuelan President Jane Roe talks to the press\nJane Roe: Growth will slow next year.\n"
     "Reporter: Why?\nJane Roe: Oil prices are falling and will keep falling.\n", "Venezuelan", ["VE"]),
    ("Title\nJane Roe, an expert on the Armenian-Azerbaijani conflict, believes that talks will resume soon.\n",
     None, []),
    ("Title\nJane Roe, a political analyst, believes that Armenians will vote for the deal next year.\n", None, []),
]


@pytest.mark.parametrize("text, nationality, countries", CASES)
def test_nationality_and_countries_from_the_persons_own_descriptor(text, nationality, countries) -> None:
    (expert,) = extract(text).experts
    assert (expert.nationality, expert.countries) == (nationality, countries)
