using GrievanceDesk.Application.Stats.Rollup;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GrievanceDesk.Infrastructure.Stats;

/// <summary>
/// Keeps the daily rollup in step with the statistics events: a save that adds events adds their counts to the
/// rollup rows in the same transaction (one begun here when the caller has none), by atomic upserts
/// (<c>count = count + n</c>), so concurrent saves never lose an increment and a failed save leaves neither.
/// </summary>
internal static class StatsRollupWriter
{
    public static int SaveWithRollup(DbContext db, Func<int> save)
    {
        var rows = Pending(db);
        if (rows.Count == 0)
        {
            return save();
        }

        using var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        var saved = save();
        foreach (var row in rows)
        {
            var (sql, args) = Upsert(db, row);
            db.Database.ExecuteSqlRaw(sql, args);
        }

        owned?.Commit();
        return saved;
    }

    public static async Task<int> SaveWithRollupAsync(DbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var rows = Pending(db);
        if (rows.Count == 0)
        {
            return await save();
        }

        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var saved = await save();
        foreach (var row in rows)
        {
            var (sql, args) = Upsert(db, row);
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }

        if (owned is not null)
        {
            await owned.CommitAsync(ct);
        }

        return saved;
    }

    private static List<DailyStats> Pending(DbContext db) =>
        [.. DailyStats.Of(db.ChangeTracker.Entries<StatsEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))];

    /// <summary>
    /// An upsert adding the row's counts: MERGE on SQL Server; ON CONFLICT on SQLite and PostgreSQL (the existing row's
    /// columns qualified by the table's name, which PostgreSQL requires and SQLite accepts).
    /// </summary>
    private static (string Sql, object[] Args) Upsert(DbContext db, DailyStats row)
    {
        var counters = DailyStats.Counters;
        var args = new List<object> { row.ScopeUnitId, row.Dimension.ToString(), row.Day, row.Key };
        args.AddRange(counters.Select(c => (object)c.Get(row)));
        var columns = new[] { "ScopeUnitId", "Dimension", "Day", "Key" }.Concat(counters.Select(c => c.Column)).ToList();
        var values = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        if (db.Database.IsSqlServer())
        {
            return ($"""
                MERGE [DailyStats] WITH (HOLDLOCK) AS t
                USING (VALUES ({values})) AS s ({string.Join(", ", columns.Select(c => $"[{c}]"))})
                ON t.[ScopeUnitId] = s.[ScopeUnitId] AND t.[Dimension] = s.[Dimension] AND t.[Day] = s.[Day] AND t.[Key] = s.[Key]
                WHEN MATCHED THEN UPDATE SET {string.Join(", ", counters.Select(c => $"[{c.Column}] = t.[{c.Column}] + s.[{c.Column}]"))}
                WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES ({string.Join(", ", columns.Select(c => $"s.[{c}]"))});
                """, [.. args]);
        }

        return ($"""
            INSERT INTO "DailyStats" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values})
            ON CONFLICT ("ScopeUnitId", "Dimension", "Day", "Key") DO UPDATE SET {string.Join(", ", counters.Select(c => $"\"{c.Column}\" = \"DailyStats\".\"{c.Column}\" + excluded.\"{c.Column}\""))};
            """, [.. args]);
    }
}
