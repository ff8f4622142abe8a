from .harvest import (  # noqa: F401
    CollatedFinding,
    ConsolidationRecord,
    Evaluation,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    EvaluationSubmission,
    Finding,
    RecordVersion,
    ReportTheme,
    Section,
    Takeaway,
)
from .outcome import Report, ReportSection  # noqa: F401
