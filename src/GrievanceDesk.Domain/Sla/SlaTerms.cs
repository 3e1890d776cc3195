using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Sla;

/// <summary>Which body of rules a case's clocks follow (docs/product.md §4).</summary>
public enum SlaTrack
{
    /// <summary>信访事项: 信访工作条例 (2022) arts. 22–36. Visits, letters and transfers by default.</summary>
    Petition,

    /// <summary>接诉即办: the 12345 hotline practice (DB11/T 2021—2022). Calls and online cases by default.</summary>
    Hotline,
}

/// <summary>
/// The stage periods and escalation ladder of an SLA policy: what a case's deadlines are computed from.
/// A value, copied onto nothing; the case keeps its policy id and its computed deadlines.
/// </summary>
public sealed record SlaTerms(
    SlaDuration Accept,
    SlaDuration? Contact,
    SlaDuration Handle,
    SlaDuration Feedback,
    int MaxExtensionDays,
    DurationUnit ExtensionUnit,
    TimeSpan WarnBefore,
    int SupervisionAfterWorkingDays = 3,
    int LeaderSupervisionAfterWorkingDays = 10)
{
    /// <summary>A unit that says "not ours" must return the case within this many working days of dispatch (docs/product.md §3).</summary>
    public const int ReturnWindowWorkingDays = 5;
}
