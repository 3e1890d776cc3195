using System.Linq.Expressions;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Stats;

// One grouped row per query: the group key (unit, category or region id; the channel's enum value) and its counts.
public sealed record IntakeCounts(int? Key, int Received, int Repeats, int Collective);

public sealed record DispatchCounts(int? Key, int Dispatched);

public sealed record ClosureCounts(int? Key, int Closed, int ClosedOnTime);

public sealed record ResponseCounts(int? Key, int Due, int Responded);

public sealed record ReturnVisitCounts(int? Key, int Visited, int Solved, int Satisfied, int Reopened);

public sealed record EscalationCounts(int? Key, int Issued);

public sealed record StockCounts(int? Key, int Open, int Overdue);

// Rows of the briefing's lists, each bounded by a Take.
public sealed record OverdueRow(long CaseId, string TrackingNo, string Subject, string? UnitName, DateTime? HeldDeadlineUtc, bool LeaderSupervision, bool Supervised);

public sealed record PausedRow(string TrackingNo, string? UnitName, string Reason, DateTime StartedAtUtc);

public sealed record CollectiveRow(string TrackingNo, string Subject, int HeadCount, string? UnitName);

public sealed record DissatisfiedRow(string TrackingNo, string? ComplainantName, string? UnitName, string? Note);

public sealed record AddressCount(string Address, int Cases);

public sealed record CategoryCount(int CategoryId, int Cases);

public sealed record HotIssueCandidate(long CaseId, string TrackingNo, int CategoryId, string Subject, string Address, DateTime ReceivedAtUtc);

/// <summary>
/// Every statistic of SPEC §5 as an <see cref="IQueryable{T}"/> that runs in the database as one grouped SQL query
/// (GROUP BY with COUNT/SUM), never as rows counted in memory, on SQLite and SQL Server alike. Each query filters on
/// one indexed timestamp of the period, so its cost grows with the rows in the period, not with the table; the stock
/// query (open, overdue) reads the cases open at the period's end plus those closed since.
/// <para>The definitions, which every figure and the briefing share:</para>
/// <list type="bullet">
/// <item><b>received</b> 受理: cases whose <c>ReceivedAtUtc</c> (when the office got it; may precede registration) is in the period,
/// duplicates and repeats included. <b>repeat rate</b> 重复信访率 = of those, marked a repeat (重复件) ÷ received.
/// <b>collective petitions</b> 集体访 = of those, head count ≥ 5.</item>
/// <item><b>dispatched</b> 交办: cases whose current dispatch (<c>DispatchedAtUtc</c>; a re-dispatch moves it, a return clears it) is in the period.</item>
/// <item><b>closed</b> 办结: cases whose close (<c>ClosedAtUtc</c>) is in the period and still stands (a reopen clears it; the case
/// counts again when it closes again). <b>on-time closure rate</b> 按期办结率 = of those, resolved (办结, the end of the handle stage)
/// no later than the handle deadline as extended and shifted by pauses (the accept deadline for a case resolved without
/// acceptance: answered on the spot, not accepted) ÷ closed. <b>closed late</b> 超期办结 = closed − closed on time.</item>
/// <item><b>response rate</b> 响应率 = responded ÷ due. A case is <b>due</b> in the period when its accept deadline falls in the
/// period and its response deadlines have passed: the accept deadline (before the period's end and before now) and, where
/// the case has one (the policy has a contact stage and the case was dispatched), the contact deadline (before now).
/// It <b>responded</b> when it was accepted (or, without acceptance, resolved at the desk: answered on the spot, not
/// accepted) by the accept deadline and, where there is a contact deadline, the complainant was first reached by it
/// (an anonymous case has nobody to reach). Merged duplicates are never due.</item>
/// <item><b>resolution rate</b> 解决率 = return visits in the period (<c>AtUtc</c>) where the complainant says the problem is solved ÷
/// return visits in the period; <b>satisfaction rate</b> 满意率 = (satisfied + basically satisfied) ÷ the same visits.
/// Anonymous cases are left out of both (they have nobody to ask).</item>
/// <item><b>reopen rate</b> 重办率 = reopens in the period ÷ (closed + reopens in the period). A reopen is a dissatisfied return visit
/// in the period, which reopens the case (重办) and so undoes one close: adding it back to the closes keeps the rate
/// within 0–100 % and counts each closure once.</item>
/// <item><b>escalations</b> 督办: supervision orders (督办单) issued in the period (<c>IssuedAtUtc</c>): the escalation ladder's,
/// a leader's or the office's, and those of a second reopen.</item>
/// <item><b>open</b> 在办 (stock, at <see cref="StatsPeriod.AsOfUtc"/>): received before then, not merged, and not closed by then.
/// <b>overdue</b> 超期 = of those, the deadline the case was held to then (<see cref="HeldDeadlineAt"/>) had passed.
/// Reconstructed from the case's stamps: a close that a later reopen cleared is not seen, and deadlines are as they
/// stand now (extensions and pause shifts applied).</item>
/// </list>
/// Grouped by <see cref="StatsDimension"/>, every case-based figure uses the case's own unit (now), category, region
/// and channel. The office total is the sum of the channel groups: every case has exactly one channel.
/// </summary>
public sealed class StatsQueries(IAppDbContext db, int? unitScope = null)
{
    private static readonly Expression<Func<Case, int?>> ChannelKey = BuildChannelKey();

    public IQueryable<IntakeCounts> Intake(StatsPeriod period, StatsDimension by) =>
        Received(period)
            .Select(Keyed(by, (c, key) => new { Key = key, Repeat = c.IsRepeat ? 1 : 0, Collective = c.IsCollective ? 1 : 0 }))
            .GroupBy(r => r.Key)
            .Select(g => new IntakeCounts(g.Key, g.Count(), g.Sum(r => r.Repeat), g.Sum(r => r.Collective)));

    public IQueryable<DispatchCounts> Dispatches(StatsPeriod period, StatsDimension by)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .Where(c => c.DispatchedAtUtc >= start && c.DispatchedAtUtc < end)
            .Select(Keyed(by, (c, key) => new { Key = key }))
            .GroupBy(r => r.Key)
            .Select(g => new DispatchCounts(g.Key, g.Count()));
    }

    public IQueryable<ClosureCounts> Closures(StatsPeriod period, StatsDimension by)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .Where(c => c.ClosedAtUtc >= start && c.ClosedAtUtc < end)
            .Select(Keyed(by, (c, key) => new
            {
                Key = key,
                OnTime = c.ResolvedAtUtc != null && c.ResolvedAtUtc <= (c.HandleDeadlineUtc ?? c.AcceptDeadlineUtc) ? 1 : 0,
            }))
            .GroupBy(r => r.Key)
            .Select(g => new ClosureCounts(g.Key, g.Count(), g.Sum(r => r.OnTime)));
    }

    public IQueryable<ResponseCounts> Responses(StatsPeriod period, StatsDimension by)
    {
        // Due in the period: the accept deadline falls in it, and every response deadline has passed (a case due
        // tomorrow, or whose contact deadline is still ahead, is not yet late, and is counted once it is).
        var (start, end, now) = (period.StartUtc, period.AsOfUtc, period.NowUtc);
        return Cases()
            .Where(c => c.AcceptDeadlineUtc >= start && c.AcceptDeadlineUtc < end
                && c.Status != CaseStatus.Merged
                && (c.ContactDeadlineUtc == null || c.ContactDeadlineUtc < now))
            .Select(Keyed(by, (c, key) => new
            {
                Key = key,
                // An anonymous case has nobody to contact: acceptance on time is its whole response.
                Responded = (c.AcceptedAtUtc ?? c.ResolvedAtUtc) <= c.AcceptDeadlineUtc
                    && (c.ContactDeadlineUtc == null || c.IsAnonymous || c.FirstContactAtUtc <= c.ContactDeadlineUtc) ? 1 : 0,
            }))
            .GroupBy(r => r.Key)
            .Select(g => new ResponseCounts(g.Key, g.Count(), g.Sum(r => r.Responded)));
    }

    public IQueryable<ReturnVisitCounts> ReturnVisits(StatsPeriod period, StatsDimension by)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .Where(c => !c.IsAnonymous)
            .SelectMany(c => c.ReturnVisits.Where(v => v.AtUtc >= start && v.AtUtc < end), (c, v) => new CaseAnd<ReturnVisit> { Case = c, Item = v })
            .Select(KeyedVia(by, (CaseAnd<ReturnVisit> x, int? key) => new
            {
                Key = key,
                Solved = x.Item.Solved ? 1 : 0,
                Satisfied = x.Item.Satisfaction != Satisfaction.Dissatisfied ? 1 : 0,
                Reopened = x.Item.Satisfaction == Satisfaction.Dissatisfied ? 1 : 0,
            }))
            .GroupBy(r => r.Key)
            .Select(g => new ReturnVisitCounts(g.Key, g.Count(), g.Sum(r => r.Solved), g.Sum(r => r.Satisfied), g.Sum(r => r.Reopened)));
    }

    public IQueryable<EscalationCounts> Escalations(StatsPeriod period, StatsDimension by)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .SelectMany(c => c.SupervisionOrders.Where(o => o.IssuedAtUtc >= start && o.IssuedAtUtc < end), (c, o) => new CaseAnd<SupervisionOrder> { Case = c, Item = o })
            .Select(KeyedVia(by, (CaseAnd<SupervisionOrder> x, int? key) => new { Key = key }))
            .GroupBy(r => r.Key)
            .Select(g => new EscalationCounts(g.Key, g.Count()));
    }

    public IQueryable<StockCounts> Stock(StatsPeriod period, StatsDimension by)
    {
        var asOf = period.AsOfUtc;
        var overdueCutoff = CaseStates.OverdueCutoff(asOf); // the one definition of overdue (issue 12)
        return OpenAt(asOf)
            .Select(Keyed(by, asOf, (c, key, held) => new { Key = key, Overdue = held <= overdueCutoff ? 1 : 0 }))
            .GroupBy(r => r.Key)
            .Select(g => new StockCounts(g.Key, g.Count(), g.Sum(r => r.Overdue)));
    }

    /// <summary>
    /// The briefing's 超期与督办件: cases open at the period's end that were overdue then, or under a supervision order
    /// issued by then; most overdue first.
    /// </summary>
    public IQueryable<OverdueRow> OverdueOrSupervised(StatsPeriod period, int take)
    {
        var asOf = period.AsOfUtc;
        var overdueCutoff = CaseStates.OverdueCutoff(asOf); // the one definition of overdue (issue 12)
        return OpenAt(asOf)
            .Select(HeldAt(asOf, (c, held) => new { Case = c, HeldDeadlineUtc = held }))
            .Where(x => x.HeldDeadlineUtc <= overdueCutoff || x.Case.SupervisionOrders.Any(o => o.IssuedAtUtc < asOf))
            .OrderBy(x => x.HeldDeadlineUtc == null)
            .ThenBy(x => x.HeldDeadlineUtc)
            .ThenBy(x => x.Case.Id)
            .Take(take)
            .Select(x => new OverdueRow(
                x.Case.Id,
                x.Case.TrackingNo,
                x.Case.Subject,
                db.Units.Where(u => u.Id == x.Case.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.HeldDeadlineUtc,
                x.Case.SupervisionOrders.Any(o => o.IssuedAtUtc < asOf
                    && (o.Source == SupervisionSource.Leader || o.Source == SupervisionSource.LeaderEscalation)),
                x.Case.SupervisionOrders.Any(o => o.IssuedAtUtc < asOf)));
    }

    /// <summary>The briefing's 中止件: cases whose handle clock was stopped at the period's end, longest paused first.</summary>
    public IQueryable<PausedRow> PausedAt(StatsPeriod period, int take)
    {
        var asOf = period.AsOfUtc;
        return OpenAt(asOf)
            .SelectMany(c => c.Pauses.Where(p => p.StartedAtUtc < asOf && (p.EndedAtUtc == null || p.EndedAtUtc >= asOf)), (c, p) => new { Case = c, Pause = p })
            .OrderBy(x => x.Pause.StartedAtUtc)
            .ThenBy(x => x.Case.Id)
            .Take(take)
            .Select(x => new PausedRow(
                x.Case.TrackingNo,
                db.Units.Where(u => u.Id == x.Case.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.Pause.Reason,
                x.Pause.StartedAtUtc!.Value));
    }

    public IQueryable<CollectiveRow> CollectivePetitions(StatsPeriod period, int take) =>
        Received(period)
            .Where(c => c.IsCollective)
            .OrderBy(c => c.ReceivedAtUtc)
            .ThenBy(c => c.Id)
            .Take(take)
            .Select(c => new CollectiveRow(c.TrackingNo, c.Subject, c.HeadCount, db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault()));

    /// <summary>Dissatisfied return visits in the period (anonymous cases have none), with the first complainant's name, unmasked.</summary>
    public IQueryable<DissatisfiedRow> DissatisfiedVisits(StatsPeriod period, int take)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .Where(c => !c.IsAnonymous)
            .SelectMany(c => c.ReturnVisits.Where(v => v.AtUtc >= start && v.AtUtc < end && v.Satisfaction == Satisfaction.Dissatisfied),
                (c, v) => new { Case = c, Visit = v })
            .OrderBy(x => x.Visit.AtUtc)
            .ThenBy(x => x.Case.Id)
            .Take(take)
            .Select(x => new DissatisfiedRow(
                x.Case.TrackingNo,
                x.Case.Complainants.OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault(),
                db.Units.Where(u => u.Id == x.Case.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.Visit.Note));
    }

    /// <summary>Addresses with at least <paramref name="minimum"/> cases received in the period, busiest first (热点: one address).</summary>
    public IQueryable<AddressCount> BusyAddresses(StatsPeriod period, int minimum) =>
        Received(period)
            .Where(c => c.Address != "")
            .GroupBy(c => c.Address)
            .Where(g => g.Count() >= minimum)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => new AddressCount(g.Key, g.Count()));

    /// <summary>Categories with at least <paramref name="minimum"/> cases received in the period: where a subject can be hot.</summary>
    public IQueryable<CategoryCount> BusyCategories(StatsPeriod period, int minimum) =>
        Received(period)
            .GroupBy(c => c.CategoryId)
            .Where(g => g.Count() >= minimum)
            .Select(g => new CategoryCount(g.Key, g.Count()));

    /// <summary>The cases received in the period, newest first, for clustering by text (bounded by <paramref name="take"/>).</summary>
    public IQueryable<HotIssueCandidate> HotIssueCandidates(StatsPeriod period, int take) =>
        Received(period)
            .OrderByDescending(c => c.ReceivedAtUtc)
            .ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new HotIssueCandidate(c.Id, c.TrackingNo, c.CategoryId, c.Subject, c.Address, c.ReceivedAtUtc));

    /// <summary>
    /// The deadline a case was held to at instant <paramref name="asOf"/>, from its stamps: the feedback deadline once
    /// resolved (none once the complainant was reached after the resolution), the handle deadline once accepted (none
    /// while the handle clock was paused), else the accept deadline. At "now" this is the case's current deadline.
    /// </summary>
    public static Expression<Func<Case, DateTime?>> HeldDeadlineAt(DateTime asOf) =>
        c => c.ResolvedAtUtc != null && c.ResolvedAtUtc < asOf
            ? (c.Feedback.Any(f => f.Reached && f.Round == c.HandleRound && f.AtUtc >= c.ResolvedAtUtc && f.AtUtc < asOf)
                ? null
                : c.FeedbackDeadlineUtc)
            : c.AcceptedAtUtc != null && c.AcceptedAtUtc < asOf
                ? (c.Pauses.Any(p => p.StartedAtUtc < asOf && (p.EndedAtUtc == null || p.EndedAtUtc >= asOf))
                    ? null
                    : c.HandleDeadlineUtc)
                : c.AcceptDeadlineUtc;

    /// <summary>The group key of a case for a dimension.</summary>
    public static Expression<Func<Case, int?>> KeyOf(StatsDimension by) => by switch
    {
        StatsDimension.Unit => c => c.UnitId,
        StatsDimension.Category => c => c.CategoryId,
        StatsDimension.Region => c => c.RegionId,
        StatsDimension.Channel => ChannelKey,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Unknown dimension."),
    };

    /// <summary>
    /// Cases open at <paramref name="asOf"/>: received by then, not merged, and either still open or closed since. Two
    /// index searches put together (UNION ALL): the open statuses (the Status index: the backlog, not the table), and
    /// the cases closed since <paramref name="asOf"/>, whose upper bound (closes cannot lie in the future) makes it a
    /// bounded range of the close index.
    /// </summary>
    private IQueryable<Case> OpenAt(DateTime asOf)
    {
        var upper = asOf.AddYears(100);
        return Cases()
            .Where(c => new[]
                {
                    CaseStatus.Registered, CaseStatus.Dispatched, CaseStatus.Accepted, CaseStatus.InProgress,
                    CaseStatus.Resolved, CaseStatus.FeedbackGiven, CaseStatus.Reopened,
                }.Contains(c.Status)
                && c.ReceivedAtUtc < asOf)
            .Concat(Cases().Where(c => c.ClosedAtUtc >= asOf && c.ClosedAtUtc < upper && c.ReceivedAtUtc < asOf));
    }

    private IQueryable<Case> Received(StatsPeriod period)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases().Where(c => c.ReceivedAtUtc >= start && c.ReceivedAtUtc < end);
    }

    /// <summary>All cases, or a unit's own when the reader belongs to a unit.</summary>
    private IQueryable<Case> Cases()
    {
        IQueryable<Case> cases = db.Cases;
        return unitScope is { } unit ? cases.Where(c => c.UnitId == unit) : cases;
    }

    private static Expression<Func<Case, TResult>> Keyed<TResult>(StatsDimension by, Expression<Func<Case, int?, TResult>> row) =>
        row.Inline(KeyOf(by));

    private static Expression<Func<CaseAnd<T>, TResult>> KeyedVia<T, TResult>(StatsDimension by, Expression<Func<CaseAnd<T>, int?, TResult>> row) =>
        row.Inline(KeyOf(by).After((CaseAnd<T> x) => x.Case));

    private static Expression<Func<Case, TResult>> Keyed<TResult>(StatsDimension by, DateTime asOf, Expression<Func<Case, int?, DateTime?, TResult>> row) =>
        row.Inline(KeyOf(by), HeldDeadlineAt(asOf));

    /// <summary>A case with one of its child rows (a return visit, a supervision order), joined in SQL.</summary>
    /// <remarks>Built by member initialisation, which EF Core can see through, not by a constructor.</remarks>
    private sealed class CaseAnd<T>
    {
        public required Case Case { get; init; }

        public required T Item { get; init; }
    }

    private static Expression<Func<Case, TResult>> HeldAt<TResult>(DateTime asOf, Expression<Func<Case, DateTime?, TResult>> row) =>
        row.Inline(HeldDeadlineAt(asOf));

    /// <summary>The channel as its enum value, in SQL (a CASE over the stored names).</summary>
    private static Expression<Func<Case, int?>> BuildChannelKey()
    {
        var c = Expression.Parameter(typeof(Case), "c");
        var channel = Expression.Property(c, nameof(Case.Channel));
        Expression body = Expression.Constant(null, typeof(int?));
        foreach (var value in Enum.GetValues<Channel>().Reverse())
        {
            body = Expression.Condition(Expression.Equal(channel, Expression.Constant(value)), Expression.Constant((int)value, typeof(int?)), body);
        }

        return Expression.Lambda<Func<Case, int?>>(body, c);
    }

}
