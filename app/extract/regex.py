"""Regular-expression builders shared by the extraction modules (word lists -> fast alternations)."""
from __future__ import annotations

import re


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of words, longest first; a space matches any run of white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def trie_pattern(words: frozenset[str]) -> str:
    """A regex alternation of words as a prefix tree ("sa(?:id|ys)"): the regex engine then rejects
    a position after one character instead of trying every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return build(trie)
