"""Rebuild set23/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

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
    1: "marshallislandsjournal_nuclear_atolls",
    2: "climategovki_baaro_credentials",
    3: "timesofsuriname_opposition_dec_trial",
    4: "todaynicaragua_opposition_ortega",
    5: "timesca_starr_uzbekistan_reforms",
    6: "daryo_aslanov_think_tank",
    7: "macaubusiness_benin_opposition",
    8: "mnenews_calovic_saric_compensation",
    9: "ipmonopolet_volmer_interview",
    10: "a2news_qafa_euro_lek",
    11: "clubofmozambique_madrasah_sentence",
    12: "dynamokyiv_milosevic_press_conference",
    13: "socialnews_panama_canal_drought",
    14: "samoaglobalnews_measles_outbreak",
}
START = {
    2: "Obama welcomes Kiribati diplomat",
    3: "OPPOSITION OPEN TO fiNDING political solution after Dec trial",
    4: "Nicaragua\u2019s unlikely opposition faces rocky road to defeat Ortega",
    8: "Citizens are filling prosecutors\u2019 holes with millions",
    10: "This year\u2019s shift in mid-September is not anticipated to signal a \u201cturning point\u201d in the euro\u2019s strengthening. Economists predict that the euro will appreciate somewhat against the Albanian lek until the end of November, indicating that the customary strengthening of the European currency following the summer has already been upset.",
    11: "Mushim I. and one of the other two defendants in a police vehicle. [Photo: DW]",
}
CUT = {1, 2, 5, 6, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
