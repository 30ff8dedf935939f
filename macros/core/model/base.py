"""The model's building blocks: ids, dates, texts in every written language, references, the record base class."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, create_model
from pydantic_core import PydanticCustomError

from macros.core.languages import WRITTEN, derive, written_source
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
    Field(description="A page path relative to each language's docs folder, e.g. guides/worker-engagement.md."),
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


M = TypeVar("M", bound=BaseModel)


def keyed_by_language(
    base: type[M], value: Any, default_factory: Callable[[], Any] | None = None, **after: Any
) -> type[M]:
    """`base` with one field per written language (macros/core/languages.py), each of type `value`
    (required unless `default_factory`): the YAML keeps `{en: …, zh: …}` and a missing language is
    named by its field, as any field is. `after` adds fields behind them (pydantic's (type, default))."""
    fields: dict[str, Any] = {
        code: (value, ... if default_factory is None else Field(default_factory=default_factory)) for code in WRITTEN
    }
    return create_model(
        base.__name__.lstrip("_"), __base__=base, __module__=base.__module__, __doc__=base.__doc__, **fields, **after
    )


class _Text(Strict):
    """A human-readable text, in every written language."""

    def __call__(self, lang: str) -> str:
        """The text in `lang`; a derived language's is converted from its source (and cached there)."""
        own = self.__dict__.get(lang)
        return own if own is not None else derive(lang, self.__dict__[written_source(lang)])


if TYPE_CHECKING:
    Text = _Text
else:
    Text = keyed_by_language(_Text, NonEmpty)


class Record(Strict):
    id: Id
