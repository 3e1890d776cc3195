using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// That one step of the escalation ladder (预警, 超期, 督办, 领导督办) has happened for one deadline of one case.
/// The database holds a unique key on (case, step, deadline): whatever runs the sweep, however often and on however
/// many instances, the second attempt at the same step fails to insert and does nothing.
/// </summary>
public sealed class EscalationRecord
{
    private EscalationRecord()
    {
        Stage = string.Empty;
    }

    public EscalationRecord(long caseId, DeadlineStage stage, DateTime deadlineUtc, EscalationStep step, DateTime atUtc)
    {
        CaseId = caseId;
        Stage = stage.Slug();
        DeadlineUtc = deadlineUtc;
        Step = step;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }

    /// <summary>Which clock, by its <see cref="DeadlineStages.Slug"/>: accept, handle or feedback.</summary>
    public string Stage { get; private set; }

    public DateTime DeadlineUtc { get; private set; }
    public EscalationStep Step { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The same step recorded for <paramref name="caseId"/>: a step taken on a case before it had its id (the demo seeder's past).</summary>
    public EscalationRecord ForCase(long caseId) => new()
    {
        CaseId = caseId,
        Stage = Stage,
        DeadlineUtc = DeadlineUtc,
        Step = Step,
        AtUtc = AtUtc,
    };
}
