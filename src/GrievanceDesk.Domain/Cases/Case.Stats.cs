namespace GrievanceDesk.Domain.Cases;

// The statistics events (统计事件) the aggregate records as it changes; what each counts is in docs/statistics.md.
public sealed partial class Case
{
    private readonly List<StatsEvent> _statsEvents = [];

    /// <summary>Append-only: what the figures count, recorded when it happened.</summary>
    public IReadOnlyCollection<StatsEvent> StatsEvents => _statsEvents.AsReadOnly();

    /// <summary>
    /// 按期办结: on time is judged by the resolution (办结, the end of the unit's work), not by the close: the last
    /// mile after it has its own feedback deadline. A case resolved without acceptance (answered on the spot, not
    /// accepted) is held to its accept deadline.
    /// </summary>
    public static bool ResolvedOnTime(DateTime? resolvedAtUtc, DateTime? handleDeadlineUtc, DateTime acceptDeadlineUtc) =>
        resolvedAtUtc is { } resolved && resolved <= (handleDeadlineUtc ?? acceptDeadlineUtc);

    /// <summary>
    /// 及时响应: accepted (or, without acceptance, resolved at the desk) by the accept deadline and, where the case has
    /// a contact stage and somebody to contact, the complainant first reached by the contact deadline.
    /// </summary>
    public static bool RespondedOnTime(DateTime respondedAtUtc, DateTime acceptDeadlineUtc, DateTime? contactDeadlineUtc, DateTime? firstContactAtUtc) =>
        respondedAtUtc <= acceptDeadlineUtc && (contactDeadlineUtc is null || firstContactAtUtc <= contactDeadlineUtc);

    private bool HasContactStage => ContactDeadlineUtc is not null && !IsAnonymous;

    private void RecordStats(StatsEventKind kind, DateTime atUtc, bool onTime = false, bool solved = false, bool satisfied = false) =>
        _statsEvents.Add(new StatsEvent(kind, atUtc, this, onTime, solved, satisfied));

    /// <summary>
    /// The response completes at acceptance, or, where the case has a contact stage, at the first reached contact
    /// (whichever comes last); resolved at the desk without acceptance, at the resolution. Called by those three.
    /// </summary>
    private void RecordResponse(DateTime atUtc, DateTime respondedAtUtc) =>
        RecordStats(StatsEventKind.Responded, atUtc,
            onTime: RespondedOnTime(respondedAtUtc, AcceptDeadlineUtc, HasContactStage ? ContactDeadlineUtc : null, FirstContactAtUtc));
}
