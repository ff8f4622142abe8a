"""The models of the reports app, one module per sub-domain; Django finds them through this package."""

from .collation import CollatedFinding, ReportTheme  # noqa: F401
from .evaluation import (  # noqa: F401
    Evaluation,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    EvaluationSubmission,
)
from .feedback import SessionFeedback  # noqa: F401
from .findings import (  # noqa: F401
    ConsolidationRecord,
    Finding,
    FindingKind,
    FindingsTemplate,
    RecordVersion,
    Takeaway,
    TakeawayAuthor,
)
from .outcome import Report, ReportSection  # noqa: F401
