"""The model's building blocks: ids, dates, texts in both languages, references, the record base class."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from macros.core.languages import derive, written_source
from macros.core.limits import MAX_TEXT_CHARS

# Ids become folder and file names (short links, the offline zip): Windows refuses these names.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def problem(key: str, **context: str) -> PydanticCustomError:
    """A validation error named by its message key in data/messages/<lang>.yml (the loader words it in the
    contributor's language); the key is also pydantic's own text, so nothing English is kept here."""
    return PydanticCustomError(key, key, context)


def _not_reserved(value: str) -> str:
    if value in WINDOWS_RESERVED:
        raise problem("kb.id_reserved", value=value)
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    AfterValidator(_not_reserved),
    Field(description="Unique id: lower-case letters, digits and hyphens; used in links, so never change it."),
]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)]
_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateText = Annotated[
    str,
    # YAML reads a bare year (`date: 2007`) as a number: accept it, and say so in the JSON Schema.
    BeforeValidator(
        lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v,
        json_schema_input_type=Annotated[int, Field(ge=1000, le=9999)]
        | Annotated[str, StringConstraints(pattern=_DATE_PATTERN)],
    ),
    StringConstraints(pattern=_DATE_PATTERN),
    Field(description="A date as YYYY, YYYY-MM or YYYY-MM-DD."),
]


def _real_day(value: str) -> str:
    try:
        date.fromisoformat(value)  # 2024-02-30 matches the pattern but is no date
    except ValueError:
        raise problem("value.day_real", value=value) from None
    return value


DayText = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"),
    AfterValidator(_real_day),
    Field(description="A day as YYYY-MM-DD."),
]
def _plain_url(value: str) -> str:
    from macros.core.urls import url_problem

    wrong = url_problem(value)
    if wrong:
        raise problem("kb.url", detail=wrong)
    return value


Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$"), AfterValidator(_plain_url)]
ReviewMonths = Annotated[
    int, Field(ge=1, le=120, description="Months after `checked` when the fact is due for review (default 12).")
]
PagePath = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$"),
    Field(description="A page path relative to docs/en and docs/zh, e.g. guides/worker-engagement.md."),
]


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record of another kind."""

    kind: str


def ref(kind: str, *, many: bool = True, at_least: int = 0) -> Any:
    """A reference field (or list of them) to records of `kind`."""
    description = f"The id of a record in data/{kind}.yml."
    if many:
        return Annotated[
            list[Annotated[Id, Ref(kind)]],
            Field(min_length=at_least, description=f"The ids of records in data/{kind}.yml."),
        ]
    return Annotated[Id, Ref(kind), Field(description=description)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Strict):
    """A human-readable text, always in both languages."""

    en: NonEmpty
    zh: NonEmpty

    def __call__(self, lang: str) -> str:
        written = written_source(lang)  # a derived language (zh-Hant) is converted from its source
        return derive(lang, str(getattr(self, written)))


class Record(Strict):
    id: Id
