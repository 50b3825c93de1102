"""Lexicons for attribution: speech verbs, quotation marks, and the words that tell what kind
of source a name or description is.

Everything here is general English news usage, not tied to any one situation: the same lists
serve a flood in Pakistan or an election in Brazil. Matching is on lower-cased lemmas or words.
"""

from __future__ import annotations

import itertools
import re

#: Lemmas of verbs that introduce speech or a stated position (``X said``, ``X warned that``).
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "state", "add", "note", "stress", "emphasise", "emphasize", "assert",
        "warn", "deny", "claim", "explain", "argue", "insist", "announce", "declare", "remark",
        "observe", "highlight", "acknowledge", "confirm", "admit", "conclude", "write", "reply",
        "respond", "suggest", "urge", "predict", "accuse", "allege", "maintain", "reiterate",
        "tweet", "comment", "answer", "recall", "elaborate", "dismiss", "contend", "caution",
        "estimate", "report", "indicate", "affirm", "underline", "underscore", "vow", "pledge",
        "promise", "threaten", "complain", "concede", "disclose", "reveal", "charge", "demand",
        "describe", "characterize", "characterise", "mention", "point", "believe", "think",
        "testify", "assure", "counter", "retort", "lament", "boast", "quip", "shout",
        "whisper", "exclaim", "joke", "ask", "call", "attribute", "signal", "reject", "hope",
        "express", "denounce", "condemn", "welcome", "praise", "criticise", "criticize",
        "blame", "voice", "forecast", "propose", "recommend", "appeal",
    }
)

#: Verbs that introduce words in quotation marks but report nothing without them:
#: ``"...," Carson continued``, ``He echoed: "..."``, ``the sign read: "..."``. They are cues
#: of direct quotes only (``continued to rise`` is no statement).
QUOTE_ONLY_VERBS: frozenset[str] = frozenset(
    {
        "continue", "echo", "read", "recount", "chime", "interject", "muse", "scoff", "snap",
        "sneer", "yell", "scream", "plead", "opine", "reason", "gush", "marvel", "fume",
        "sigh", "laugh", "recollect", "reminisce", "rant", "thunder", "proclaim",
        "summarize", "summarise", "cry", "bark", "crow", "pronounce", "intone", "chant",
    }
)

#: Speech verbs that only count with a clausal or quoted complement: alone they name an act
#: (``called for an inquiry``, ``described a night``), not a statement.
NEEDS_CONTENT: frozenset[str] = frozenset(
    {
        "describe", "characterize", "characterise", "call", "ask", "believe", "think", "hope",
        "report", "write", "reject", "dismiss", "attribute", "signal", "demand", "point",
        "mention", "answer", "respond", "reply", "charge", "estimate", "indicate", "promise",
        "pledge", "vow", "threaten", "recall", "express", "denounce", "condemn", "welcome",
        "praise", "criticise", "criticize", "blame", "voice", "propose", "recommend", "appeal",
        "forecast",
    }
)

#: Verbs of belief, knowledge and perception whose clausal complement is an attributed
#: position (``X believes that ...``, ``the poll shows that ...``). They count only with a
#: clause, never alone, and never as the cue of a quotation in marks.
COGNITION_VERBS: frozenset[str] = frozenset(
    {
        "believe", "think", "know", "expect", "fear", "feel", "worry", "hope", "agree",
        "doubt", "suspect", "assume", "guess", "recognize", "recognise", "realize", "realise",
        "understand", "learn", "find", "show", "suggest", "indicate", "reveal", "remember",
        "imagine", "wonder", "consider", "figure", "decide", "determine", "conclude", "prove",
        "suppose", "trust", "bet", "see", "hear", "read", "acknowledge", "insist", "predict",
        "speculate", "contend", "concede", "presume", "question", "sense", "notice",
    }
)

#: Verbs whose ``to``-infinitive complement is an attributed intention or appeal
#: (``vowed to repeal``, ``wants to build``, ``urged Congress to act``).
INTENTION_VERBS: frozenset[str] = frozenset(
    {
        "vow", "pledge", "promise", "threaten", "want", "plan", "hope", "urge",
        "ask", "intend", "agree", "offer", "propose", "demand", "call", "expect",
        "wish", "seek", "aim", "swear", "warn", "encourage", "advise", "beg", "implore",
        "appeal", "insist", "claim", "tell", "order", "invite", "challenge",
    }
)

#: Speech verbs whose plain object is the statement (``stressed the need to ...``).
OBJECT_CONTENT: frozenset[str] = frozenset(
    {"stress", "emphasise", "emphasize", "highlight", "underline", "underscore", "reiterate",
     "deny", "acknowledge", "confirm", "admit", "note", "announce", "praise", "criticize",
     "criticise", "condemn", "denounce", "blame", "dismiss", "reject", "predict", "demand",
     "question", "defend", "endorse", "support", "oppose", "back", "slam", "accuse", "attack",
     "mock", "tout", "cite", "repeat", "welcome", "thank", "congratulate",
     "recommend", "propose", "urge", "promise", "pledge", "vow", "threaten", "want",
     "suggest", "concede", "express", "voice"}
)

#: Verbs that make the phrase ``X said`` a *citation* of X when X is a publication.
REPORT_VERBS: frozenset[str] = frozenset(
    {"report", "say", "write", "publish", "quote", "cite", "claim", "reveal", "add"}
)

#: Opening quotation mark -> the closing marks that may end it. Straight marks close
#: themselves; the low-high German/Polish style and guillemets in both directions are kept.
#: A straight and a curly double mark may pair (``“Our roads are crumbling," she said``), as
#: copy pasted together from several sources writes them.
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    '"': ('"', "”"),
    "“": ("”", "“", '"'),
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    "‹": ("›",),
    "``": ("''",),
    # Two apostrophes standing for a double mark (``''We won,'' she said``), as some wire
    # and newspaper archives write them.
    "''": ("''",),
    "'": ("'",),
    "‘": ("’",),
    "‚": ("‘", "’"),
}

#: Opening marks whose closing mark doubles as an apostrophe, so they need extra care.
SINGLE_MARKS: frozenset[str] = frozenset({"'", "‘", "‚", "''"})

#: Personal pronouns a speaker can be, by what they may refer to.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them", "we", "it"})

#: Heads of noun phrases that describe a person by role (``the official``, ``the researcher``).
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "official", "officer", "spokesman", "spokeswoman", "spokesperson", "minister",
        "secretary", "president", "director", "chairman", "chair", "chief", "commander",
        "general", "diplomat", "ambassador", "envoy", "lawmaker", "senator", "governor", "mayor",
        "analyst", "expert", "researcher", "scientist", "scholar", "professor", "economist",
        "engineer", "doctor", "witness", "resident", "villager", "farmer", "teacher", "lawyer",
        "source", "aide", "adviser", "advisor", "leader", "head", "politician", "activist",
        "journalist", "correspondent", "editor", "member", "representative", "negotiator",
        "coordinator", "hydrologist", "historian", "academic", "observer", "man", "woman",
        "candidate", "nominee", "front-runner", "frontrunner", "hopeful", "rival", "opponent",
        "challenger", "incumbent", "congressman", "congresswoman", "legislator", "premier",
        "chancellor", "king", "queen", "prince", "emir", "businessman", "businesswoman",
        "billionaire", "mogul", "tycoon", "host", "anchor", "actor", "actress", "singer",
        "veteran", "student", "mother", "father", "wife", "husband", "son", "daughter",
        "chairwoman", "justice", "judge", "prosecutor", "attorney", "sheriff",
        "commissioner", "strategist", "pollster", "consultant", "founder", "executive", "ceo",
        "manager", "owner", "priest", "pastor", "imam", "bishop", "pope", "rapper", "star",
        "republican", "democrat", "socialist", "conservative", "liberal", "progressive",
    }
)

#: Heads that name a group of people speaking together (``the sources``, ``officials``).
GROUP_NOUNS: frozenset[str] = frozenset(
    {
        "source", "sources", "official", "officials", "authorities", "authority", "people",
        "residents", "villagers", "witnesses", "experts", "analysts", "diplomats", "leaders",
        "members", "workers", "agencies", "group", "groups", "government", "ministry",
        "office", "spokesman", "spokeswoman", "spokesperson", "representatives", "police",
        "army", "military", "forces", "department", "administration", "team", "teams",
    }
)

# --------------------------------------------------------------------------- source kinds

#: Wire services (lower-cased names and common abbreviations).
WIRE_AGENCIES: frozenset[str] = frozenset(
    {
        "reuters", "associated press", "ap", "the associated press", "afp",
        "agence france-presse", "agence france presse", "anadolu", "anadolu agency", "aa",
        "xinhua", "tass", "ria novosti", "ria", "interfax", "dpa", "deutsche presse-agentur",
        "efe", "ansa", "kyodo", "kyodo news", "yonhap", "pti", "press trust of india", "ani",
        "uni", "app", "associated press of pakistan", "irna", "sana", "wafa", "mena", "bernama",
        "antara", "sputnik", "kuna", "qna", "spa", "saudi press agency", "pa media", "aap",
        "bloomberg", "upi", "united press international", "europa press", "lusa", "notimex",
        "ips", "ihlas news agency", "dha", "ukrinform", "unian", "petra", "apa", "trend",
        "azertac", "isna", "fars", "tasnim", "mehr", "nna", "xinhua news agency", "jiji",
        "agencia brasil", "telam", "prensa latina", "efe news",
    }
)

#: Words that make a name look like a publication or broadcaster.
OUTLET_WORDS: frozenset[str] = frozenset(
    {
        "news", "times", "post", "daily", "tribune", "herald", "journal", "gazette",
        "chronicle", "observer", "telegraph", "guardian", "wire", "press", "media", "radio",
        "tv", "television", "broadcasting", "broadcast", "dispatch", "ledger",
        "sentinel", "monitor", "bulletin", "review", "magazine", "newspaper", "express",
        "independent", "mail", "mirror", "star", "standard", "today", "eye", "weekly",
        "courier", "reporter", "inquirer", "insider", "politico", "agency", "channel",
        "newsweek", "economist", "kommersant", "izvestia", "pravda", "al-monitor", "gazeta",
        "hurriyet", "sabah", "zeit", "spiegel", "monde", "figaro", "pais", "corriere",
        "repubblica", "jazeera", "arabiya", "asharq", "haaretz", "dawn", "globe", "nation",
        "hindu", "statesman", "register", "bee", "sun", "examiner", "record", "recorder",
    }
)

#: Nouns that mark a common-noun phrase as a publication (``the newspaper``, ``local media``).
OUTLET_NOUNS: frozenset[str] = frozenset(
    {"newspaper", "daily", "outlet", "broadcaster", "channel", "agency", "magazine", "media",
     "website", "portal", "tabloid", "weekly", "paper"}
)

#: Domain-like names (``Caliber.Az``, ``News.az``) are almost always online outlets.
DOMAIN_NAME = re.compile(r"^[\w-]+\.(?:[a-z]{2,3}|com|net|org|info|news)$", re.IGNORECASE)

#: Words that make a source governmental.
GOVERNMENT_WORDS: frozenset[str] = frozenset(
    {
        "ministry", "minister", "ministers", "government", "governments", "official",
        "officials", "spokesman", "spokeswoman", "spokesperson", "president", "presidency",
        "prime", "cabinet", "kremlin", "white house", "embassy", "ambassador", "police",
        "army", "military", "authority", "authorities", "department", "office", "council",
        "parliament", "senate", "congress", "assembly", "governor", "mayor", "state",
        "federal", "provincial", "municipal", "administration", "commission", "secretary",
        "diplomat", "diplomatic", "foreign", "defence", "defense", "interior", "rangers",
        "forces", "navy", "air force", "intelligence", "agency", "court", "judge", "chancellor",
        "king", "emir", "sultan", "regime",
    }
)

#: Words that make a person a subject-matter expert.
EXPERT_WORDS: frozenset[str] = frozenset(
    {
        "expert", "experts", "analyst", "analysts", "researcher", "researchers", "scientist",
        "scientists", "scholar", "professor", "economist", "academic", "historian",
        "hydrologist", "think tank", "institute", "university", "center", "centre", "fellow",
        "specialist", "political scientist", "consultant", "lecturer", "engineer", "doctor",
    }
)

#: Words that make a source a non-governmental organisation.
ORGANISATION_WORDS: frozenset[str] = frozenset(
    {
        "observatory", "alliance", "network", "committee", "foundation", "association",
        "union", "federation", "organisation", "organization", "group", "movement", "party",
        "coalition", "society", "watch", "amnesty", "red cross", "red crescent", "ngo", "fund",
        "programme", "program", "mission", "league", "council", "company", "corporation",
    }
)

#: Heads that, with no name attached, make a source anonymous.
ANONYMOUS_HEADS: frozenset[str] = frozenset(
    {
        "source", "sources", "official", "officials", "diplomat", "diplomats", "people",
        "insider", "insiders", "aide", "aides", "officer", "officers", "engineer",
        "member", "members", "adviser", "advisers", "advisor",
    }
)

#: Phrases that make any description anonymous (``who asked not to be named``).
ANONYMITY_PHRASES: tuple[str, ...] = (
    "not to be named", "not to be identified", "condition of anonymity", "anonymity",
    "declined to be named", "speaking anonymously", "requested anonymity", "unnamed",
    "familiar with", "close to", "briefed on", "with knowledge of",
)

#: Modifiers of an anonymous source that are not its affiliation.
NON_AFFILIATION: frozenset[str] = frozenset(
    {"a", "an", "the", "some", "two", "three", "several", "many", "senior", "junior", "top",
     "high", "high-ranking", "ranking", "other", "one", "four", "five", "few", "unnamed",
     "anonymous", "former", "current", "local", "certain"}
)

#: Heads of phrases that are occasions, not sources (``told a news conference``).
NON_SOURCE_HEADS: frozenset[str] = frozenset(
    {"conference", "briefing", "meeting", "session", "rally", "hearing", "audience", "crowd",
     "reporters", "journalists", "gathering", "summit", "forum", "event", "ceremony"}
)

#: Generic audiences: ``told reporters`` is no citation of an outlet.
GENERIC_AUDIENCES: frozenset[str] = frozenset(
    {"reporters", "journalists", "media", "press", "the press", "the media", "news agencies",
     "a news conference", "a press conference", "local media", "state media", "foreign media",
     "lawmakers", "parliament", "supporters", "crowd", "the crowd", "residents", "him", "her",
     "them", "us", "me", "you"}
)


def words_of(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters, digits, hyphens and dots kept inside words)."""
    return re.findall(r"[\w][\w.\-']*", text.casefold())


def looks_like_outlet(name: str, known_outlets: frozenset[str] = frozenset()) -> bool:
    """Whether ``name`` reads as the name of a publication or broadcaster."""
    folded = name.casefold().strip()
    if folded.startswith("the "):
        folded = folded[4:]
    if folded in known_outlets or folded in WIRE_AGENCIES:
        return True
    if DOMAIN_NAME.match(folded):
        return True
    tokens = words_of(folded)
    return bool(tokens) and (tokens[-1] in OUTLET_WORDS or tokens[-1] in OUTLET_NOUNS)


def source_kind(text: str, label: str | None = None,
                known_outlets: frozenset[str] = frozenset(), head: str | None = None) -> str:
    """Classify a cited source: outlet, agency, government, organisation, expert, anonymous.

    ``label`` is the entity label of the name when one was recognised (PERSON, ORG, ...).
    Anonymous first: a named person or body is never anonymous, so the check asks for no
    proper name (no capitalised head) as well as an anonymous head word or phrase.
    """
    folded = " ".join(words_of(text))
    bare = folded[4:] if folded.startswith("the ") else folded
    if bare in WIRE_AGENCIES:
        return "agency"
    if looks_like_outlet(text, known_outlets):
        return "outlet"
    tokens = words_of(text)
    tokens += [t[:-1] for t in tokens if t.endswith("s") and len(t) > 3]  # crude plurals
    head = (head or (words_of(text) or [""])[-1]).casefold()
    if label != "PERSON" and (
        any(p in folded for p in ANONYMITY_PHRASES)
        or (head in ANONYMOUS_HEADS and not _has_proper_name(text))
    ):
        return "anonymous"
    if any(word in EXPERT_WORDS for word in _phrases(tokens)):
        return "expert"
    if any(word in GOVERNMENT_WORDS for word in _phrases(tokens)):
        return "government"
    if any(word in ORGANISATION_WORDS for word in _phrases(tokens)):
        return "organisation"
    if label == "PERSON":
        return "expert"
    if label in {"GPE", "NORP"}:
        return "government"
    return "organisation"


def affiliation_of(text: str) -> str | None:
    """The affiliation words of an anonymous source: ``Turkish security`` for ``Turkish
    security sources``, ``Western security`` for ``a Western security official``."""
    kept: list[str] = []
    for word in re.findall(r"[\w][\w.\-']*", text):
        lower = word.casefold()
        if lower in ANONYMOUS_HEADS:
            break
        if lower in NON_AFFILIATION:
            continue
        kept.append(word)
    return " ".join(kept) or None


def _phrases(tokens: list[str]) -> list[str]:
    """Single words and adjacent pairs, so two-word lexicon entries match too."""
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _has_proper_name(text: str) -> bool:
    """A capitalised word that is not the first word nor an adjective of nationality-like
    form is taken as a proper name (``Ministry of Defence sources`` is not anonymous)."""
    words = re.findall(r"[\w][\w.\-']*", text)
    for word in words[1:] if words else []:
        lower = word.casefold()
        if word[:1].isupper() and lower not in NON_AFFILIATION and not lower.endswith(
            ("ish", "ian", "ese", "an", "i", "ern", "ic")
        ):
            return True
    return False
