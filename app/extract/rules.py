"""Data for the attribution rules: reporting verbs, cue phrases, role nouns, honorifics, org words.

Everything here is plain vocabulary, general to English news writing (no name or phrase of any
particular document).  The regular expressions built from it live next to the code that uses them.
"""
from __future__ import annotations

from app.extract.cues import forms_with, participles_with


def _words(block: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in block.split("|") if w.strip())


# Reporting verbs, every tense form that introduces speech or opinion ("said", "believes", "has said").
REPORTING_VERBS = forms_with("reporting")

# Verbs that may be followed directly by the person told ("told Trend that", "told reporters:").
TELL_VERBS = forms_with("tell")

# Cues that put the source first and the content after a comma ("According to X, ...").
SOURCE_FIRST_CUES = _words("according to|in the words of|as noted by|as stated by|quoting")

# Possessive frames ("In his view, ...") whose pronoun is the speaker.
VIEW_NOUNS = _words("view|opinion|words|assessment|estimation|judgment|judgement|analysis|mind|eyes|words")

# Adverbs allowed between subject and verb ("he also said", "she further noted").
ADVERBS = _words("also|further|additionally|then|later|again|once|firmly|strongly|repeatedly|"
                 "rightly|recently|previously|earlier|still|even|openly|publicly|bluntly|clearly|"
                 "separately|likewise|similarly|personally|simply|only|just|has|had|have|would|will|however")

PRONOUNS = _words("he|she")

# Role nouns; multi-word ones first is not needed: matching takes the longest.
ROLE_NOUNS = _words("""
pundit|journalist|politician|political analyst|analyst|political scientist|scientist|expert|
economist|professor|professor emeritus|associate professor|assistant professor|lecturer|
researcher|senior researcher|research fellow|senior fellow|fellow|director|executive director|
managing director|head|chairman|chairwoman|chair|ambassador|honorary ambassador|diplomat|
former ambassador|deputy|member of parliament|lawmaker|legislator|senator|congressman|
congresswoman|governor|mayor|minister|spokesman|spokeswoman|spokesperson|press secretary|
secretary of state|secretary-general|secretary general|general secretary|secretary|
pollster|strategist|commentator|political commentator|columnist|editor|editor-in-chief|writer|
author|historian|sociologist|orientalist|military expert|military analyst|publicist|lawyer|
attorney|adviser|advisor|consultant|ceo|chief executive|president|vice president|candidate|
nominee|campaign manager|activist|scholar|academic|observer|political observer|blogger|
broadcaster|host|reporter|correspondent|psychologist|philosopher|political expert|psephologist|
political strategist|political consultant|international relations expert|specialist|
public figure|statesman|official|leader|chief|founder|co-founder|coordinator|manager|rector|
dean|doctor|physician|engineer|entrepreneur|businessman|businesswoman|banker|investor|
""")

# Roles that name the person's link to an organisation rather than a profession ("founder of X").
AFFILIATION_ROLES = _words("founder|co-founder|head|chairman|chairwoman|chair|director|member|"
                           "president|rector|dean|ceo|leader|chief|coordinator|manager")

# Honorifics and titles dropped from the front of a name ("Dr. Jane Roe" -> "Jane Roe").
HONORIFICS = _words("""
mr|mr.|mrs|mrs.|ms|ms.|miss|mx|dr|dr.|prof|prof.|professor|sir|dame|lord|lady|sen|sen.|senator|
rep|rep.|representative|gov|gov.|governor|president|vice|secretary|minister|ambassador|general|
gen|gen.|lt|lt.|col|col.|capt|capt.|adm|judge|justice|chairman|chairwoman|mayor|rev|rev.|
pastor|attorney|chancellor|premier|prime|speaker|chief|deputy|honorary|former|director|
congressman|congresswoman|sheikh|imam|rabbi|father|king|queen|prince|princess|emir|sultan|
candidate|nominee|leader|commissioner|spokesman|spokeswoman|ceo|founder|analyst|expert|
pundit|economist|journalist|politician|dean|first|the|st|saint|secretary-general|academic|scholar|
researcher|historian|sociologist|strategist|commentator|pollster|psephologist|columnist|activist
""")

# A department in a title before a name: "Secretary of State John Kerry", "Minister of Foreign Affairs ...".
DEPARTMENT_WORDS = _words("""
state|defense|defence|treasury|homeland|foreign|affairs|interior|justice|finance|energy|health|education|
labor|labour|commerce|agriculture|transportation|transport|veterans|housing|economy
""")

# Capitalised words that start sentences or frames and are never part of a name.
NON_NAME_WORDS = _words("""
the|a|an|he|she|it|they|we|i|you|his|her|its|their|our|this|that|these|those|there|here|
according|in|on|at|for|but|and|or|so|thus|meanwhile|however|also|yet|as|if|when|while|after|
before|since|because|although|though|despite|with|without|from|by|to|of|about|over|under|
what|who|why|how|where|which|then|now|today|yesterday|tomorrow|last|next|this|every|all|
monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|
june|july|august|september|october|november|december|mr|mrs|ms|dr|new|year|one|two|
everything|nothing|something|anything|everyone|anyone|someone|nobody|
god|lord|christmas|easter|ramadan|not|no|yes|many|some|most|several|both|each|such|only|
during|even|until|unlike|among|amid|like|is|are|was|were|will|says|say|sees|
""")

# Words that make a capitalised run an organisation, a place or a thing, not a person.
ORG_WORDS = _words("""
agency|foundation|university|institute|institution|ministry|party|news|times|post|committee|
council|union|association|corporation|corp|inc|ltd|llc|company|bank|group|center|centre|
department|office|service|services|commission|court|congress|senate|house|administration|
campaign|fund|organization|organisation|network|press|journal|daily|radio|tv|channel|church|
school|college|academy|army|navy|forces|force|government|republic|kingdom|states|federation|
media|club|society|league|alliance|bureau|board|authority|assembly|parliament|cabinet|
corridor|route|project|initiative|summit|forum|conference|program|programme|review|magazine|
gazette|tribune|herald|telegraph|guardian|observer|reuters|bloomberg|street|avenue|square|
airport|station|city|county|province|region|island|river|sea|ocean|mountains|caucasus|east|
west|north|south|world|day|week|month|affairs|security|policy|strategy|report|survey|poll|
index|exchange|market|markets|airlines|airways|motors|holdings|partners|capital|energy|oil|
gas|petroleum|democrats|republicans|democratic|republican|federal|national|international|
global|white|blue|red|green|black|act|law|bill|treaty|agreement|accord|plan|doctrine|amendment|constitution|
show|debates|research|enforcement|equality|mall|guard|museum|stadium|hospital|
universiti|universidad|universidade|université|universität|università|universitet|institut|instituto|
istituto|fundación|fundação|fondation|stiftung|partido|parti|partei|ministerio|ministère|banco|banque|
economics|securities|advisory|consulting|consultancy|analytics|sputnik|interfax|tass|xinhua|afp|
""")

# Heads of anonymous or collective sources: such subjects are no one ("experts say").
ANONYMOUS_HEADS = _words("""
expert|experts|analyst|analysts|source|sources|observer|observers|official|officials|
people|critics|insiders|diplomats|commentators|pundits|economists|scientists|researchers|
witnesses|residents|voters|some|many|others|someone|everyone|nobody|media|reports|polls|
""")

# Determiners that make a role noun phrase point back to a known person ("the pundit said").

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words("""
mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|adm|rev|st|jr|sr|no|vs|etc|inc|ltd|co|corp|
u.s|u.k|u.n|e.g|i.e|a.m|p.m|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mt|ft|approx|
""")

# Attribution verbs that are not frames of their own here but start a second frame after a clause
# ("said he would X and criticized Y").
SECONDARY_CUES = forms_with("secondary")

# Participles that open a frame of their own after a comma (", arguing that ...", ", adding ...").
FRAME_PARTICIPLES = participles_with("participle")

# Words that open an aside after a comma, ending the reported clause (", which ...", ", although ...").
CLAUSE_BREAK_WORDS = _words("which|who|whom|whose|although|though|even though|even as|whereas")

# Subject pronouns: a clause starts with one ("said he would ...").
SUBJECT_PRONOUNS = _words("he|she|they|it|we|i|you|there")

# Auxiliaries and modals that make a word run a finite clause ("the plan would fail").
FINITE_MARKERS = _words("""
would|will|could|can|may|might|must|should|shall|is|was|are|were|has|have|had|did|does|do|
isn't|wasn't|won't|wouldn't|can't|couldn't|don't|doesn't|didn't|hasn't|haven't|hadn't|aren't|
weren't|shouldn't|’s|'s
""")

# First words that never open a reported clause after a bare verb ("said to", "said when", "said nothing").
CLAUSE_OPENERS_NOT = _words("""
to|in|on|at|of|about|with|for|by|as|and|but|or|so|this|that|then|during|after|before|from|into|
over|yes|no|nothing|something|anything|when|what|why|how|where|whether|if|because|while|goodbye|
hello|thanks|sorry
""")

# Time words of adjuncts between a verb and its clause ("said Thursday morning that").
TIME_WORDS = _words("""
monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|
afternoon|evening|night|week|weekend|month|year|earlier|later|recently
""")

# Cues whose bare object is the reported content itself ("said the plan would fail", "acknowledged the
# risk"); after other verbs ("added a note", "hoped so") only a real clause counts.
BARE_OBJECT_CUES = forms_with("bare_object")

# Party nouns that describe a person in an appositive ("Dianne Feinstein, Democrat of California,").
PARTY_NOUNS = _words("democrat|republican|independent|libertarian|conservative|liberal|socialist|tory|labour")

# Opinion frames whose content goes on over the next unframed sentences of the paragraph
# ("Roe believes that X. Y."); plain news cues ("said", "noted", "attacked") do not carry on.
OPINION_CUES = forms_with("opinion")

# Cues that take an object ("criticized Tulsa, Okla., police"): never a parenthetical frame "X, he said, Y".
NOT_ASIDE_CUES = forms_with("takes_object")

# Noun compounds whose first word is a reporting verb: never a frame ("a Washington think tank, said").
NOUN_COMPOUNDS = _words("think tank|think tanks|think-tank|think-tanks")

# Nouns of a sentence that hands the previous sentence to its source ("This is the opinion of X.").
BACKREF_NOUNS = _words("opinion|view|views|assessment|conclusion|position|belief|forecast|prediction|verdict")

# Passive verbs of the same hand-back ("This was stated by X.", "This view was expressed by X.").
BACKREF_PASSIVES = forms_with("handback")
