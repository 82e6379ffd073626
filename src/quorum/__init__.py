"""quorum: replay a French council sitting from its attendance record and audit its tallies.

>>> import datetime, quorum
>>> sitting = quorum.Sitting(
...     body="Conseil municipal", date=datetime.date(2026, 1, 15), in_office=5,
...     agenda=quorum.Agenda(["1", "2"]),
...     members=[quorum.Member(name=n) for n in ("A", "B", "C", "D", "E")],
...     attendance=[quorum.Attendance.present("A"), quorum.Attendance.present("B"),
...                 quorum.Attendance.present("C", quorum.Window.until_question(1)),
...                 quorum.Attendance.absent("D"), quorum.Attendance.absent("E")],
...     proxies=[quorum.Proxy(giver="D", holder="A")],
... )
>>> state = sitting.at("2")
>>> state.present, state.represented, state.voters, state.quorum, state.quorum_met
(2, 1, 3, 3, False)
"""

from importlib import metadata as _metadata

# The display and the chart provide the views of the model when imported (quorum._views).
from quorum import display, plot  # noqa: F401
from quorum.auditing import AuditReport, Finding, TallyCheck, audit, tally_outcome
from quorum.batch import RecordResult, audit_many, audit_record
from quorum.engine import ProxyStatus, ProxyUse, QuestionState, Replay, explain, replay
from quorum.errors import (
    AmbiguousMemberError,
    AmbiguousNameError,
    AttendanceChangeError,
    DetachedStateError,
    DuplicateAttendanceError,
    DuplicateMemberError,
    InOfficeError,
    InvertedWindowError,
    MissingExtraError,
    NameMatchError,
    NoTallyError,
    OverlappingProxiesError,
    PresentAndAbsentError,
    QuorumError,
    ReadProblem,
    RecordError,
    SelfProxyError,
    SittingError,
    TitularAndSubstituteError,
    UnknownMemberError,
    UnknownNameError,
    UnknownQuestionError,
    UsageError,
    UsageTypeError,
)
from quorum.jsonio import (
    JSONFormatError,
    replay_from_json,
    replay_to_json,
    sitting_from_json,
    sitting_to_json,
    to_json,
)
from quorum.model import (
    Agenda,
    Attendance,
    BodyKind,
    Deliberation,
    Disagreement,
    ElectionRound,
    Fact,
    HeaderCounts,
    Location,
    MatchReason,
    Member,
    Proxy,
    PublishedTally,
    ReadNote,
    Reconciliation,
    RecordOrigin,
    Sitting,
    Window,
)
from quorum.reader import read_record, read_records
from quorum.rules import (
    CGCT,
    DEFAULT_CALENDAR,
    HEALTH_EMERGENCY,
    HEALTH_EMERGENCY_REPRESENTED,
    RuleCalendar,
    RulePeriod,
    RuleSet,
    rules_for,
)
from quorum.scdl import scdl_rows, write_scdl
from quorum.writer import in_record_order, render_record

try:  # one version source: pyproject.toml, as installed
    __version__ = _metadata.version("quorum")
except _metadata.PackageNotFoundError:  # a source tree on sys.path, never installed
    __version__ = "0+inconnue"

__all__ = [
    "CGCT",
    "DEFAULT_CALENDAR",
    "HEALTH_EMERGENCY",
    "HEALTH_EMERGENCY_REPRESENTED",
    "Agenda",
    "AmbiguousMemberError",
    "AmbiguousNameError",
    "Attendance",
    "AttendanceChangeError",
    "AuditReport",
    "BodyKind",
    "Deliberation",
    "DetachedStateError",
    "Disagreement",
    "DuplicateAttendanceError",
    "DuplicateMemberError",
    "ElectionRound",
    "Fact",
    "Finding",
    "HeaderCounts",
    "InOfficeError",
    "InvertedWindowError",
    "JSONFormatError",
    "Location",
    "MatchReason",
    "Member",
    "MissingExtraError",
    "NameMatchError",
    "NoTallyError",
    "OverlappingProxiesError",
    "PresentAndAbsentError",
    "Proxy",
    "ProxyStatus",
    "ProxyUse",
    "PublishedTally",
    "QuestionState",
    "QuorumError",
    "ReadNote",
    "ReadProblem",
    "Reconciliation",
    "RecordError",
    "RecordOrigin",
    "RecordResult",
    "Replay",
    "RuleCalendar",
    "RulePeriod",
    "RuleSet",
    "SelfProxyError",
    "Sitting",
    "SittingError",
    "TallyCheck",
    "TitularAndSubstituteError",
    "UnknownMemberError",
    "UnknownNameError",
    "UnknownQuestionError",
    "UsageError",
    "UsageTypeError",
    "Window",
    "audit",
    "audit_many",
    "audit_record",
    "explain",
    "in_record_order",
    "read_record",
    "read_records",
    "render_record",
    "replay",
    "replay_from_json",
    "replay_to_json",
    "rules_for",
    "scdl_rows",
    "sitting_from_json",
    "sitting_to_json",
    "tally_outcome",
    "to_json",
    "write_scdl",
]
