"""Vocabulary for synthetic experts: names by culture, nationalities, roles, organisations.

Rules as data: each culture lists given names by gender, surnames and the demonyms its experts
usually carry. Names are combined (given x surname), so a few dozen words give thousands of people.
"""
from __future__ import annotations

import random
from dataclasses import dataclass


def _w(text: str) -> list[str]:
    return text.split()


# culture -> (female given names, male given names, surnames, demonyms)
CULTURES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "anglo": (_w("Emma Olivia Sarah Rachel Laura Kate Helen Claire Megan Abigail"),
              _w("James Michael David Thomas Andrew Mark Richard Peter Daniel Simon"),
              _w("Ashworth Caldwell Donovan Elliott Fairbanks Garrison Holloway Kendall Lambert Mercer Prescott Radcliffe Harris Whitaker Bennett Morgan Collins Fletcher Hughes Palmer Reynolds Sutton Gray Barlow"),
              _w("British American Canadian Australian Irish")),
    "german": (_w("Anna Katrin Sabine Ulrike Petra Miriam Johanna Lena"),
               _w("Stefan Markus Jürgen Matthias Tobias Wolfgang Henrik Lukas"),
               _w("Schulz Neumann Zimmermann Hartmann Lange Fuchs Weber Richter Busch Engel Hoffmann Becker Schreiber Wagner Krüger Lehmann Vogel Brandt Kessler Albrecht"),
               _w("German Austrian Swiss")),
    "french": (_w("Camille Élodie Sophie Claire Margaux Hélène Léa Amélie"),
               _w("Laurent Mathieu Olivier Étienne Julien Thierry Benoît Antoine"),
               _w("Lambert Bonnet Faure Blanchard Perrin Marchand Gauthier Lemaire Renaud Collet Dubois Lefèvre Moreau Girard Fontaine Rousseau Garnier Chevalier Mercier"),
               _w("French Belgian")),
    "hispanic": (_w("María Lucía Carmen Isabel Valeria Paula Ana Gabriela"),
                 _w("Javier Alejandro Carlos Miguel Diego Andrés Fernando Rodrigo"),
                 _w("Ruiz Jiménez Medina Guerrero Cortés Ramos Molina Suárez Rojas Ibáñez García Fernández Ortega Morales Navarro Herrera Castillo Vargas Romero Delgado"),
                 _w("Spanish Mexican Argentine Colombian Chilean")),
    "slavic": (_w("Olga Irina Natalia Svetlana Yelena Tatiana Marina Anastasia"),
               _w("Dmitry Sergei Alexei Nikolai Pavel Andrei Viktor Mikhail"),
               _w("Pavlenko Bondarenko Vasiliev Semenov Wiśniewski Dvořák Popov Zaitsev Melnyk Karpov Volkov Petrenko Sokolov Kuznetsov Orlov Lebedev Morozov Novak Kowalski Zielinski"),
               _w("Russian Ukrainian Polish Belarusian Czech")),
    "turkic": (_w("Ayşe Elif Zeynep Leyla Aigerim Gulnara Aysel Dinara"),
               _w("Mehmet Emre Murat Elnur Rashad Nurlan Timur Arman Kerem"),
               _w("Çelik Şahin Arslan Doğan Mammadov Karimov Tokayev Seitkali Rahimov Mirzayev Yılmaz Demir Aksoy Kaya Aliyev Huseynov Nurpeisov Abdrakhmanov Ismayilov Ozturk"),
               _w("Turkish Azerbaijani Kazakh Uzbek Kyrgyz")),
    "arabic": (_w("Fatima Layla Noura Rania Samira Huda Amal Mariam"),
               _w("Ahmed Khalid Omar Youssef Karim Tariq Hassan Samir"),
               _w("Abdullah Hamdan Ibrahim Jaber Kassem Rahman Sabry Tawfik Zaki Barakat Haddad Mansour Khalil Nasser Saleh Farouk Al-Amin Darwish Qasim"),
               _w("Egyptian Jordanian Lebanese Saudi Emirati Moroccan")),
    "east_asian": (_w("Mei Yuki Haruka Jiyeon Li Na Xiaoling Sakura Minji"),
                   _w("Wei Hiroshi Kenji Minho Jun Takeshi Hao Seojun"),
                   _w("Yamamoto Kobayashi Choi Jung Huang Zhao Sato Lee Yoshida Lin Zhang Wang Tanaka Suzuki Kim Park Chen Watanabe Liu Nakamura"),
                   _w("Chinese Japanese Korean")),
    "south_asian": (_w("Priya Ananya Kavita Sunita Meera Aisha Nadia Shreya"),
                    _w("Rahul Arjun Vikram Sanjay Imran Farhan Rohit Anil"),
                    _w("Gupta Mehta Kapoor Verma Rao Hussain Chaudhry Joshi Desai Pillai Sharma Iyer Reddy Chatterjee Qureshi Malik Banerjee Nair Siddiqui"),
                    _w("Indian Pakistani Bangladeshi")),
    "african": (_w("Amara Ngozi Wanjiru Thandiwe Adaeze Zainab Abena Nomvula"),
                _w("Kwame Chinedu Tunde Oluwaseun Kofi Sipho Baraka Emeka"),
                _w("Boateng Eze Obi Adebayo Ndlovu Otieno Asante Achebe Balogun Keita Okafor Mensah Adeyemi Nkosi Kamau Osei Abubakar Mwangi Diallo"),
                _w("Nigerian Ghanaian Kenyan South-African Senegalese")),
    "nordic": (_w("Ingrid Astrid Sigrid Maja Freja Linnea"),
               _w("Erik Lars Anders Magnus Nils Henrik Jonas"),
               _w("Berg Dahl Holm Lund Strand Karlsson Nieminen Solberg Lindqvist Andersen Johansson Nyberg Halvorsen Virtanen Eriksen"),
               _w("Swedish Norwegian Danish Finnish")),
    "italian": (_w("Giulia Francesca Chiara Alessandra Silvia Elena"),
                _w("Marco Luca Giovanni Alessandro Paolo Stefano Matteo"),
                _w("Conti Greco Bruno Gallo Costa Fontana Moretti Rinaldi Lombardi Barbieri Rossi Bianchi Ferrari Esposito Romano Colombo Ricci Marino"),
                _w("Italian Brazilian")),
}

ROLES = _w("""political_analyst economist professor_of_international_relations former_ambassador
    energy_analyst security_expert senior_fellow research_director political_scientist
    trade_economist historian defence_analyst pundit commentator strategist former_diplomat
    senior_researcher policy_analyst chief_economist geopolitical_analyst""")

ORG_KINDS = _w("Institute Centre Foundation Council University Forum Observatory School")
ORG_THEMES = _w("""Strategic_Studies Eurasian_Affairs Global_Policy Energy_Research Economic_Policy
    International_Relations Security_Studies Regional_Development Trade_and_Development Public_Affairs""")
ORG_PLACES = _w("Berlin Geneva Istanbul Astana Warsaw Madrid Nairobi Seoul Delhi Oslo Milan Cairo Toronto Lyon")


@dataclass(frozen=True, slots=True)
class Person:
    given: str
    surname: str
    female: bool
    demonym: str
    role: str
    org: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


def _organisation(rng: random.Random) -> str:
    """'the Berlin Institute of Strategic Studies' / 'the Centre for Global Policy'."""
    theme = rng.choice(ORG_THEMES).replace("_", " ")
    if rng.random() < 0.5:
        return f"the {rng.choice(ORG_PLACES)} {rng.choice(ORG_KINDS)} of {theme}"
    return f"the {rng.choice(ORG_KINDS)} for {theme}"


def make_person(rng: random.Random) -> Person:
    """One expert: a culture's name, usually that culture's nationality, a role and an organisation."""
    female_names, male_names, surnames, demonyms = CULTURES[rng.choice(list(CULTURES))]
    female = rng.random() < 0.45
    demonym = rng.choice(demonyms)
    if rng.random() < 0.1:  # diaspora and dual nationalities: "Turkish-German", or any other
        other = rng.choice(CULTURES[rng.choice(list(CULTURES))][3])
        demonym = f"{demonym}-{other}" if other != demonym else demonym
    return Person(rng.choice(female_names if female else male_names), rng.choice(surnames), female,
                  demonym, rng.choice(ROLES).replace("_", " "), _organisation(rng))


def make_pool(seed: int, size: int) -> list[Person]:
    """A fixed population of experts (at most ~3,700 names); articles draw from it so experts recur."""
    rng = random.Random(f"pool:{seed}")
    pool: list[Person] = []
    seen: set[str] = set()
    for _ in range(size * 20):  # bounded: the name space is finite
        if len(pool) == size:
            break
        person = make_person(rng)
        if person.name not in seen:
            seen.add(person.name)
            pool.append(person)
    return pool
