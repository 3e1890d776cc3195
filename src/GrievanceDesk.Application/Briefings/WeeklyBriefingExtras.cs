using GrievanceDesk.Application.Stats;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Briefings;

/// <summary>The briefing's masthead (section "Briefing"): who issues it, who signs it, whom it goes to.</summary>
public sealed class BriefingOptions
{
    public const string Section = "Briefing";

    public string Issuer { get; set; } = "清河区人民政府信访办公室";
    public string Signer { get; set; } = "陈建国";
    public string ReportTo { get; set; } = "区委、区政府主要领导，分管区领导";
    public string CopyTo { get; set; } = "各街道办事处，区政府各委办局";
}

// The parts of a real 信访 briefing beyond the §5 figures: masthead, 研判, 同比/累计, 属地, the rolling 红黑榜, the
// overdue summary, the office's own backlog, supervision orders and the 口径说明.
public sealed partial class WeeklyBriefingBuilder
{
    /// <summary>The 红黑榜 covers the week and the three before it, so that a quiet week still has a ranking.</summary>
    public const int RankingWeeks = 4;

    private async Task<BriefingExtras> ExtrasAsync(
        BriefingWeek week, StatsPeriod period, DateTime now, Dictionary<int, StatsTally> byUnit, StatsTally thisWeek, StatsTally lastWeek,
        StatsQueries queries, IReadOnlyDictionary<int, GroupName> unitNames, CancellationToken ct)
    {
        var sunday = week.Sunday;
        var lastYear = StatsTally.TotalAsync(runner, new StatsPeriod(week.Monday.AddDays(-364), sunday.AddDays(-364), now), ct);
        var month = StatsTally.TotalAsync(runner, new StatsPeriod(new DateOnly(sunday.Year, sunday.Month, 1), sunday, now), ct);
        var year = StatsTally.TotalAsync(runner, new StatsPeriod(new DateOnly(sunday.Year, 1, 1), sunday, now), ct);
        var rollingPeriod = new StatsPeriod(week.Monday.AddDays(-7 * (RankingWeeks - 1)), sunday, now);
        var rolling = StatsTally.ByGroupAsync(runner, null, rollingPeriod, StatsDimension.Unit, ct);
        var byRegion = StatsTally.ByGroupAsync(runner, null, period, StatsDimension.Region, ct);
        await Task.WhenAll(lastYear, month, year, rolling, byRegion);

        var visits = await queries.Visits(period).FirstOrDefaultAsync(ct) ?? new VisitCounts(0, 0);
        var orders = (await queries.SupervisionIssued(period, MaxListed).ToListAsync(ct))
            .Select(o => new SupervisionRow(o.TrackingNo, o.UnitName ?? NoUnit, o.Source switch
            {
                SupervisionSource.Leader or SupervisionSource.LeaderEscalation => "领导督办",
                SupervisionSource.Reopen => "重办督办",
                _ => "督办",
            }, ChinaTime.DateOf(o.IssuedAtUtc), o.Status is CaseStatus.Closed or CaseStatus.Merged ? "已办结" : "办理中"))
            .ToList();

        var minimum = options.Value.MinimumCasesForRanking;
        var rollingGroups = await rolling;
        var ranking = Ranking(rollingGroups, unitNames);
        var tooFew = rollingGroups
            .Where(g => g.Key != StatsTally.NoKey && g.Value.Received is > 0 && g.Value.Received < minimum)
            .OrderByDescending(g => g.Value.Received)
            .Select(g => $"{UnitName(unitNames, g.Key)}（{g.Value.Received}件）")
            .ToList();
        var overdueByUnit = byUnit
            .Where(g => g.Key != StatsTally.NoKey && g.Value.Overdue > 0)
            .OrderByDescending(g => g.Value.Overdue)
            .Select(g => new AreaRow(UnitName(unitNames, g.Key), g.Value.Received, g.Value.Closed, g.Value.Open, g.Value.Overdue))
            .ToList();
        var queue = byUnit.GetValueOrDefault(StatsTally.NoKey) ?? new StatsTally();
        var streets = await Streets(await byRegion, ct);
        var (ly, mtd, ytd) = (await lastYear, await month, await year);

        var o = briefingOptions.Value;
        return new BriefingExtras(
            new Masthead(week.Week, o.Issuer, o.Signer, o.ReportTo, o.CopyTo),
            Assessment(thisWeek, lastWeek, ly, streets),
            new PeriodComparison(ly.Received, ly.Closed, mtd.Received, mtd.Closed, ytd.Received, ytd.Closed),
            visits.Batches,
            visits.People,
            thisWeek.Received - thisWeek.Repeats,
            thisWeek.Repeats,
            streets,
            new RollingRanking($"近{RankingWeeks}周（{rollingPeriod.From:M月d日}—{rollingPeriod.To:M月d日}）", StatsRanking.WeightsText, ranking, tooFew),
            overdueByUnit,
            queue.Open,
            queue.Overdue,
            orders,
            [.. StatsDefinitions.All]);
    }

    private static string UnitName(IReadOnlyDictionary<int, GroupName> names, int key) => names.TryGetValue(key, out var n) ? n.Name : $"#{key}";

    /// <summary>属地: the regions' figures added up to their street (the level below the district).</summary>
    private async Task<List<AreaRow>> Streets(Dictionary<int, StatsTally> byRegion, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId, r.Name }).ToDictionaryAsync(r => r.Id, ct);
        int StreetOf(int id)
        {
            while (regions.TryGetValue(id, out var r) && r.ParentId is { } parent && regions.TryGetValue(parent, out var up) && up.ParentId is not null)
            {
                id = parent;
            }

            return id;
        }

        return byRegion
            .Where(g => regions.ContainsKey(g.Key))
            .GroupBy(g => StreetOf(g.Key))
            .Select(g => (Name: regions[g.Key].Name, Tally: StatsTally.Sum(g.Select(x => x.Value))))
            .Where(x => x.Tally.Received + x.Tally.Open > 0)
            .OrderByDescending(x => x.Tally.Received)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new AreaRow(x.Name, x.Tally.Received, x.Tally.Closed, x.Tally.Open, x.Tally.Overdue))
            .ToList();
    }

    /// <summary>
    /// 研判: three to five sentences from the figures: the change in cases against last week and the same week last
    /// year, the overdue stock and its direction, collective petitions, and the street with the most overdue cases.
    /// </summary>
    private static string Assessment(StatsTally now, StatsTally lastWeek, StatsTally lastYear, IReadOnlyList<AreaRow> streets)
    {
        var overdueLastWeek = lastWeek.Overdue;
        static string Trend(int now, int before) => before == 0
            ? (now == 0 ? "持平" : $"增加{now}件")
            : now == before ? "持平" : $"{(now > before ? "上升" : "下降")}{Math.Abs(now - before) * 100.0 / before:0.#}%";

        var sentences = new List<string>
        {
            $"本周受理 {now.Received} 件，环比{Trend(now.Received, lastWeek.Received)}，同比{Trend(now.Received, lastYear.Received)}；办结 {now.Closed} 件，环比{Trend(now.Closed, lastWeek.Closed)}。",
            now.Overdue > overdueLastWeek
                ? $"超期在办存量上升，由上周末的 {overdueLastWeek} 件增至 {now.Overdue} 件，需督促承办单位加快办理。"
                : $"超期在办 {now.Overdue} 件，较上周末{(now.Overdue == overdueLastWeek ? "持平" : $"减少{overdueLastWeek - now.Overdue}件")}。",
            now.Collective > 0
                ? $"本周发生集体访 {now.Collective} 批次，需关注苗头性问题，防止矛盾升级。"
                : "本周未发生集体访。",
        };
        if (streets.Where(s => s.Overdue > 0).MaxBy(s => s.Overdue) is { } worst)
        {
            sentences.Add($"属地中{worst.Name}期末超期 {worst.Overdue} 件，为各街道最多，建议重点督办。");
        }

        return string.Concat(sentences);
    }
}
