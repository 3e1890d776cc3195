using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Application.Stats.Rollup;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// The counters a save keeps beside the rows it writes, in the same transaction: the daily statistics rollup
/// (<see cref="DailyStats"/>, from the statistics events the aggregate records) and the cadres' open loads
/// (<see cref="CadreOpenLoad"/>, from the cases whose holder or openness changed). Each is an upsert that adds to the
/// row, so concurrent saves add up instead of overwriting each other.
/// </summary>
internal static class CounterRows
{
    public static int SaveWith(DbContext db, Func<int> save)
    {
        var upserts = Pending(db);
        if (upserts.Count == 0)
        {
            return save();
        }

        using var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        var saved = save();
        foreach (var (sql, args) in upserts)
        {
            db.Database.ExecuteSqlRaw(sql, args);
        }

        owned?.Commit();
        return saved;
    }

    public static async Task<int> SaveWithAsync(DbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var upserts = Pending(db);
        if (upserts.Count == 0)
        {
            return await save();
        }

        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var saved = await save();
        foreach (var (sql, args) in upserts)
        {
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }

        if (owned is not null)
        {
            await owned.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>Read before the save: afterwards the cases' original values are the saved ones.</summary>
    private static List<(string Sql, object[] Args)> Pending(DbContext db)
    {
        var rollup = DailyStats.Of(db.ChangeTracker.Entries<StatsEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            .Select(row => AddingUpsert(db, "DailyStats", [("ScopeUnitId", row.ScopeUnitId), ("Dimension", row.Dimension.ToString()), ("Day", row.Day), ("Key", row.Key)],
                [.. DailyStats.Counters.Select(c => (c.Column, (object)c.Get(row)))]));
        var loads = CadreOpenLoad.Changes(db.ChangeTracker.Entries<Case>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => (Before(e), After(e))))
            .Select(change => AddingUpsert(db, "CadreOpenLoads", [("UnitId", change.UnitId), ("CadreUserName", change.Cadre)], [("OpenCases", change.Delta)]));
        return [.. rollup, .. loads];
    }

    private static (int, string)? Before(EntityEntry<Case> e) => e.State == EntityState.Added
        ? null
        : CadreOpenLoad.HolderOf(
            e.Property(c => c.Status).OriginalValue, e.Property(c => c.UnitId).OriginalValue, e.Property(c => c.CadreUserName).OriginalValue);

    private static (int, string)? After(EntityEntry<Case> e) => e.State == EntityState.Deleted
        ? null
        : CadreOpenLoad.HolderOf(e.Entity.Status, e.Entity.UnitId, e.Entity.CadreUserName);

    /// <summary>
    /// An upsert adding the values to the row of the key: MERGE on SQL Server; ON CONFLICT on SQLite and PostgreSQL (the
    /// existing row's columns qualified by the table's name, which PostgreSQL requires and SQLite accepts).
    /// </summary>
    private static (string Sql, object[] Args) AddingUpsert(DbContext db, string table, (string Column, object Value)[] key, (string Column, object Value)[] added)
    {
        var columns = key.Concat(added).Select(c => c.Column).ToList();
        var args = key.Concat(added).Select(c => c.Value).ToArray();
        var values = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        if (db.Database.IsSqlServer())
        {
            return ($"""
                MERGE [{table}] WITH (HOLDLOCK) AS t
                USING (VALUES ({values})) AS s ({string.Join(", ", columns.Select(c => $"[{c}]"))})
                ON {string.Join(" AND ", key.Select(k => $"t.[{k.Column}] = s.[{k.Column}]"))}
                WHEN MATCHED THEN UPDATE SET {string.Join(", ", added.Select(c => $"[{c.Column}] = t.[{c.Column}] + s.[{c.Column}]"))}
                WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns.Select(c => $"[{c}]"))}) VALUES ({string.Join(", ", columns.Select(c => $"s.[{c}]"))});
                """, args);
        }

        return ($"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values})
            ON CONFLICT ({string.Join(", ", key.Select(k => $"\"{k.Column}\""))}) DO UPDATE SET {string.Join(", ", added.Select(c => $"\"{c.Column}\" = \"{table}\".\"{c.Column}\" + excluded.\"{c.Column}\""))};
            """, args);
    }
}
