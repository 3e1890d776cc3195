using GrievanceDesk.Reports.Briefings;

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
    public Rate ReopenRate => new(Reopened, Closed + Reopened);

    /// <summary>
    /// Runs the seven grouped queries of the period, at once, each on its own connection (<see cref="StatsRunner"/>),
    /// and returns the counts by group key.
    /// </summary>
    public static async Task<Dictionary<int, StatsTally>> ByGroupAsync(StatsRunner runner, int? unitScope, StatsPeriod period, StatsDimension by, CancellationToken ct)
    {
        var intake = runner.ListAsync(unitScope, q => q.Intake(period, by), ct);
        var dispatches = runner.ListAsync(unitScope, q => q.Dispatches(period, by), ct);
        var closures = runner.ListAsync(unitScope, q => q.Closures(period, by), ct);
        var responses = runner.ListAsync(unitScope, q => q.Responses(period, by), ct);
        var visits = runner.ListAsync(unitScope, q => q.ReturnVisits(period, by), ct);
        var escalations = runner.ListAsync(unitScope, q => q.Escalations(period, by), ct);
        var stock = runner.ListAsync(unitScope, q => q.Stock(period, by), ct);
        await Task.WhenAll(intake, dispatches, closures, responses, visits, escalations, stock);

        var groups = new Dictionary<int, StatsTally>();
        StatsTally For(int? key) => groups.TryGetValue(key ?? NoKey, out var t) ? t : groups[key ?? NoKey] = new StatsTally();

        foreach (var r in await intake)
        {
            var t = For(r.Key);
            (t.Received, t.Repeats, t.Collective) = (r.Received, r.Repeats, r.Collective);
        }

        foreach (var r in await dispatches)
        {
            For(r.Key).Dispatched = r.Dispatched;
        }

        foreach (var r in await closures)
        {
            var t = For(r.Key);
            (t.Closed, t.ClosedOnTime) = (r.Closed, r.ClosedOnTime);
        }

        foreach (var r in await responses)
        {
            var t = For(r.Key);
            (t.Due, t.Responded) = (r.Due, r.Responded);
        }

        foreach (var r in await visits)
        {
            var t = For(r.Key);
            (t.Visited, t.Solved, t.Satisfied, t.Reopened) = (r.Visited, r.Solved, r.Satisfied, r.Reopened);
        }

        foreach (var r in await escalations)
        {
            For(r.Key).Escalations = r.Issued;
        }

        foreach (var r in await stock)
        {
            var t = For(r.Key);
            (t.Open, t.Overdue) = (r.Open, r.Overdue);
        }

        return groups;
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
