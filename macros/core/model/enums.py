"""The closed vocabularies of the model: every value needs a label in each language (data/i18n)."""

from __future__ import annotations

from enum import Enum


class Provenance(str, Enum):
    source = "source"  # stated in a named source
    synthesis = "synthesis"  # the site's own analysis, drawing on the cited sources


class SourceKind(str, Enum):
    report = "report"
    law = "law"
    regulation = "regulation"
    policy = "policy"
    code = "code"
    standard = "standard"
    press_release = "press-release"
    case_study = "case-study"
    statistics = "statistics"
    web_page = "web-page"


class SourceStatus(str, Enum):
    """Where a law, code or standard stands today (as of the source's `checked` date)."""

    in_force = "in-force"
    amended = "amended"  # in force, in a later amended version
    superseded = "superseded"  # replaced by another source (superseded_by)
    repealed = "repealed"
    historical = "historical"  # a record of its time (e.g. an old code version), not a rule today


# Kinds whose status a reader acts on: each must say when its status was last checked.
STATUS_KINDS = frozenset({"law", "regulation", "code", "policy", "standard"})


class Jurisdiction(str, Enum):
    """Whose rule it is: the whole country, Guangdong province or Shenzhen city."""

    national = "national"
    guangdong = "guangdong"
    shenzhen = "shenzhen"


class Verification(str, Enum):
    """How a rule's level was verified on its `checked` day."""

    official_text = "official-text"  # the official text itself (for Chinese law, the Chinese original)
    reprint = "reprint"  # a reprint of the official text by another site
    secondary = "secondary"  # a report about it (press, a summary), not the text


class Unit(str, Enum):
    """What a rule's value counts; each unit is a label (data/i18n, `rule_unit.<unit>`) with {n}."""

    days = "days"
    hours = "hours"
    hours_per_day = "hours-per-day"
    hours_per_week = "hours-per-week"
    hours_per_month = "hours-per-month"
    days_per_week = "days-per-week"
    percent = "percent"
    rmb_per_month = "rmb-per-month"
    rmb_per_hour = "rmb-per-hour"
    months = "months"
    years = "years"
    years_of_age = "years-of-age"


class OrganisationKind(str, Enum):
    government = "government"
    industry_association = "industry-association"
    buyer_coalition = "buyer-coalition"
    multilateral = "multilateral"
    consultancy = "consultancy"
    foundation = "foundation"


class Area(str, Enum):
    policy = "policy"
    monitoring = "monitoring"
    purchasing = "purchasing"
    management_systems = "management-systems"
    worker_engagement = "worker-engagement"
    capability_building = "capability-building"
    collaboration = "collaboration"
    environment = "environment"


class Priority(str, Enum):
    high = "high"
    medium = "medium"


class Timeframe(str, Enum):
    first_steps = "first-steps"
    within_a_year = "within-a-year"
    longer_term = "longer-term"


class Level(str, Enum):
    immediate = "immediate"
    underlying = "underlying"
    systemic = "systemic"


class Track(str, Enum):
    """Which strand of the story a dated event belongs to (the timeline draws one marker shape per track)."""

    project = "project"  # the FIAS–BSR project itself
    law = "law"  # laws, regulations and public policy
    industry = "industry"  # industry codes, coalitions and their shared tools


class DateKind(str, Enum):
    in_force = "in-force"  # the day it took effect
    issued = "issued"  # the day it was adopted or published (when it takes effect later, or has no such day)
    renamed = "renamed"  # the day an organisation took a new name


# The sections of the RBA Code of Conduct, version 8.0 (in force 1 January 2024): A labour, B health and
# safety, C environment, D ethics, E management system. Their names are labels (data/i18n, `rba.<code>`).
RbaSection = Enum(  # type: ignore[misc]
    "RbaSection",
    {c: c for c in [*(f"A{i}" for i in range(1, 8)), *(f"B{i}" for i in range(1, 8)),
                    *(f"C{i}" for i in range(1, 9)), *(f"D{i}" for i in range(1, 9)),
                    *(f"E{i}" for i in range(1, 13))]},
    type=str,
)
