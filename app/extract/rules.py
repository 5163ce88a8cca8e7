"""The vocabulary of the attribution rules, read from `data/en/`: cue verbs by lemma (`cues.toml`, inflected
by `app.extract.cues`) and word lists (`words.toml`, each with what it is for and an example).

Everything there is plain vocabulary, general to English news writing (no name or phrase of any
particular document).  The regular expressions built from it live next to the code that uses them.
"""
from __future__ import annotations

from app.extract.cues import forms_with, participles_with, word_list, word_map

# Reporting verbs and phrases, every form ("said", "believes", "has said").
REPORTING_VERBS = forms_with("reporting")
TELL_VERBS = forms_with("tell")  # Verbs the person told may follow ("told Trend that", "told reporters:").
# Verbs that start a second frame after a clause ("said he would X and criticized Y").
SECONDARY_CUES = forms_with("secondary")
# Participles that open a frame after a comma (", adding that ...").
FRAME_PARTICIPLES = participles_with("participle")
BARE_OBJECT_CUES = forms_with("bare_object")  # Cues whose bare object is the content ("said the plan would fail").
OPINION_CUES = forms_with("opinion")  # Opinion frames whose content goes on over the next unframed sentences.
# Cues that take an object: never a parenthetical frame "X, he said, Y".
NOT_ASIDE_CUES = forms_with("takes_object")
# Passives that hand a sentence back to its source ("This was stated by X.").
BACKREF_PASSIVES = forms_with("handback")
QUESTION_CUES = forms_with("question")  # Cues whose clause may open with "whether" or "if" ("asked whether X").
INFINITIVE_CUES = forms_with("infinitive")  # Cues whose infinitive is the content ("pledged to raise wages").

SOURCE_FIRST_CUES = word_list("source_first_cues")
VIEW_NOUNS = word_list("view_nouns")
ADVERBS = word_list("adverbs")
PRONOUNS = word_list("pronouns")
ROLE_NOUNS = word_list("role_nouns")
TITLE_ABBREVIATIONS = word_map("title_abbreviations")  # "gov" -> "governor"
AFFILIATION_ROLES = word_list("affiliation_roles")
HONORIFICS = word_list("honorifics")
OTHER_OFFICE_WORDS = word_list("other_office_words")
OFFICE_HEADS = word_list("office_heads")
DEPARTMENT_WORDS = word_list("department_words")
NON_NAME_WORDS = word_list("non_name_words")
ORG_WORDS = word_list("org_words")
ANONYMOUS_HEADS = word_list("anonymous_heads")
ABBREVIATIONS = word_list("abbreviations")
CLAUSE_BREAK_WORDS = word_list("clause_break_words")
SUBJECT_PRONOUNS = word_list("subject_pronouns")
FINITE_MARKERS = word_list("finite_markers")
CLAUSE_OPENERS_NOT = word_list("clause_openers_not")
DETERMINERS = word_list("determiners")
CREDIT_OPENERS = word_list("credit_openers")
HOST_ROLES = word_list("host_roles")
TIME_WORDS = word_list("time_words")
PARTY_NOUNS = word_list("party_nouns")
NOUN_COMPOUNDS = word_list("noun_compounds")
BACKREF_NOUNS = word_list("backref_nouns")
SPEECH_NOUNS = word_list("speech_nouns")
