#!/usr/bin/env python3
"""Rebuild docs/NN_slug.txt from raw/NN.txt (the search result's `excerpt` field, JSON-decoded, verbatim).
Steps per document (see NOTES.md):
 0. normalise invisible characters: NBSP -> space; remove zero-width space, BOM, soft hyphen, LRM/RLM
 1. strip leading/trailing whitespace of the whole excerpt
 2. drop `drop_lines` leading lines (page chrome before the headline)
 3. rstrip every line
 4. if `cut` is given: the text must end with it (a trailing partial sentence cut mid-word by
    the excerpt's end); remove it, then rstrip the text (removing any line left empty)
 5. if `headline` is given (excerpt has no headline line), prepend it as line 0
 6. no trailing newline at end of file
"""
import os, hashlib
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = [
 ("01", "dnh_fidesz_supermajority", dict()),
 ("02", "n1_hdz_convention", dict(headline='"Davor Ivo Stier is definitely ready to act"',
        cut="When he failed to form the new Government, the HDZ disow")),
 ("03", "bnt_radev_sociologists", dict(headline="After the President’s resignation – how sociologists interpret Rumen Radev’s messages")),
 ("04", "thenational_qatar_message", dict(drop_lines=2)),
 ("05", "jordantimes_voice_of_reason", dict(drop_lines=2, cut="“The US is k")),
 ("06", "radioprague_coalition_deal", dict()),
 ("07", "napba_puhalo_dodik", dict(cut="Therefore, whateve")),
 ("08", "chernagora_vujovic_troika", dict(cut="„But if everyone leaves, ti will be difficult to explain such decision to internationa")),
 ("09", "gulftimes_qatar_mediation", dict(headline="Successful Gaza Truce Mediation Highlights Qatar's Influential Role",
        cut="In my view, the agreement announced today is the most important developm")),
 ("10", "hungaryjournal_torok_orban", dict()),
 ("11", "totaluae_qatar_crisis", dict(cut="The third — th")),
 ("12", "jordannews_muasher_israel", dict(cut="While emphasizing that Jordan is capable of dealing with this threat, he also underlined the danger of abandoning the two-state solut")),
 ("13", "ocnal_north_macedonia_alarm", dict(headline="Experts raise alarm in North Macedonia")),
 ("14", "fakti_radev_project_votes", dict(headline="Sociologists: expectations for Radev's project are for over a million votes")),
]
INVISIBLE = {"\u00a0": " ", "\u200b": "", "\ufeff": "", "\u00ad": "", "\u200e": "", "\u200f": ""}
def build(raw, drop_lines=0, cut=None, headline=None):
    for k, v in INVISIBLE.items():
        raw = raw.replace(k, v)
    t = raw.strip()
    lines = t.split("\n")[drop_lines:]
    t = "\n".join(l.rstrip() for l in lines)
    if cut:
        assert t.endswith(cut), (t[-80:], cut)
        t = t[: -len(cut)].rstrip()
    if headline:
        t = headline + "\n" + t
    return t.rstrip()
if __name__ == "__main__":
    for nn, slug, kw in DOCS:
        raw = open(os.path.join(BASE, "raw", nn + ".txt"), encoding="utf-8").read()
        t = build(raw, **kw)
        p = os.path.join(BASE, "docs", f"{nn}_{slug}.txt")
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(t)
        b = t.encode("utf-8")
        print(nn, slug, len(t), hashlib.sha256(b).hexdigest()[:12])
