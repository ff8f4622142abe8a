from .harvest import (  # noqa: F401
    CollatedFinding,
    ConsolidationRecord,
    Evaluation,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    EvaluationSubmission,
    Finding,
    ItemTemplate,
    RecordVersion,
    ReportTheme,
    Section,
    Takeaway,
    TakeawayAuthor,
)
from .outcome import Report, ReportSection  # noqa: F401
