#!/usr/bin/env python3
"""Rebuild set14/docs/*.txt from raw/NN.json with the recipe of ../excerpts.py; the tables are this set's. In 11 the lines dropped before the headline include a standfirst."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from excerpts import rebuild  # noqa: E402  (bench/heldout/excerpts.py: the recipe above, in code)

DROP_LEADING = {"01": 0, "02": 8, "03": 0, "04": 0, "05": 0, "06": 0, "07": 0, "08": 0,
                "09": 0, "10": 2, "11": 4, "12": 0, "13": 0, "14": 4, "15": 0}
TAIL = {"01": "cut", "02": "keep", "03": "keep", "04": "cut", "05": "keep", "06": "keep",
        "07": "keep", "08": "keep", "09": "cut", "10": "keep", "11": "cut", "12": "keep",
        "13": "keep", "14": "keep", "15": "cut"}

if __name__ == "__main__":
    rebuild(os.path.dirname(os.path.abspath(__file__)), DROP_LEADING, TAIL)
