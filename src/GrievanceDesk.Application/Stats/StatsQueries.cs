using System.Linq.Expressions;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Stats;

// One grouped row per query: the group key (unit, category or region id; the channel's enum value) and its counts.
public sealed record StockCounts(int? Key, int Open, int Overdue);

public sealed record UnitStockCounts(int? UnitId, int? Key, int Open, int Overdue);

// Rows of the briefing's lists, each bounded by a Take.
public sealed record OverdueRow(long CaseId, string TrackingNo, string Subject, string? UnitName, DateTime? HeldDeadlineUtc, bool LeaderSupervision, bool Supervised);

public sealed record PausedRow(string TrackingNo, string? UnitName, string Reason, DateTime StartedAtUtc);

public sealed record CollectiveRow(string TrackingNo, string Subject, int HeadCount, string? UnitName);

public sealed record DissatisfiedRow(string TrackingNo, string? ComplainantName, string? UnitName, string? Note);

public sealed record AddressCount(string Address, int Cases);

public sealed record VisitCounts(int Batches, int People);

public sealed record SupervisionIssuedRow(string TrackingNo, string? UnitName, SupervisionSource Source, DateTime IssuedAtUtc, CaseStatus Status);

public sealed record CategoryCount(int CategoryId, int Cases);

public sealed record HotIssueCandidate(long CaseId, string TrackingNo, int CategoryId, string Subject, string Address, DateTime ReceivedAtUtc);

/// <summary>
/// The statistics of docs/product.md §5 as <see cref="IQueryable{T}"/>s that run in the database. What each figure counts (口径)
/// is written once, in docs/statistics.md, and printed from <see cref="StatsDefinitions"/> on the briefing's last page.
/// <list type="bullet">
/// <item>Flow figures (received, dispatched, responded, closed, return visits, reopens, escalations, repeats) sum the
/// daily rollup (<see cref="Rollup.DailyStats"/>) over the period's days: the counts of the statistics events the
/// aggregate recorded when they happened, which are never rewritten, so a later reopen changes the later period only.
/// A year or five years reads days, not cases.</item>
/// <item>Stock figures (open, overdue) are as of the period's end: from the nightly snapshot of that day
/// (<see cref="Rollup.DailyStock"/>) once the day is over, else counted from the cases (<see cref="StockByUnit"/>).</item>
/// </list>
/// Grouped by <see cref="StatsDimension"/>: the unit the case was with when the event happened (the dispatcher queue's
/// own group when it had none), its category, region and channel.
/// </summary>
public sealed class StatsQueries(IAppDbContext db, int? unitScope = null)
{
    private static readonly Expression<Func<Case, int?>> ChannelKey = BuildChannelKey();

    /// <summary>The flow figures of the period, per group key, summed from the daily rollup.</summary>
    public IQueryable<Rollup.DailyStats> Flows(StatsPeriod period, StatsDimension by)
    {
        var (from, to, scope) = (period.From, period.To, unitScope ?? Rollup.DailyStats.Office);
        return db.DailyStats
            .Where(r => r.ScopeUnitId == scope && r.Dimension == by && r.Day >= from && r.Day <= to)
            .GroupBy(r => r.Key)
            .Select(g => new Rollup.DailyStats
            {
                Key = g.Key,
                Received = g.Sum(r => r.Received),
                Repeats = g.Sum(r => r.Repeats),
                Collective = g.Sum(r => r.Collective),
                Dispatched = g.Sum(r => r.Dispatched),
                Responses = g.Sum(r => r.Responses),
                RespondedOnTime = g.Sum(r => r.RespondedOnTime),
                Closed = g.Sum(r => r.Closed),
                ClosedOnTime = g.Sum(r => r.ClosedOnTime),
                Visited = g.Sum(r => r.Visited),
                Solved = g.Sum(r => r.Solved),
                Satisfied = g.Sum(r => r.Satisfied),
                Reopened = g.Sum(r => r.Reopened),
                Escalations = g.Sum(r => r.Escalations),
            });
    }

    /// <summary>Whether the stock of the period's end was snapshotted (the period is over and the nightly job has run).</summary>
    public IQueryable<bool> HasSnapshot(StatsPeriod period)
    {
        var day = period.To;
        return db.StockSnapshotDays.Where(d => d.Day == day && period.EndUtc <= period.NowUtc).Select(d => true);
    }

    /// <summary>The stock at the period's end from its snapshot.</summary>
    public IQueryable<StockCounts> SnapshotStock(StatsPeriod period, StatsDimension by)
    {
        var (day, scope) = (period.To, unitScope ?? Rollup.DailyStats.Office);
        return db.DailyStock
            .Where(r => r.ScopeUnitId == scope && r.Dimension == by && r.Day == day)
            .Select(r => new StockCounts(r.Key, r.Open, r.Overdue));
    }

    /// <summary>
    /// The stock at an instant counted from the cases, per (unit, key): what the nightly snapshot stores, and what a
    /// running period (or a day never snapshotted) shows. Open = received by then, not merged, not closed by then;
    /// overdue = of those, the deadline held to then (<see cref="HeldDeadlineAt"/>) had passed. The unit is the one the
    /// case is with at the instant; none (the office's own queue) counts against no unit.
    /// </summary>
    public IQueryable<UnitStockCounts> StockByUnit(DateTime asOf, StatsDimension by)
    {
        var overdueCutoff = CaseStates.OverdueCutoff(asOf); // the one definition of overdue (docs/time-and-deadlines.md)
        return OpenAt(asOf)
            .Select(Keyed(by, asOf, (c, key, held) => new { c.UnitId, Key = key, Overdue = held <= overdueCutoff ? 1 : 0 }))
            .GroupBy(r => new { r.UnitId, r.Key })
            .Select(g => new UnitStockCounts(g.Key.UnitId, g.Key.Key, g.Count(), g.Sum(r => r.Overdue)));
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

    /// <summary>来访: visits received in the period, in batches (cases) and people (their head counts).</summary>
    public IQueryable<VisitCounts> Visits(StatsPeriod period) =>
        Received(period)
            .Where(c => c.Channel == Channel.Visit)
            .GroupBy(c => 1)
            .Select(g => new VisitCounts(g.Count(), g.Sum(c => c.HeadCount)));

    /// <summary>Supervision orders (督办单) issued in the period, oldest first, with where their case stands now.</summary>
    public IQueryable<SupervisionIssuedRow> SupervisionIssued(StatsPeriod period, int take)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return Cases()
            .SelectMany(c => c.SupervisionOrders.Where(o => o.IssuedAtUtc >= start && o.IssuedAtUtc < end), (c, o) => new { Case = c, Order = o })
            .OrderBy(x => x.Order.IssuedAtUtc)
            .ThenBy(x => x.Case.Id)
            .Take(take)
            .Select(x => new SupervisionIssuedRow(
                x.Case.TrackingNo,
                db.Units.Where(u => u.Id == x.Case.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.Order.Source,
                x.Order.IssuedAtUtc,
                x.Case.Status));
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
