"""Rebuild set18/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 20, in ../titled_excerpts.py; this file holds the set's tables.
Run from the repository: python3 bench/heldout/set18/build_docs.py [--check] --dir SET_DIR
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "theinsider_museveni_successor",
    2: "bolivianthoughts_bicentennial_crisis",
    3: "dailynews_tz_investment_spending",
    4: "cyprusmail_talks_solution",
    5: "mmegi_boko_udc",
    6: "pina_sogavare_china_security",
    7: "tatoli_arf_meeting",
    8: "moroccoworldnews_aberkane_sahara",
    9: "ogreszinas_latkovskis_restart",
    10: "novinite_kolev_trust",
    11: "africanmanager_hassen_interview",
    12: "vov_cuong_interview",
    13: "primefocus_angula_interview",
    14: "muscatdaily_word_on_the_street",
}
START = {
    4: "Are we nearer or farther from a solution?",
    5: "Boko: Leading UDC to \u2018victory\u2019",
    10: "Bulgaria: Bulgarian Social Analyst: Trust in Government Is Seriously Undermined",
    11: "Tunisia: fundamentals of Tunisian economy are still strong, says Mohsen Hassen",
    12: "Vietnam-US relations have seen remarkable progress in all fields recently, said Vietnamese "
        "ambassador to the US Nguyen Quoc Cuong.",
    14: "Oman- Word on the street: Economic slowdown",
}
CUT = {1, 3, 5, 6, 8, 9, 11, 12, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
