"""Request bodies of the writes, and the change feed's shapes; every field described for the docs page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas import MAX_ID, NO_NUL, DocumentDetail, Page, PageParams, StatementPublic

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
