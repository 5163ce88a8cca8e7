"""Response shapes and query-parameter models; every field is described for the docs page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model, field_validator

T = TypeVar("T")

MAX_ID = 2**31 - 1  # ids are INTEGER columns: signed 32-bit on PostgreSQL (SQLite's hold 64)
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
# q: terms separated by spaces; a term is a word (no space, quote or *), prefix* or "a phrase" (no * inside)
TERM = r'("[^"*]*"|[^ "*]+\*?)'
SEARCH_SYNTAX = rf"^ *{TERM}( +{TERM})* *$"
SEARCH_HELP = ("not a search: words, prefix*, \"a phrase\" separated by spaces "
               "(quotes in pairs, '*' only at the end of a word)")
SORT_FIELDS = ("id", "published", "expert", "sentiment", "document", "relevance")


def comma_list(names: Sequence[str], sign: str = "") -> str:
    """The pattern of a comma list of these names (each optionally preceded by a sign character)."""
    one = f"{sign}({'|'.join(names)})"
    return f"^{one}(,{one})*$"


Limit = Field(50, ge=1, le=500, description="Items per page (1-500).", examples=[50])
Cursor = Field(None, max_length=1000, pattern=r"^[A-Za-z0-9_-]*$", examples=["WyJpZCIsNTBd"],
               description="Opaque cursor from a previous page's `next_cursor` (also in its `Link: rel=next`).")


RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", re.IGNORECASE)


def moment_in_utc(value: object) -> object:
    """An RFC 3339 date-time (never a bare date or a number of seconds) as an aware UTC datetime."""
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not RFC3339.fullmatch(value):
        raise ValueError("not an RFC 3339 date-time with its offset, such as 2026-12-02T15:00:00Z")
    try:
        return datetime.fromisoformat(value.upper()).astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError("not a date-time within years 1 to 9999 (in UTC)") from None


UpdatedSince = Annotated[datetime | None, BeforeValidator(moment_in_utc), Field(
    None, examples=["2026-12-02T15:00:00Z"],
    description="Only rows created or changed at or after this moment (RFC 3339, e.g. 2026-12-02T15:00:00Z).")]


class Page(BaseModel, Generic[T]):
    items: list[T] = Field(description="This page's items.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class PageParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = Limit
    cursor: str | None = Cursor


class DocumentFilters(PageParams):
    """Filters of /v1/documents."""

    updated_since: UpdatedSince


class DocumentPublic(BaseModel):
    id: int = Field(description="Document id.")
    title: str = Field(description="Title (first line of a text file, or the metadata's title).")
    outlet: str | None = Field(description="Publishing outlet, when known.")
    url: str | None = Field(description="Address of the original article, when known.")
    published: date | None = Field(description="Publication date, when known.")
    sha256: str = Field(description="SHA-256 of the text; re-ingesting the same text changes nothing.")
    source: str = Field(description="The file (or file#row) the document was read from.")
    statement_count: int = Field(description="Statements extracted from the document.")


class DocumentDetail(DocumentPublic):
    text: str = Field(description="The text verbatim (UTF-8, LF line ends); statement offsets index it.")


def curation_marks() -> dict:
    """The fields that say what a person changed by hand through the API (kept through re-annotation and
    re-extraction), by whom and when; each model gets its own copies."""
    return {
        "curated": (bool, Field(description="Whether a person has set any field by hand.")),
        "curated_fields": (list[str], Field(description="The fields a person set (e.g. ['status', 'topics']).")),
        "curated_by": (str | None, Field(description="The name of the API key that last set a field; null if never.")),
        "curated_at": (datetime | None, Field(description="When a field was last set by hand; null if never.")),
    }


class ExpertFacts(BaseModel):
    id: int = Field(description="Expert id.")
    name: str = Field(description="Full name as written.")
    aliases: list[str] = Field(description="Other forms of the name seen in documents.")
    nationality: str | None = Field(description="Nationality as written (e.g. 'Turkish-Kazakh').")
    countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes of the nationality.")
    roles: list[str] = Field(description="Roles as introduced (e.g. 'political analyst').")
    affiliations: list[str] = Field(description="Organisations the expert is introduced with.")
    statement_count: int = Field(description="Statements attributed to the expert.")


ExpertPublic = create_model("ExpertPublic", __base__=ExpertFacts, __doc__="An expert.", **curation_marks())


class ExpertRef(BaseModel):
    id: int = Field(description="Expert id.")
    name: str = Field(description="Full name.")


STATUSES = ("unreviewed", "accepted", "rejected")
Status = Literal["unreviewed", "accepted", "rejected"]


class StatementFacts(BaseModel):
    id: int = Field(description="Statement id.")
    document_id: int = Field(description="The document the statement comes from.")
    expert: ExpertPublic | ExpertRef = Field(
        description="Who said it: id and name, or the whole expert with expand=expert."
    )
    kind: Literal["direct", "indirect"] = Field(description="'direct' (quoted) or 'indirect' (reported).")
    text: str = Field(description="The words: equals document.text[start:end].")
    start: int = Field(description="Start offset in the document text (code points).")
    end: int = Field(description="End offset, exclusive.")
    paragraph: int = Field(description="0-based line index of `start` in the document.")
    cue: str | None = Field(description="The attribution cue as written ('said', 'According to').")
    topics: list[str] = Field(description="Slugs of the topics the statement is about.")
    topic_evidence: dict[str, list[str]] = Field(description="For each topic, the terms that matched.")
    countries: list[str] = Field(description="ISO alpha-2 codes of the countries the statement mentions.")
    sentiment: float | None = Field(description="Tone from -1 (negative) to 1 (positive).")
    forward_looking: bool = Field(description="Whether the statement is about what will or should happen.")
    sieve: str = Field(description="The speaker sieve that linked the words to the expert ('quotation/name', "
                                   "'interviewee', 'block', ...).")
    confidence: float = Field(description="How often that sieve is right (0-1), measured on held-out articles.")
    status: Status = Field(description="A person's verdict: 'unreviewed', 'accepted', or 'rejected' (a rejected "
                                       "statement leaves the lists and counts unless asked for with status=).")
    origin: Literal["extracted", "manual"] = Field(description="'extracted' (found by the extractor) or 'manual' "
                                                               "(added by a person).")
    snippet: str | None = Field(None, description="With q: the matching words in context, marked with <mark>.")
    document: DocumentPublic | None = Field(None, description="With expand=document: the document, without text.")


StatementPublic = create_model("StatementPublic", __base__=StatementFacts, __doc__="A statement.",
                               **curation_marks())


class FacetValue(BaseModel):
    value: str | int = Field(description="The value (a slug, an expert id, an ISO code, a kind, an outlet).")
    label: str | None = Field(None, description="A readable name for the value, where it has one.")
    count: int = Field(description="Matching statements with this value.")


# With fields=, an item holds the fields asked for and no other: the same fields, none required.
StatementFields = create_model(
    "StatementFields",
    __doc__="A statement with only the fields asked for with `fields=`.",
    **{name: (field.annotation, Field(None, description=field.description))
       for name, field in StatementPublic.model_fields.items()},
)


class StatementPage(Page[StatementPublic | StatementFields]):
    facets: dict[str, list[FacetValue]] | None = Field(None, description="With facet=: counts per value.")
    total: int | None = Field(None, description="With total=true: how many statements match in all.")


class TopicPublic(BaseModel):
    slug: str = Field(description="Stable identifier.")
    label: str = Field(description="Display name.")
    description: str = Field(description="What the topic covers.")
    terms: list[str] = Field(description="Terms and phrases that assign the topic.")
    statement_count: int = Field(description="Statements about the topic.")


class HealthStatus(BaseModel):
    status: Literal["ok"] = Field(description="'ok' when the service and its database answer.")


COUNTRY_CODE = r"^[A-Za-z]{2}$"  # ISO 3166-1 alpha-2, either case


class ExpertFilters(PageParams):
    """Filters of /v1/experts."""

    country: str | None = Field(
        None, pattern=COUNTRY_CODE, description="Only experts of this country (ISO alpha-2).", examples=["IL"]
    )
    updated_since: UpdatedSince


# StatementFilters fields that shape the answer without narrowing the matching statements
PAGE_SHAPING = {"limit", "cursor", "sort", "facet", "facet_size", "total", "fields", "expand", "topic_mode"}


class StatementFilters(PageParams):
    """Filters of /v1/statements; all combine with AND."""

    expert: int | None = Field(None, ge=1, le=MAX_ID, description="Only statements by this expert (id).", examples=[1])
    document: int | None = Field(None, ge=1, le=MAX_ID, description="Only statements from this document (id).",
                                 examples=[1])
    topic: list[Annotated[str, Field(pattern=SLUG, max_length=100)]] = Field(
        default_factory=list, description="Topic slug; repeat for several (see topic_mode).", examples=[["energy"]]
    )
    topic_mode: Literal["any", "all"] = Field(
        "any", description="With several `topic`: any of them, or all.", examples=["all"]
    )
    country: str | None = Field(
        None,
        pattern=COUNTRY_CODE,
        description="Only statements by experts of this country (ISO alpha-2).",
        examples=["DE"],
    )
    mentions: str | None = Field(
        None,
        pattern=COUNTRY_CODE,
        description="Only statements that mention this country (ISO alpha-2).",
        examples=["RU"],
    )
    kind: Literal["direct", "indirect"] | None = Field(
        None, description="Direct quotations or reported speech.", examples=["direct"]
    )
    forward_looking: bool | None = Field(
        None, description="Only statements that look ahead (true) or not (false).", examples=[True]
    )
    sentiment_min: float | None = Field(None, ge=-1, le=1, description="Lowest sentiment, -1..1.", examples=[0.2])
    sentiment_max: float | None = Field(None, ge=-1, le=1, description="Highest sentiment, -1..1.", examples=[1])
    confidence_min: float | None = Field(None, ge=0, le=1, description="Lowest attribution confidence, 0..1.",
                                         examples=[0.8])
    status: list[Status] = Field(
        default_factory=list, examples=[["rejected"]],
        description="Only statements with this review status (repeatable). Default: every status but 'rejected'.",
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=500,
        pattern=SEARCH_SYNTAX,
        examples=['"energy security" sanction*'],
        description='Full-text search: terms separated by spaces, all of which must match: a word, a prefix*, '
        '"a phrase". Stemmed. A term without a letter or digit is left out.',
    )
    outlet: str | None = Field(None, pattern=NO_NUL, description="Only statements from documents of this outlet.",
                               examples=["Reuters"])
    updated_since: UpdatedSince
    sort: str | None = Field(
        None,
        pattern=comma_list(SORT_FIELDS, sign="[-+]?"),
        examples=["-published,expert"],
        description="Comma list of id, published, expert, sentiment, document, relevance (only with q); '-' for "
        "descending; each field once. Default: relevance with q, else id. Ties end on id; nulls sort last.",
    )
    facet: list[Literal["topic", "expert", "country", "mentions", "kind", "outlet"]] = Field(
        default_factory=list,
        examples=[["topic", "country"]],
        description="Count the matching statements by these fields (repeatable); answered in `facets`.",
    )
    facet_size: int = Field(20, ge=1, le=200, description="Values per facet, most frequent first.", examples=[20])
    total: bool = Field(
        False, description="Also count every matching statement (exact: costs a scan of the matches).", examples=[True]
    )
    fields: str | None = Field(
        None, examples=["id,text,expert"], description="Comma list of item fields to return (sparse fieldset).",
        pattern=comma_list(list(StatementPublic.model_fields)),
    )
    expand: str | None = Field(
        None,
        pattern=comma_list(["expert", "document"]),
        examples=["expert,document"],
        description="Comma list: 'expert' (the whole expert), 'document' (the document, without its text).",
    )

    @field_validator("q", mode="before")  # before the pattern: say what the syntax is
    @classmethod
    def readable_search(cls, value: object) -> object:
        if isinstance(value, str) and value and not re.fullmatch(SEARCH_SYNTAX, value):
            raise ValueError(SEARCH_HELP)
        return value

    @field_validator("sort", mode="before")
    @classmethod
    def known_sort_fields(cls, value: object) -> object:
        if isinstance(value, str):
            check_csv(value.replace("-", "").replace("+", ""), set(SORT_FIELDS))  # the names, signs aside
        return value

    @field_validator("fields", mode="before")  # before the pattern: name the unknown field
    @classmethod
    def known_fields(cls, value: str | None) -> str | None:
        return check_csv(value, set(StatementPublic.model_fields))

    @field_validator("expand", mode="before")
    @classmethod
    def known_expansions(cls, value: str | None) -> str | None:
        return check_csv(value, {"expert", "document"})

    def field_list(self) -> list[str] | None:
        return split_csv(self.fields) or None

    def lone_topic(self) -> str | None:
        """The topic's slug when one topic is all that narrows the set (other fields only shape the page)."""
        narrowing = self.model_dump(exclude=PAGE_SHAPING, exclude_defaults=True)
        return self.topic[0] if len(self.topic) == 1 and narrowing.keys() == {"topic"} else None

    def expansions(self) -> set[str]:
        return set(split_csv(self.expand))


class TopicExpert(BaseModel):
    id: int = Field(description="Expert id.")
    name: str = Field(description="Full name.")
    statement_count: int = Field(description="The expert's statements on the topic.")
    average_sentiment: float | None = Field(description="Mean sentiment of those statements.")


class ExpertTopic(BaseModel):
    slug: str = Field(description="Topic slug.")
    label: str = Field(description="Topic name.")
    statement_count: int = Field(description="The expert's statements on the topic.")
    average_sentiment: float | None = Field(description="Mean sentiment of those statements.")


def split_csv(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def check_csv(value: object, allowed: set[str]) -> object:
    """Validate a comma list against allowed names (the error names the first unknown one)."""
    unknown = [part for part in split_csv(value) if part not in allowed] if isinstance(value, str) else []
    if unknown:
        raise ValueError(f"unknown {unknown[0]!r}; choose from {', '.join(sorted(allowed))}")
    return value


class ProblemParam(BaseModel):
    param: str = Field(description="The parameter at fault.")
    msg: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (`application/problem+json`)."""

    type: str = Field(description="The problem type: '/problems/invalid-parameter' (422), '/problems/not-found' "
                                  "(404), '/problems/not-acceptable' (406), or 'about:blank' (the status says it).")
    title: str = Field(description="The status's phrase.")
    status: int = Field(description="The HTTP status.")
    detail: str = Field(description="What went wrong, for a person.")
    param: str | None = Field(None, description="With invalid-parameter: the (first) parameter at fault.")
    errors: list[ProblemParam] | None = Field(None, description="With invalid-parameter: every parameter at fault.")
    offered: list[str] | None = Field(None, description="With not-acceptable: the media types offered.")
    accepted: list[str] | None = Field(None, description="With unsupported-media-type (415): the body types taken.")
    limit: int | None = Field(None, description="With content-too-large (413): the largest body taken, in bytes.")


class AnnotationPage(BaseModel):
    """A page of W3C Web Annotations (JSON-LD)."""

    model_config = ConfigDict(populate_by_name=True)
    context: str = Field(alias="@context", description="The Web Annotation JSON-LD context.")
    id: str = Field(description="This page's address.")
    type: Literal["AnnotationPage"] = Field(description="'AnnotationPage'.")
    items: list[dict] = Field(description="One Annotation per statement, in statement order.")
    next: str | None = Field(None, description="The next page's address; absent on the last page.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
