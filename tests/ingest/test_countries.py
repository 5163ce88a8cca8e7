"""Countries from demonyms, nationalities and free text (ISO 3166-1 alpha-2)."""
import pytest

from app.extract.countries import countries_mentioned, demonym_code, nationality_codes


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("German", "DE"),
        ("Kazakh", "KZ"),
        ("Israeli", "IL"),
        ("Israelis", "IL"),  # plural noun
        ("Frenchmen", "FR"),
        ("Swiss", "CH"),
        ("south korean", "KR"),  # case-insensitive, two words
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Azeri", "AZ"),
        ("Martian", None),
        ("Germany", None),  # a country name is not a demonym
    ],
)
def test_demonym_code(word: str, code: str | None) -> None:
    assert demonym_code(word) == code


@pytest.mark.parametrize(
    ("nationality", "codes"),
    [
        ("Turkish-Kazakh", ["TR", "KZ"]),
        ("German", ["DE"]),
        ("Russian-American", ["RU", "US"]),
        ("South Korean-born Canadian", ["KR", "CA"]),
        ("British/Irish", ["GB", "IE"]),
        ("Uzbek and Tajik", ["UZ", "TJ"]),
        ("of Armenian descent", ["AM"]),
        ("Azerbaijan", ["AZ"]),  # a country name written where a nationality was expected
        ("stateless", []),
    ],
)
def test_nationality_codes(nationality: str, codes: list[str]) -> None:
    assert nationality_codes(nationality) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Officials in Ankara and Tehran traded accusations.", ["TR", "IR"]),
        ("The Kremlin dismissed the report, while the White House stayed silent.", ["RU", "US"]),
        ("Talks between Baku and Yerevan resumed in Washington.", ["AZ", "AM", "US"]),
        ("Türkiye, formerly Turkey, hosted the summit.", ["TR"]),
        ("Trade between the U.S. and the UK fell; Britain blamed tariffs.", ["US", "GB"]),
        ("German and Japanese carmakers expanded in Vietnam.", ["DE", "JP", "VN"]),
        ("Freedom of navigation in the South China Sea worries Manila.", ["CN"]),
        ("Papua New Guinea signed a fisheries deal with Guinea-Bissau.", ["PG", "GW"]),
        ("Nigeria closed its border with Niger.", ["NG", "NE"]),
        ("Polling stations in Atlanta, Georgia opened late.", []),
        ("Georgia voters backed the Republican candidate.", []),
        ("Georgia hopes to join the EU, officials in Tbilisi said.", ["GE"]),
        ("Michael Jordan bought another team.", []),
        ("Jordan said the coach had lost the dressing room.", []),
        ("Refugees crossed from Syria into Jordan.", ["SY", "JO"]),
        ("Chad Smith, a fund manager, is bearish.", []),
        ("Floods displaced thousands in Chad and Cameroon.", ["TD", "CM"]),
        ("Roast Turkey sandwiches sold out before Thanksgiving.", []),
        ("George Washington's letters were auctioned in New Mexico.", []),
        ("Investors in Latin America and the Indian Ocean region", []),
        ("exports of fine china and turkey meat", []),  # lower case is never a country
    ],
)
def test_countries_mentioned(text: str, codes: list[str]) -> None:
    assert countries_mentioned(text) == codes


def test_countries_mentioned_keeps_first_mention_order_without_duplicates() -> None:
    text = "Moscow warned Kyiv; Russia and Ukraine then met, and the Russians left early."
    assert countries_mentioned(text) == ["RU", "UA"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Talks in the Dominican Republic and in Dominica went well.", ["DO", "DM"]),  # shared prefix
        ("Investors left South Sudan for Sudan.", ["SS", "SD"]),
        ("Ties between Nigerians and Nigeriens are old.", ["NG", "NE"]),  # longest demonym wins
        ("The Indian Ocean fleet docked in India.", ["IN"]),  # the longer phrase is not a country
    ],
)
def test_the_longest_form_that_ends_a_word_wins(text: str, codes: list[str]) -> None:
    assert countries_mentioned(text) == codes


def test_a_person_is_recognised_far_into_a_long_text() -> None:
    opening = "Refugees crossed from Syria into Jordan last week. " + "The talks went on for hours. " * 80
    assert countries_mentioned(opening + "Michael Jordan bought another team.") == ["SY", "JO"]
    assert countries_mentioned(opening + "Aid reached Jordan by road.") == ["SY", "JO"]
