using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Benchmarks;

/// <summary>
/// docs/product.md §10: the §5 figures for a week and for a year over the seeded cases (≤ 2 s), through the same request the API
/// sends (GET /api/stats → <see cref="GetStats"/>), and the weekly briefing: built from the same queries, rendered (≤ 3 s).
/// </summary>
public static class StatsBenchmark
{
    public const double StatsLimitMs = 2000;

    /// <summary>Issue 17: a year's figures from the daily rollup, and five years'.</summary>
    public const double YearLimitMs = 100;
    public const double FiveYearLimitMs = 200;
    public const double RenderLimitMs = 3000;

    public static async Task<IReadOnlyList<Measure.Result>> RunStatsAsync(BenchmarkHost host, DateTime nowUtc, int repetitions)
    {
        var week = BriefingWeek.At(nowUtc).Previous;
        var year = (From: week.Sunday.AddDays(-364), To: week.Sunday);
        await PrintVolumesAsync(host, week, year);

        var results = new List<Measure.Result>();
        foreach (var groupBy in new string?[] { null, "unit", "category", "region", "channel" })
        {
            results.Add(await Stats(host, $"stats, week {week}, groupBy={groupBy ?? "—"}", week.Monday, week.Sunday, groupBy, repetitions, YearLimitMs));
        }

        foreach (var groupBy in new string?[] { null, "unit", "category", "region" })
        {
            results.Add(await Stats(host, $"stats, year {year.From:yyyy-MM-dd}…{year.To:yyyy-MM-dd}, groupBy={groupBy ?? "—"}", year.From, year.To, groupBy, repetitions, YearLimitMs));
        }

        var fiveYears = (From: week.Sunday.AddYears(-5).AddDays(1), To: week.Sunday);
        foreach (var groupBy in new string?[] { null, "unit", "category", "region" })
        {
            results.Add(await Stats(host, $"stats, five years {fiveYears.From:yyyy-MM-dd}…{fiveYears.To:yyyy-MM-dd}, groupBy={groupBy ?? "—"}", fiveYears.From, fiveYears.To, groupBy, repetitions, FiveYearLimitMs));
        }

        results.Add(await Measure.TimeAsync($"hot issues, week {week}", repetitions, null, async () =>
        {
            await using var scope = host.Scope();
            var issues = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetHotIssues(week.Monday, week.Sunday, 10));
            return $"{issues.Count} issues, top {issues.FirstOrDefault()?.Cases ?? 0} cases";
        }));
        return results;
    }

    public static async Task<IReadOnlyList<Measure.Result>> RunBriefingAsync(BenchmarkHost host, DateTime nowUtc, int repetitions)
    {
        var week = BriefingWeek.At(nowUtc).Previous;
        WeeklyBriefing? briefing = null;
        var results = new List<Measure.Result>
        {
            await Measure.TimeAsync($"briefing {week}: build (queries)", repetitions, null, async () =>
            {
                await using var scope = host.Scope();
                briefing = await scope.ServiceProvider.GetRequiredService<WeeklyBriefingBuilder>().BuildAsync(week, CancellationToken.None);
                return $"{briefing.Headline.Received.ThisWeek} received, {briefing.OverdueCases.Count} overdue listed, {briefing.UnitRanking.Rows.Count} units ranked";
            }),
        };

        var renderer = host.Services.GetRequiredService<IBriefingRenderer>();
        byte[] pdf = [];
        results.Add(await Measure.TimeAsync($"briefing {week}: render PDF", repetitions, RenderLimitMs, () =>
        {
            pdf = renderer.Render(briefing!);
            return Task.FromResult($"{pdf.Length / 1024} KB");
        }));

        var path = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, $"briefing-{week}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        Console.WriteLine($"  briefing written to {path}");
        return results;
    }

    /// <summary>
    /// Issue 17: the rebuild command's work on the data set (the seeder writes cases, not statistics events): events
    /// reconstructed from the records, the daily rollup from the events, and the stock snapshots of the last week's
    /// Sunday and of the same day a year before (同比).
    /// </summary>
    public static async Task<Measure.Result> RebuildAsync(BenchmarkHost host, DateTime nowUtc)
    {
        var sunday = BriefingWeek.At(nowUtc).Previous.Sunday;
        return await Measure.TimeAsync("stats-rebuild (events, rollup, 2 stock days)", 1, null, async () =>
        {
            await using var scope = host.Scope();
            var rebuild = scope.ServiceProvider.GetRequiredService<GrievanceDesk.Infrastructure.Stats.StatsRebuild>();
            var (added, events, rows, days) = await rebuild.RunAsync([sunday.AddYears(-1), sunday], CancellationToken.None);
            return $"{added:N0} events reconstructed, {events:N0} counted into {rows:N0} daily rows, stock of {days} days";
        });
    }

    /// <summary>The SQLite plan of every statistics query for the week: each should search an index, never scan the table.</summary>
    public static async Task ExplainAsync(BenchmarkHost host, DateTime nowUtc)
    {
        var week = BriefingWeek.At(nowUtc).Previous;
        var period = week.Period(nowUtc);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var queries = new StatsQueries(db);
        var all = new (string Name, IQueryable Query)[]
        {
            ("Flows", queries.Flows(period, StatsDimension.Unit)),
            ("SnapshotStock", queries.SnapshotStock(period, StatsDimension.Unit)),
            ("StockByUnit", queries.StockByUnit(period.AsOfUtc, StatsDimension.Unit)),
            ("OverdueOrSupervised", queries.OverdueOrSupervised(period, 100)),
            ("PausedAt", queries.PausedAt(period, 100)),
            ("CollectivePetitions", queries.CollectivePetitions(period, 100)),
            ("DissatisfiedVisits", queries.DissatisfiedVisits(period, 100)),
            ("BusyAddresses", queries.BusyAddresses(period, 3)),
            ("BusyCategories", queries.BusyCategories(period, 3)),
            ("HotIssueCandidates", queries.HotIssueCandidates(period, 20_000)),
        };
        foreach (var (name, query) in all)
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"-- {name}");
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"   {reader.GetString(3)}");
            }
        }
    }

    /// <summary>Each grouped query of the §5 figures on its own, for the week and the year: where the time goes.</summary>
    public static async Task<IReadOnlyList<Measure.Result>> ProfileAsync(BenchmarkHost host, DateTime nowUtc, int repetitions)
    {
        var week = BriefingWeek.At(nowUtc).Previous;
        var results = new List<Measure.Result>();
        foreach (var (label, from) in new[] { ("week", week.Monday), ("year", week.Sunday.AddDays(-364)), ("five years", week.Sunday.AddYears(-5).AddDays(1)) })
        {
            var period = new StatsPeriod(from, week.Sunday, nowUtc);
            var all = new (string Name, Func<StatsQueries, Task<int>> Run)[]
            {
                ("Flows (daily rollup)", async q => (await q.Flows(period, StatsDimension.Unit).ToListAsync()).Count),
                ("SnapshotStock", async q => (await q.SnapshotStock(period, StatsDimension.Unit).ToListAsync()).Count),
            };
            foreach (var (name, run) in all)
            {
                results.Add(await Measure.TimeAsync($"{label}: {name}", repetitions, null, async () =>
                {
                    await using var scope = host.Scope();
                    var rows = await run(new StatsQueries(scope.ServiceProvider.GetRequiredService<AppDbContext>()));
                    return $"{rows} groups";
                }));
            }
        }

        return results;
    }

    private static async Task<Measure.Result> Stats(BenchmarkHost host, string name, DateOnly from, DateOnly to, string? groupBy, int repetitions, double limitMs) =>
        await Measure.TimeAsync(name, repetitions, limitMs, async () =>
        {
            await using var scope = host.Scope();
            var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStats(from, to, groupBy));
            var t = report.Total;
            return $"{t.Received} received, {t.Closed} closed, {t.Open} open, {t.Overdue} overdue, {report.Groups.Count} groups";
        });

    private static async Task PrintVolumesAsync(BenchmarkHost host, BriefingWeek week, (DateOnly From, DateOnly To) year)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var total = await db.Cases.CountAsync();
        var open = await db.Cases.CountAsync(c => c.ClosedAtUtc == null && c.Status != GrievanceDesk.Domain.Cases.CaseStatus.Merged);
        Console.WriteLine($"  data set: {total:N0} cases, {open:N0} open; week {week} = {week.Monday:yyyy-MM-dd}…{week.Sunday:yyyy-MM-dd}, year = {year.From:yyyy-MM-dd}…{year.To:yyyy-MM-dd}");
    }
}
