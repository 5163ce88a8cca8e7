"""Real-world shapes of names, each in several frames: the extraction gives exactly that person.

Particles, suffixes, hyphens, apostrophes, initials, surnames that are common or organisation words,
family-name-first orders, transliterations and letters beyond ASCII.
"""
from __future__ import annotations

import pytest

from app.extract.pipeline import extract

NAMES = [
    # common words and organisation words as surnames
    "Jane Green", "Tom White", "Jude Law", "Doris Day", "Emily Post", "Frank Church", "Mary Court",
    "Bill Gates", "Ann Bank", "Sam Street", "John Young", "Rose Black", "Ted Price", "Lucy Hall",
    # particles and compound surnames
    "Ludwig van Beethoven", "Ursula von der Leyen", "Leonardo da Vinci", "Charles de Gaulle",
    "Vincent van Gogh", "Mohammed bin Salman", "Omar al-Bashir", "Mubarak al-Ati", "Juan de la Cruz",
    "Martin Luther King Jr.", "Robert Downey Jr.", "John Smith III", "Ana María García Márquez",
    "Hans-Dietrich Genscher", "Jean-Claude Juncker", "Anne-Marie Slaughter", "Sean O'Neill",
    "Conor McGregor", "Mary MacDonald", "Dara Ó Briain",
    # initials
    "John F. Kerry", "J. K. Rowling", "George H. W. Bush", "T.S. Eliot", "A.P.J. Abdul Kalam",
    # family name first, East Asian and others
    "Xi Jinping", "Lee Hsien Loong", "Moon Jae-in", "Leung Chun-ying", "Nguyen Thi Binh",
    "Orbán Viktor", "Kim Jong-un",
    # transliterations and letters beyond ASCII
    "Recep Tayyip Erdoğan", "Sergei Lavrov", "Volodymyr Zelenskyy", "Andrzej Duda", "Miloš Zeman",
    "Bjørn Lomborg", "Søren Kierkegaard", "Zlatko Vujović", "Henrikas Mickevičius", "Łukasz Kowalski",
    "Nuno Álvares", "François Hollande", "Björn Höcke", "Şebnem Korur", "Chimamanda Ngozi Adichie", "Johannes !Gawaxab",
    "Nnamdi Azikiwe", "Aung San Suu Kyi", "Sheikh Hasina",
]

FRAMES = [
    "Title\n“The reform will take years,” said {name}, a professor of economics.\n",
    "Title\n{name}, a political analyst, believes that the reform will take years.\n",
    "Title\nAccording to economist {name}, the reform will take years and cost a great deal.\n",
]


def _surname(name: str) -> str:
    return name.replace(" Jr.", "").replace(" III", "").split(" ")[-1]


@pytest.mark.parametrize("frame", FRAMES, ids=["quotation", "reported", "according-to"])
@pytest.mark.parametrize("name", NAMES)
def test_the_speaker_is_exactly_that_person(name: str, frame: str) -> None:
    extraction = extract(frame.format(name=name))
    speakers = {s.speaker for s in extraction.statements}
    assert len(speakers) == 1, speakers
    (speaker,) = speakers
    assert _surname(name) in speaker and speaker.split(" ")[0] in name, (name, speaker)
