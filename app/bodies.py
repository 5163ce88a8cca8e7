"""Request bodies of the curation API. Every model refuses members it does not know (422 naming them).

A patch is a JSON merge patch (RFC 7396): the members given are set, the others left alone. A member
given as null is refused where the field cannot be empty (a statement's status, kind, expert), and
clears it where it can (an expert's nationality; a list's null is the empty list).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.schemas import MAX_ID, NO_NUL, SLUG, Status

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
