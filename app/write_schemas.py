"""Request bodies of the writes, and the change feed's shapes; every field described for the docs page.

The curation bodies refuse members they do not know (422 naming them). A patch is a JSON merge patch
(RFC 7396): the members given are set, the others left alone. A member given as null is refused where
the field cannot be empty (a statement's status, kind, expert), and clears it where it can (an expert's
nationality; a list's null is the empty list).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.schemas import MAX_ID, NO_NUL, SLUG, DocumentDetail, Page, PageParams, StatementPublic, Status

# Some character that is neither white space, a byte-order mark nor NUL, and no NUL anywhere: a text
# that a reader would not call empty, and that PostgreSQL can store.
SOME_TEXT = r"^[^\x00]*[^\s\x00\ufeff][^\x00]*$"
ENTITIES = ("document", "statement", "expert", "key")


class DocumentIn(BaseModel):
    """A document to extract and store: `POST /v1/documents` as JSON."""

    model_config = ConfigDict(extra="forbid", regex_engine="python-re")
    title: str = Field(max_length=1000, pattern=SOME_TEXT, description="The title.", examples=["Ankara and Baku"])
    text: str = Field(pattern=SOME_TEXT, description="The article's text (CRLF is turned into LF; statement "
                      "offsets index the text as stored).",
                      examples=["Ankara and Baku\n\nThe corridor will pay off, said Ayla Demir, an economist."])
    outlet: str | None = Field(None, max_length=200, pattern=NO_NUL, description="The publishing outlet.",
                               examples=["Reuters"])
    url: str | None = Field(None, max_length=2000, pattern=NO_NUL, description="The original article's address.",
                            examples=["https://example.com/a"])
    published: date | None = Field(None, strict=True, description="Publication date, YYYY-MM-DD.",
                                   examples=["2026-12-01"])


class DocumentWithStatements(DocumentDetail):
    statements: list[StatementPublic] = Field(description="Every statement extracted from the document, by id.")


class ChangeParams(PageParams):
    """Parameters of /v1/changes."""

    after: int = Field(0, ge=0, le=MAX_ID, examples=[120],
                       description="Only events after this sequence number: the last `seq` seen (0: from the start).")
    cursor: str | None = Field(None, max_length=10, pattern=r"^[0-9]+$", examples=["170"],
                               description="The `next_cursor` of a previous page: the `seq` of its last event, so "
                               "`cursor=N` reads as `after=N` (and wins over `after`).")
    entity: Literal[ENTITIES] | None = Field(  # type: ignore[valid-type]
        None, description="Only events of this kind of entity.", examples=["document"])


class ChangePublic(BaseModel):
    seq: int = Field(description="Sequence number: events are numbered in the order their writes committed.")
    at: datetime = Field(description="When the write happened (UTC).")
    actor: str = Field(description="Who wrote: the API key's name, or 'cli' for the command line.")
    entity: Literal[ENTITIES] = Field(description="What kind of thing changed.")  # type: ignore[valid-type]
    entity_id: int = Field(description="The id of the thing that changed.")
    action: str = Field(description="created, updated, deleted, merged, annotated, reextracted or revoked.")
    changes: dict[str, list[Any]] = Field(description="Each changed field as [before, after] (null: none).")


class ChangePage(Page[ChangePublic]):
    next_cursor: str | None = Field(description="The `seq` of this page's last event, as a string, when more events "
                                    "follow now; null when this page reached the end of the feed.")
    last_seq: int = Field(description="The `seq` of this page's last event (or `after` when it is empty): poll again "
                          "with `after` set to it.")


Slug = Annotated[str, Field(pattern=SLUG, max_length=100)]
ExpertId = Annotated[int, Field(ge=1, le=MAX_ID)]
Text = Annotated[str, Field(min_length=1, max_length=300, pattern=NO_NUL)]
Name = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\x00]*[^\W\d_][^\x00]*$")]  # a letter


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def given(self) -> dict:
        """The members the client sent, with their values."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class StatementPatch(Body):
    """A merge patch of a statement: each member given is set by hand and marked curated."""

    status: Status = Field(None, description="'accepted', 'rejected' (hidden from the default lists and counts) "
                                             "or 'unreviewed'.", examples=["rejected"])
    expert_id: ExpertId = Field(None, description="Who said it (an existing expert's id).", examples=[2])
    kind: Literal["direct", "indirect"] = Field(None, description="'direct' or 'indirect'.", examples=["indirect"])
    topics: list[Slug] = Field(None, max_length=50, description="The statement's topics (slugs of existing topics); "
                                                                "replaces the extracted ones.", examples=[["energy"]])

    @field_validator("topics")
    @classmethod
    def distinct(cls, value: list[str] | None) -> list[str] | None:
        return sorted(set(value)) if value is not None else None


class StatementCreate(Body):
    """A statement the extractor missed, given by its span in the document's text."""

    document_id: ExpertId = Field(description="The document (id).", examples=[1])
    start: int = Field(ge=0, le=MAX_ID, description="Start offset in the document's text (code points).",
                       examples=[120])
    end: int = Field(ge=1, le=MAX_ID, description="End offset, exclusive; the span lies within one line.",
                     examples=[180])
    expert_id: ExpertId = Field(description="Who said it (an existing expert's id).", examples=[2])
    kind: Literal["direct", "indirect"] = Field(description="'direct' or 'indirect'.", examples=["direct"])
    cue: Text | None = Field(None, description="The attribution cue as written ('said').", examples=["said"])
    topics: list[Slug] | None = Field(None, max_length=50, description="Topics (slugs) set by hand; without them "
                                      "the statement is annotated like an extracted one.", examples=[["energy"]])


Names = Annotated[list[Text], Field(max_length=100)]


class ExpertPatch(Body):
    """A merge patch of an expert: each member given is set by hand and marked curated."""

    name: Name = Field(None, description="Full name (with a letter); no other expert may have it.",
                       examples=["Ilham Aliyev"])
    nationality: Text | None = Field(None, description="Nationality as written; null clears it.",
                                     examples=["Azerbaijani"])
    countries: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]] | None = Field(
        None, max_length=20, description="ISO 3166-1 alpha-2 codes; null or [] clears them.", examples=[["AZ"]])
    roles: Names | None = Field(None, description="Roles; null or [] clears them.", examples=[["president"]])
    affiliations: Names | None = Field(None, description="Organisations; null or [] clears them.",
                                       examples=[["New Azerbaijan Party"]])


class ExpertMerge(Body):
    """Where a duplicate expert goes."""

    into: ExpertId = Field(description="The expert that stays (an existing id other than the merged one).",
                           examples=[2])
