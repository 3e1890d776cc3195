namespace GrievanceDesk.Domain.Cases;

/// <summary>Where a supervision order (督办单) came from.</summary>
public enum SupervisionSource
{
    /// <summary>Issued by a leader by hand (领导督办).</summary>
    Leader,
    /// <summary>Issued by the office by hand.</summary>
    Office,
    /// <summary>The escalation ladder's first step: overdue by +3 working days (default), from the office.</summary>
    Escalation,
    /// <summary>The case was reopened twice (docs/product.md §3).</summary>
    Reopen,
    /// <summary>The escalation ladder's second step: overdue by +10 working days (default), 领导督办, listed in the briefing.</summary>
    LeaderEscalation,
}

/// <summary>督办单: an order to the responsible unit to finish a case, shown on the timeline and in the briefing.</summary>
public sealed class SupervisionOrder
{
    private SupervisionOrder()
    {
    }

    internal SupervisionOrder(SupervisionSource source, int? unitId, string note, string issuedBy, DateTime issuedAtUtc)
    {
        Source = source;
        UnitId = unitId;
        Note = note;
        IssuedBy = issuedBy;
        IssuedAtUtc = issuedAtUtc;
    }

    public long Id { get; private set; }
    public SupervisionSource Source { get; private set; }

    /// <summary>The unit the order is addressed to: the responsible unit when it was issued (null while undispatched).</summary>
    public int? UnitId { get; private set; }
    public string Note { get; private set; } = string.Empty;
    public string IssuedBy { get; private set; } = string.Empty;
    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Leader supervision (领导督办), by hand or by the ladder.</summary>
    public bool IsLeaderSupervision => Source is SupervisionSource.Leader or SupervisionSource.LeaderEscalation;
}
