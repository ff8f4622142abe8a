"""The models of the observatory, one module per sub-domain; Django finds them through this package."""

from .commitments import (  # noqa: F401
    Commitment,
    CommitmentUpdate,
    DatePrecision,
    FocalPoint,
    Status,
    StatusChange,
)
from .entries import CountryTally, Entry, EntryCountry, SourceEvent  # noqa: F401
from .library import DocumentCountry, LibraryDocument  # noqa: F401
from .taxonomy import Region, ReportThemeMapping, Term  # noqa: F401
