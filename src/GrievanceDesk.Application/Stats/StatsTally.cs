using GrievanceDesk.Application.Briefings;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// The raw counts of one group (or of the office) over a period, as the grouped queries of <see cref="StatsQueries"/>
/// return them. Every figure is a count, and every rate a numerator and a denominator, so groups add up exactly.
/// </summary>
public sealed class StatsTally
{
    public int Received { get; private set; }
    public int Repeats { get; private set; }
    public int Collective { get; private set; }
    public int Dispatched { get; private set; }
    public int Closed { get; private set; }
    public int ClosedOnTime { get; private set; }
    public int Due { get; private set; }
    public int Responded { get; private set; }
    public int Visited { get; private set; }
    public int Solved { get; private set; }
    public int Satisfied { get; private set; }
    public int Reopened { get; private set; }
    public int Escalations { get; private set; }
    public int Open { get; private set; }
    public int Overdue { get; private set; }

    public int ClosedLate => Closed - ClosedOnTime;

    public Rate ResponseRate => new(Responded, Due);
    public Rate OnTimeClosureRate => new(ClosedOnTime, Closed);
    public Rate ResolutionRate => new(Solved, Visited);
    public Rate SatisfactionRate => new(Satisfied, Visited);
    public Rate RepeatRate => new(Repeats, Received);
    public Rate ReopenRate => new(Reopened, Visited);

    /// <summary>
    /// The period's counts by group key: the flows summed from the daily rollup, and the stock at the period's end (its
    /// snapshot once the day is over, else counted from the cases), side by side (<see cref="StatsRunner"/>).
    /// </summary>
    public static async Task<Dictionary<int, StatsTally>> ByGroupAsync(StatsRunner runner, int? unitScope, StatsPeriod period, StatsDimension by, CancellationToken ct)
    {
        var flows = runner.ListAsync(unitScope, q => q.Flows(period, by), ct);
        var stock = StockAsync(runner, unitScope, period, by, ct);
        await Task.WhenAll(flows, stock);

        var groups = new Dictionary<int, StatsTally>();
        StatsTally For(int? key) => groups.TryGetValue(key ?? NoKey, out var t) ? t : groups[key ?? NoKey] = new StatsTally();

        foreach (var r in await flows)
        {
            var t = For(r.Key);
            (t.Received, t.Repeats, t.Collective, t.Dispatched) = (r.Received, r.Repeats, r.Collective, r.Dispatched);
            (t.Due, t.Responded, t.Closed, t.ClosedOnTime) = (r.Responses, r.RespondedOnTime, r.Closed, r.ClosedOnTime);
            (t.Visited, t.Solved, t.Satisfied, t.Reopened, t.Escalations) = (r.Visited, r.Solved, r.Satisfied, r.Reopened, r.Escalations);
        }

        foreach (var r in await stock)
        {
            var t = For(r.Key);
            (t.Open, t.Overdue) = (r.Open, r.Overdue);
        }

        return groups;
    }

    private static async Task<List<StockCounts>> StockAsync(StatsRunner runner, int? unitScope, StatsPeriod period, StatsDimension by, CancellationToken ct)
    {
        if ((await runner.ListAsync(unitScope, q => q.HasSnapshot(period), ct)).Count > 0)
        {
            return await runner.ListAsync(unitScope, q => q.SnapshotStock(period, by), ct);
        }

        var live = await runner.ListAsync(unitScope, q => q.StockByUnit(period.AsOfUtc, by), ct);
        return [.. live.GroupBy(r => r.Key).Select(g => new StockCounts(g.Key, g.Sum(r => r.Open), g.Sum(r => r.Overdue)))];
    }

    /// <summary>The office's figures: the sum of the channel groups (every case has exactly one channel).</summary>
    public static async Task<StatsTally> TotalAsync(StatsRunner runner, StatsPeriod period, CancellationToken ct) =>
        Sum((await ByGroupAsync(runner, null, period, StatsDimension.Channel, ct)).Values);

    public static StatsTally Sum(IEnumerable<StatsTally> parts)
    {
        var total = new StatsTally();
        foreach (var p in parts)
        {
            total.Received += p.Received;
            total.Repeats += p.Repeats;
            total.Collective += p.Collective;
            total.Dispatched += p.Dispatched;
            total.Closed += p.Closed;
            total.ClosedOnTime += p.ClosedOnTime;
            total.Due += p.Due;
            total.Responded += p.Responded;
            total.Visited += p.Visited;
            total.Solved += p.Solved;
            total.Satisfied += p.Satisfied;
            total.Reopened += p.Reopened;
            total.Escalations += p.Escalations;
            total.Open += p.Open;
            total.Overdue += p.Overdue;
        }

        return total;
    }

    /// <summary>The key of the group of cases with no unit (still in the dispatcher queue).</summary>
    public const int NoKey = -1;
}
