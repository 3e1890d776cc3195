using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

/// <summary>What happened to a case, as the statistics count it (docs/statistics.md).</summary>
public enum StatsEventKind
{
    /// <summary>受理: the office received the case (dated by when it was received, which may precede registration).</summary>
    Received,

    /// <summary>交办: sent to a unit (each dispatch and re-dispatch).</summary>
    Dispatched,

    /// <summary>响应: the response completed (acceptance, plus first contact where the case has a contact stage); <see cref="StatsEvent.OnTime"/> when within the deadlines.</summary>
    Responded,

    /// <summary>办结: closed; <see cref="StatsEvent.OnTime"/> when resolved within the handle deadline.</summary>
    Closed,

    /// <summary>回访: a return visit, with <see cref="StatsEvent.Solved"/> and <see cref="StatsEvent.Satisfied"/>.</summary>
    ReturnVisit,

    /// <summary>重办: reopened by a dissatisfied return visit.</summary>
    Reopened,

    /// <summary>督办: a supervision order issued.</summary>
    Escalated,

    /// <summary>重复件: marked a repeat of an earlier case.</summary>
    Repeat,
}

/// <summary>
/// One event of a case as the statistics count it (统计事件), recorded by the aggregate when it happens, with the
/// case's unit, category, region and channel at that moment. Append-only, like the timeline: a later reopen adds a
/// <see cref="StatsEventKind.Reopened"/> event and never changes the <see cref="StatsEventKind.Closed"/> one, so the
/// figures of a past period never change.
/// </summary>
public sealed class StatsEvent
{
    private StatsEvent()
    {
    }

    internal StatsEvent(StatsEventKind kind, DateTime atUtc, Case of, bool onTime = false, bool solved = false, bool satisfied = false)
    {
        Kind = kind;
        AtUtc = ChinaTime.AsUtc(atUtc);
        Day = ChinaTime.DateOf(AtUtc);
        UnitId = of.UnitId;
        CategoryId = of.CategoryId;
        RegionId = of.RegionId;
        Channel = of.Channel;
        Collective = of.IsCollective;
        OnTime = onTime;
        Solved = solved;
        Satisfied = satisfied;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public StatsEventKind Kind { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The CST day of <see cref="AtUtc"/>: the day the daily rollup counts it on.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The responsible unit then; null while the case was in the dispatcher queue (the office's own).</summary>
    public int? UnitId { get; private set; }

    public int CategoryId { get; private set; }

    public int RegionId { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>A collective petition (集体访).</summary>
    public bool Collective { get; private set; }

    public bool OnTime { get; private set; }

    public bool Solved { get; private set; }

    /// <summary>Satisfied or basically satisfied (满意 + 基本满意).</summary>
    public bool Satisfied { get; private set; }

    /// <summary>
    /// For a case received and routed in one go (intake): the receipt (and its marking as a repeat) counts for the
    /// unit routing sent it to. Only before the event is saved; a saved event is never changed.
    /// </summary>
    internal void AttributeTo(int unitId)
    {
        if (Id == 0 && Kind is StatsEventKind.Received or StatsEventKind.Repeat)
        {
            UnitId = unitId;
        }
    }

    /// <summary>An event reconstructed from a case's stamps by the rollup rebuild, for cases saved before events were kept.</summary>
    public static StatsEvent Reconstructed(long caseId, StatsEventKind kind, DateTime atUtc, int? unitId, int categoryId, int regionId, Channel channel,
        bool collective, bool onTime = false, bool solved = false, bool satisfied = false)
    {
        var at = ChinaTime.AsUtc(atUtc);
        return new StatsEvent
        {
            CaseId = caseId,
            Kind = kind,
            AtUtc = at,
            Day = ChinaTime.DateOf(at),
            UnitId = unitId,
            CategoryId = categoryId,
            RegionId = regionId,
            Channel = channel,
            Collective = collective,
            OnTime = onTime,
            Solved = solved,
            Satisfied = satisfied,
        };
    }
}
