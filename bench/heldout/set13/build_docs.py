#!/usr/bin/env python3
"""Rebuild set13/docs/*.txt from raw/NN.json with the recipe of ../excerpts.py; the tables are this set's."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from excerpts import rebuild  # noqa: E402  (bench/heldout/excerpts.py: the recipe above, in code)

DROP_LEADING = {"01": 0, "02": 3, "03": 2, "04": 0, "05": 5, "06": 5, "07": 2,
                "08": 2, "09": 2, "10": 0, "11": 2, "12": 0, "13": 1, "14": 0, "15": 0}
TAIL = {"01": "keep", "02": "cut", "03": "cut", "04": "keep", "05": "keep",
        "06": "cut", "07": "cut", "08": "keep", "09": "keep", "10": "keep",
        "11": "cut", "12": "cut", "13": "keep", "14": "cut", "15": "cut"}

if __name__ == "__main__":
    rebuild(os.path.dirname(os.path.abspath(__file__)), DROP_LEADING, TAIL)
