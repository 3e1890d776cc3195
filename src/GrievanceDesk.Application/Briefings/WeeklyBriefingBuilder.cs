using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Application.Briefings;

/// <summary>
/// Fills the weekly briefing (每周信访工作简报) for an ISO week from the same queries as GET /api/stats
/// (<see cref="StatsQueries"/>), so the PDF and the API never disagree. Free text is scrubbed of phone and ID numbers,
/// and people appear only masked (张*).
/// </summary>
public sealed partial class WeeklyBriefingBuilder(IAppDbContext db, TimeProvider clock, StatsRunner runner, HotIssueFinder hotIssues, IOptions<StatsOptions> options, IOptions<BriefingOptions> briefingOptions)
{
    public const int TrendWeeks = 8;

    /// <summary>The most rows of each case list (overdue, paused, collective, dissatisfied), the most urgent first.</summary>
    public const int MaxListed = 100;

    public const int MaxHotIssues = 10;

    public const string NoUnit = "未派单";

    public async Task<WeeklyBriefing> BuildAsync(BriefingWeek week, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queries = new StatsQueries(db);
        var period = week.Period(now);

        var byUnit = await StatsTally.ByGroupAsync(runner, null, period, StatsDimension.Unit, ct);
        var thisWeek = StatsTally.Sum(byUnit.Values);
        var lastWeek = await StatsTally.TotalAsync(runner, week.Previous.Period(now), ct);
        var unitNames = await StatsAccess.GroupNamesAsync(db, StatsDimension.Unit, ct);
        var overdue = await Overdue(queries, period, ct);
        var paused = await Paused(queries, period, ct);
        var collective = await queries.CollectivePetitions(period, MaxListed).ToListAsync(ct);
        var dissatisfied = await queries.DissatisfiedVisits(period, MaxListed).ToListAsync(ct);
        var mask = await BriefingMask.ForAsync(db, [.. overdue.Select(o => o.TrackingNumber), .. paused.Select(p => p.TrackingNumber), .. collective.Select(c => c.TrackingNo), .. dissatisfied.Select(d => d.TrackingNo)], ct);

        return new WeeklyBriefing(
            week.Year,
            week.Week,
            week.Monday,
            week.Sunday,
            ChinaTime.ToOffset(now),
            Headline(thisWeek, lastWeek),
            await Channels(queries, period, ct),
            await Categories(queries, period, ct),
            (await hotIssues.FindAsync(queries, period, MaxHotIssues, ct))
                .Select(h => new HotIssue(FreeText(h.Label), h.CategoryName, h.Cases, h.FirstSeen, h.LastSeen)).ToList(),
            Ranking(byUnit, unitNames),
            overdue.Select(o => o with { Subject = mask(o.TrackingNumber, o.Subject) }).ToList(),
            paused.Select(p => p with { Reason = mask(p.TrackingNumber, p.Reason) }).ToList(),
            collective.Select(c => new CollectivePetition(c.TrackingNo, mask(c.TrackingNo, c.Subject), c.HeadCount, c.UnitName ?? NoUnit)).ToList(),
            dissatisfied.Select(v => new DissatisfiedVisit(v.TrackingNo, Masking.Name(v.ComplainantName) ?? BriefingText.NotApplicable, v.UnitName ?? NoUnit,
                    v.Note is { Length: > 0 } note ? mask(v.TrackingNo, note) : BriefingText.NotApplicable)).ToList(),
            await Trend(week, now, ct),
            await ExtrasAsync(week, period, now, byUnit, thisWeek, lastWeek, queries, unitNames, ct));
    }

    /// <summary>
    /// Free text in the briefing that belongs to no single case (a hot issue's label, a section's summary) passes the
    /// domain's masking policy here; a case's own text goes through <see cref="BriefingMask"/>, which also knows the
    /// names of that case's complainants.
    /// </summary>
    private static string FreeText(string text) => FreeTextMasking.Mask(text);

    private static HeadlineFigures Headline(StatsTally now, StatsTally before) => new(
        new CountFigure(now.Received, before.Received),
        new CountFigure(now.Dispatched, before.Dispatched),
        new CountFigure(now.Closed, before.Closed),
        new CountFigure(now.Open, before.Open),
        new CountFigure(now.Overdue, before.Overdue),
        new CountFigure(now.ClosedLate, before.ClosedLate),
        new RateFigure(now.ResponseRate, before.ResponseRate),
        new RateFigure(now.OnTimeClosureRate, before.OnTimeClosureRate),
        new RateFigure(now.ResolutionRate, before.ResolutionRate),
        new RateFigure(now.SatisfactionRate, before.SatisfactionRate),
        new RateFigure(now.RepeatRate, before.RepeatRate),
        new RateFigure(now.ReopenRate, before.ReopenRate),
        new CountFigure(now.Collective, before.Collective),
        new CountFigure(now.Escalations, before.Escalations));

    /// <summary>Every channel, in a fixed order, so that the chart reads the same every week.</summary>
    private static async Task<IReadOnlyList<LabelledCount>> Channels(StatsQueries queries, StatsPeriod period, CancellationToken ct)
    {
        var received = await queries.Flows(period, StatsDimension.Channel).ToDictionaryAsync(r => r.Key, r => r.Received, ct);
        return Enum.GetValues<Channel>().Select(c => new LabelledCount(c.ToChinese(), received.GetValueOrDefault((int)c))).ToList();
    }

    /// <summary>Cases received by top-level category (城乡建设, 劳动社保…): the recorded categories' counts, added up the tree.</summary>
    private async Task<IReadOnlyList<LabelledCount>> Categories(StatsQueries queries, StatsPeriod period, CancellationToken ct)
    {
        var received = await queries.Flows(period, StatsDimension.Category).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, ct);
        return received
            .Where(r => categories.ContainsKey(r.Key))
            .GroupBy(r => categories[r.Key].ParentId ?? r.Key)
            .Select(g => (Top: categories[g.Key], Count: g.Sum(r => r.Received)))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Top.Code, StringComparer.Ordinal)
            .Select(x => new LabelledCount(x.Top.Name, x.Count))
            .ToList();
    }

    private UnitRanking Ranking(IReadOnlyDictionary<int, StatsTally> byUnit, IReadOnlyDictionary<int, GroupName> names)
    {
        var minimum = options.Value.MinimumCasesForRanking;
        var rows = StatsRanking.Rank(byUnit, minimum).Values
            .OrderBy(r => r.Rank)
            .Select(r =>
            {
                var t = byUnit[r.Key];
                var name = names.TryGetValue(r.Key, out var n) ? n.Name : $"#{r.Key}";
                return new UnitRankingRow(r.Rank, name, t.Received, t.ResponseRate, t.OnTimeClosureRate, t.ResolutionRate, t.SatisfactionRate, t.Overdue, r.Mark);
            })
            .ToList();
        return new UnitRanking(minimum, rows);
    }

    private static async Task<IReadOnlyList<OverdueCase>> Overdue(StatsQueries queries, StatsPeriod period, CancellationToken ct)
    {
        var asOf = period.AsOfUtc;
        return (await queries.OverdueOrSupervised(period, MaxListed).ToListAsync(ct))
            .Select(r => new OverdueCase(
                r.TrackingNo,
                FreeText(r.Subject),
                r.UnitName ?? NoUnit,
                r.HeldDeadlineUtc is { } due && due < asOf ? Math.Max(1, DaysBetween(due, asOf)) : 0,
                r.LeaderSupervision ? "领导督办" : r.Supervised ? "督办" : null))
            .ToList();
    }

    private static async Task<IReadOnlyList<PausedCase>> Paused(StatsQueries queries, StatsPeriod period, CancellationToken ct)
    {
        var asOf = period.AsOfUtc;
        return (await queries.PausedAt(period, MaxListed).ToListAsync(ct))
            .Select(r => new PausedCase(r.TrackingNo, r.UnitName ?? NoUnit, FreeText(r.Reason),
                ChinaTime.DateOf(r.StartedAtUtc), DaysBetween(r.StartedAtUtc, asOf)))
            .ToList();
    }

    /// <summary>Received and closed in each of the last eight weeks, and overdue at each week's end; the weeks side by side.</summary>
    private async Task<IReadOnlyList<WeeklyTrendPoint>> Trend(BriefingWeek week, DateTime now, CancellationToken ct)
    {
        var weeks = new List<BriefingWeek> { week };
        while (weeks.Count < TrendWeeks)
        {
            weeks.Insert(0, weeks[0].Previous);
        }

        return await Task.WhenAll(weeks.Select(async w =>
        {
            var total = await StatsTally.TotalAsync(runner, w.Period(now), ct);
            return new WeeklyTrendPoint($"第{w.Week}周", total.Received, total.Closed, total.Overdue);
        }));
    }

    /// <summary>Whole CST calendar days from the day of <paramref name="fromUtc"/> to the last day before <paramref name="asOfUtc"/>.</summary>
    private static int DaysBetween(DateTime fromUtc, DateTime asOfUtc) =>
        Math.Max(0, ChinaTime.DateOf(asOfUtc.AddTicks(-1)).DayNumber - ChinaTime.DateOf(fromUtc).DayNumber);
}
