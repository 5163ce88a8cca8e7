"""Rebuild set22/docs/*.txt from the stored search results in raw/NN.json (see NOTES.md).

Each raw/NN.json holds one result of the `search` tool (corpus `pages`): url, title (always null here,
the tool gave no title), query, rank and excerpt (the JSON string exactly as the tool printed it).

The recipe is the one of sets 17 to 21, in ../titled_excerpts.py; this file holds the set's tables.
Run: python3 build_docs.py [--check] [--dir SET_DIR]
(SET_DIR holds raw/, docs/ and index.tsv; by default this file's folder).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from titled_excerpts import main  # noqa: E402

SLUGS = {
    1: "channel103_jersey_health_minister",
    2: "guernseypress_israel_statements",
    3: "corporatenepal_remittance_economists",
    4: "sundaystandard_court_of_appeal_session",
    5: "gogo_timor_coach_interview",
    6: "reuters_paraguay_soy_record",
    7: "kuwaittimes_senegal_oil",
    8: "islandsun_patmos_arrests",
    9: "brava_cape_verde_tourism_minister",
    10: "maltatoday_national_book_prize",
    11: "asianmirror_mathews_morgan_t20",
    12: "asiae_lee_inho_economists",
    13: "news4europe_la_silla_observatory",
    14: "dailytexan_coral_larvae_color",
}
START = {
    2: "States may be reluctant to comment on global events",
    4: "Court of Appeal session starts on Wednesday",
    8: "    RSIPF arrests 23 suspects following incident in Western Province",
    12: "Lee In-ho, Next President of the Korean Economic Association: \"The Economy Led by Political Logic... I Will Speak Out\"",
    13: "Chile celebrates 50 years of star gazing at La Silla Observatory",
}
CUT = {2, 3, 6, 8, 9, 10, 11, 12, 13, 14}

if __name__ == "__main__":
    main(__file__, SLUGS, START, CUT)
