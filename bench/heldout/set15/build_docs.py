#!/usr/bin/env python3
"""Rebuild set15/docs/*.txt from raw/NN.json with the recipe of ../excerpts.py; the tables are this set's."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from excerpts import rebuild  # noqa: E402  (bench/heldout/excerpts.py: the recipe above, in code)

DROP_LEADING = {"01": 0, "02": 2, "03": 0, "04": 0, "05": 0, "06": 0, "07": 2, "08": 0,
                "09": 0, "10": 2, "11": 0, "12": 0, "13": 0, "14": 0, "15": 0}
TAIL = {"01": "cut", "02": "cut", "03": "keep", "04": "keep", "05": "cut",
        "06": "cut", "07": "cut", "08": "cut", "09": "keep", "10": "cut",
        "11": "cut", "12": "keep", "13": "cut", "14": "cut", "15": "keep"}

if __name__ == "__main__":
    rebuild(os.path.dirname(os.path.abspath(__file__)), DROP_LEADING, TAIL)
