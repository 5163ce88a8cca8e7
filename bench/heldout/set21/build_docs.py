"""Rebuild set21/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 20, in ../titled_excerpts.py; this file holds the set's tables.
Run: python3 build_docs.py [--check] [--dir SET_DIR]
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "ggrasia_macau_scholars_site_visits",
    2: "lithuaniatribune_linkevicius_russia_threat",
    3: "vanuatudailypost_sogavare_australia",
    4: "thenewtoday_grenada_radar_mitchell",
    5: "abc_honimae_solomons_interview",
    6: "spokanepublicradio_heine_marshall_islands_interview",
    7: "bahraini_khalid_iran_explosives",
    8: "721news_marlin_integrity_chamber",
    9: "kmtnews_sopoaga_tuvalu_meetings",
    10: "rfi_sierra_leone_ebola_inflation",
    11: "bloomberglinea_lasso_interview",
    12: "digitalcongo_senegal_press_review",
    13: "actualnewsmagazine_senegal_faye_victory",
    14: "bblv_metla_rozentale_latvia_elections",
}
START = {
    5: "Solomons Govt spokesman dismisses collusion claims",
    6: "We Are On The Front Line Of Climate Change, Marshall Islands President Says",
    9: "(Rev Dr. Kitiona Tausi)",
    10: "Sierra Leone\u2019s Ebola economic conundrum: inflation",
    14: "Latvian Political Scientist Explained How Russian Citizens in Latvia Will Be Courted",
}
CUT = {4, 5, 6, 7, 8, 9, 10, 12, 13, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
