using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Stats.Rollup;

/// <summary>
/// The daily rollup (日汇总): per CST day, per scope (the office, or within one unit), per dimension and group key, the
/// counts of the statistics events of that day. Kept by every save that records events, in the same transaction, and
/// rebuilt from the events by <c>GrievanceDesk.Web stats-rebuild</c>; a figure for any period sums days, not cases.
/// </summary>
public sealed class DailyStats
{
    /// <summary>The scope of the office as a whole; any other value is the unit whose own figures the row holds.</summary>
    public const int Office = 0;

    public int ScopeUnitId { get; set; }
    public StatsDimension Dimension { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The unit, category or region id, or the channel's enum value; <see cref="StatsTally.NoKey"/> for no unit (the dispatcher queue).</summary>
    public int Key { get; set; }

    public int Received { get; set; }
    public int Repeats { get; set; }
    public int Collective { get; set; }
    public int Dispatched { get; set; }
    public int Responses { get; set; }
    public int RespondedOnTime { get; set; }
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int Visited { get; set; }
    public int Solved { get; set; }
    public int Satisfied { get; set; }
    public int Reopened { get; set; }
    public int Escalations { get; set; }

    /// <summary>The counters, by column name: the one list the rollup's writers and readers share.</summary>
    public static readonly IReadOnlyList<(string Column, Func<DailyStats, int> Get, Action<DailyStats, int> Add)> Counters =
    [
        (nameof(Received), r => r.Received, (r, n) => r.Received += n),
        (nameof(Repeats), r => r.Repeats, (r, n) => r.Repeats += n),
        (nameof(Collective), r => r.Collective, (r, n) => r.Collective += n),
        (nameof(Dispatched), r => r.Dispatched, (r, n) => r.Dispatched += n),
        (nameof(Responses), r => r.Responses, (r, n) => r.Responses += n),
        (nameof(RespondedOnTime), r => r.RespondedOnTime, (r, n) => r.RespondedOnTime += n),
        (nameof(Closed), r => r.Closed, (r, n) => r.Closed += n),
        (nameof(ClosedOnTime), r => r.ClosedOnTime, (r, n) => r.ClosedOnTime += n),
        (nameof(Visited), r => r.Visited, (r, n) => r.Visited += n),
        (nameof(Solved), r => r.Solved, (r, n) => r.Solved += n),
        (nameof(Satisfied), r => r.Satisfied, (r, n) => r.Satisfied += n),
        (nameof(Reopened), r => r.Reopened, (r, n) => r.Reopened += n),
        (nameof(Escalations), r => r.Escalations, (r, n) => r.Escalations += n),
    ];

    /// <summary>
    /// What one event adds to the rollup: the single definition of which event counts for which figure (口径, see
    /// docs/statistics.md), used when the event is saved and when the rollup is rebuilt.
    /// </summary>
    public void Count(StatsEvent e)
    {
        switch (e.Kind)
        {
            case StatsEventKind.Received:
                Received++;
                Collective += e.Collective ? 1 : 0;
                break;
            case StatsEventKind.Repeat:
                Repeats++;
                break;
            case StatsEventKind.Dispatched:
                Dispatched++;
                break;
            case StatsEventKind.Responded:
                Responses++;
                RespondedOnTime += e.OnTime ? 1 : 0;
                break;
            case StatsEventKind.Closed:
                Closed++;
                ClosedOnTime += e.OnTime ? 1 : 0;
                break;
            case StatsEventKind.ReturnVisit:
                Visited++;
                Solved += e.Solved ? 1 : 0;
                Satisfied += e.Satisfied ? 1 : 0;
                break;
            case StatsEventKind.Reopened:
                Reopened++;
                break;
            case StatsEventKind.Escalated:
                Escalations++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Unknown statistics event.");
        }
    }

    /// <summary>The rows an event counts in: each dimension for the office, and again within its unit when it has one.</summary>
    public static IEnumerable<(int Scope, StatsDimension Dimension, int Key)> RowsOf(StatsEvent e)
    {
        foreach (var scope in e.UnitId is { } unit ? new[] { Office, unit } : [Office])
        {
            yield return (scope, StatsDimension.Unit, e.UnitId ?? StatsTally.NoKey);
            yield return (scope, StatsDimension.Category, e.CategoryId);
            yield return (scope, StatsDimension.Region, e.RegionId);
            yield return (scope, StatsDimension.Channel, (int)e.Channel);
        }
    }

    /// <summary>The rollup rows of a set of events, summed per (scope, dimension, day, key).</summary>
    public static IEnumerable<DailyStats> Of(IEnumerable<StatsEvent> events)
    {
        var rows = new Dictionary<(int, StatsDimension, DateOnly, int), DailyStats>();
        foreach (var e in events)
        {
            foreach (var (scope, dimension, key) in RowsOf(e))
            {
                if (!rows.TryGetValue((scope, dimension, e.Day, key), out var row))
                {
                    row = rows[(scope, dimension, e.Day, key)] = new DailyStats { ScopeUnitId = scope, Dimension = dimension, Day = e.Day, Key = key };
                }

                row.Count(e);
            }
        }

        return rows.Values;
    }
}

/// <summary>
/// The stock (在办, 超期) at the end of a CST day, per scope, dimension and key (存量日快照), frozen once the day is
/// over by the nightly snapshot job, so that a past period's stock is what it was then.
/// </summary>
public sealed class DailyStock
{
    public int ScopeUnitId { get; set; }
    public StatsDimension Dimension { get; set; }
    public DateOnly Day { get; set; }
    public int Key { get; set; }
    public int Open { get; set; }
    public int Overdue { get; set; }
}

/// <summary>A CST day whose stock has been snapshotted (even when nothing was open), and when.</summary>
public sealed class StockSnapshotDay
{
    public DateOnly Day { get; set; }
    public DateTime TakenAtUtc { get; set; }
}
