"""Rebuild set17/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 20, in ../titled_excerpts.py; this file holds the set's tables.
Run from the repository: python3 bench/heldout/set17/build_docs.py [--check] --dir SET_DIR
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "rksnews_kosovo_serbia_dialogue",
    2: "sundayexpress_lesotho_coalition",
    3: "decode39_meloni_1000_days",
    4: "evu_guriev_interview",
    5: "worldcrunch_merz_interview",
    6: "alquds_truce_analysts",
    7: "961today_syria_transition",
    8: "bermudasun_budget_breakfast",
    9: "cna_ramos_horta_interview",
    10: "montsame_galbadrakh_interview",
    11: "7newsbelize_briceno_us_aid",
    12: "thelocal_germany_rents",
    13: "elsalvadornow_bukele_image",
    14: "specialelibia_dabbashi_interview",
}
START = {
    2: "Coalition government will survive, analysts say",
    4: "Reforming the Banking Sector is a Key Task",
    6: "The truce agreement... a permanent truce or a break between two rounds?",
    12: "Why are rents in Germany shooting through the roof? We found out",
}
CUT = {2, 6, 8, 9, 10, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
