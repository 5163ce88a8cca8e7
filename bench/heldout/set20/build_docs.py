"""Rebuild set20/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 20, in ../titled_excerpts.py; this file holds the set's tables.
Run from the repository: python3 bench/heldout/set20/build_docs.py [--check] --dir SET_DIR
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "thedialogue_noboa_ecuador",
    2: "ekohotblog_uruguay_conservative_government",
    3: "totalcroatianews_recovery_programme_criticism",
    4: "theneweuropean_faroe_independence",
    5: "loopvanuatu_ambae_repatriation",
    6: "pncguam_whipps_palau_us_ties",
    7: "icelandmonitor_sveinsson_russia_sanctions",
    8: "trtworld_ivory_coast_election_observers",
    9: "wfdd_puerto_rico_debt_economist",
    10: "upr_rossello_interview",
    11: "investableuniverse_thordarson_interview",
    12: "frammentidistoria_kazakhstan_interview",
}
START = {
    1: "What Will Daniel Noboa\u2019s Presidency Mean for Ecuador?",
    2: "Uruguay ushers in first conservative government in 15 years",
    3: "Croatian Recovery and Resilience Programme Faces More Criticism",
    4: "Never mind Brexit, the 50,000 people of the Faroe Islands could be headed towards Faroexit, with full independence from independence from \u2018mother Denmark\u2019. STAN ABBOTT reports",
    10: "Puerto Rico Government Looking At Different Ways To Reduce $120 Billion Debt",
}
CUT = {1, 2, 8, 9, 11}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
