using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Stats.Rollup;

/// <summary>
/// Freezes the stock (在办, 超期) at the end of each CST day once the day is over: per dimension, for the office and
/// within each unit, counted from the cases (<see cref="StatsQueries.StockByUnit"/>) as soon as the day has ended, so a
/// later reopen or close does not change what a past period's stock was.
/// </summary>
public sealed class StockSnapshots(IAppDbContext db, StatsRunner runner, TimeProvider clock)
{
    /// <summary>How many past days the nightly job looks back for a day it missed (an instance down over a weekend).</summary>
    public const int CatchUpDays = 14;

    /// <summary>Snapshots every day of the last <see cref="CatchUpDays"/> that is over and has no snapshot yet.</summary>
    public async Task<int> SnapshotDueDaysAsync(CancellationToken ct)
    {
        var yesterday = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var first = yesterday.AddDays(1 - CatchUpDays);
        var done = await db.StockSnapshotDays.Where(d => d.Day >= first && d.Day <= yesterday).Select(d => d.Day).ToListAsync(ct);
        var taken = 0;
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            if (!done.Contains(day))
            {
                await SnapshotAsync(day, ct);
                taken++;
            }
        }

        return taken;
    }

    /// <summary>(Re)writes the snapshot of one day that is over.</summary>
    public async Task SnapshotAsync(DateOnly day, CancellationToken ct)
    {
        var asOf = ChinaTime.StartOfDayUtc(day.AddDays(1));
        if (asOf > clock.GetUtcNow().UtcDateTime)
        {
            throw new InvalidOperationException($"{day} is not over yet: its stock cannot be frozen.");
        }

        var counted = await Task.WhenAll(Enum.GetValues<StatsDimension>().Select(async by =>
            (By: by, Rows: await runner.ListAsync(null, q => q.StockByUnit(asOf, by), ct))));

        var rows = new List<DailyStock>();
        foreach (var (by, stock) in counted)
        {
            // The office's rows (every unit and the queue together), then each unit's own.
            rows.AddRange(stock.GroupBy(r => r.Key ?? StatsTally.NoKey).Select(g => new DailyStock
            {
                ScopeUnitId = DailyStats.Office,
                Dimension = by,
                Day = day,
                Key = g.Key,
                Open = g.Sum(r => r.Open),
                Overdue = g.Sum(r => r.Overdue),
            }));
            rows.AddRange(stock.Where(r => r.UnitId is not null).GroupBy(r => (Unit: r.UnitId!.Value, Key: r.Key ?? StatsTally.NoKey)).Select(g => new DailyStock
            {
                ScopeUnitId = g.Key.Unit,
                Dimension = by,
                Day = day,
                Key = g.Key.Key,
                Open = g.Sum(r => r.Open),
                Overdue = g.Sum(r => r.Overdue),
            }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.DailyStock.Where(r => r.Day == day).ExecuteDeleteAsync(ct);
        await db.StockSnapshotDays.Where(d => d.Day == day).ExecuteDeleteAsync(ct);
        db.DailyStock.AddRange(rows);
        db.StockSnapshotDays.Add(new StockSnapshotDay { Day = day, TakenAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
