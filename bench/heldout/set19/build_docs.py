"""Rebuild set19/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 20, in ../titled_excerpts.py; this file holds the set's tables.
Run from the repository: python3 bench/heldout/set19/build_docs.py [--check] --dir SET_DIR
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "antiguaobserver_incsr_analysts",
    2: "siyalumedia_eswatini_parties",
    3: "360mozambique_hidden_debts_economists",
    4: "salamwatandar_emirate_recognition",
    5: "turkmenpetroleum_german_expert_gas",
    6: "libyaupdate_albayoudi_dbeibah",
    7: "borneobulletin_anwar_visit",
    8: "cookislandsnews_brown_seabed",
    9: "sermitsiaq_nielsen_self_determination",
    10: "iomtoday_cannan_dismissal_calls",
    11: "iwacu_rwasa_interview",
    12: "bvibeacon_rankin_exit_interview",
    13: "curacaochronicle_hodge_interview",
    14: "monacotribune_prince_albert_interview",
}
START = {
    4: "Analysts see long way ahead for the Taliban\u2019s Islamic Emirate to earn recognition",
    8: "Brown talks up wealth from ocean floor",
    11: "Agathon Rwasa: \u201cI am in danger\u201d",
    13: "Curacao Prime Minister: Hard action against perpetrators",
    14: "For Prince Albert II, \u201cMonaco has its place in the concert of nations\u201d",
}
CUT = {5, 6, 7, 8, 9, 10, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
