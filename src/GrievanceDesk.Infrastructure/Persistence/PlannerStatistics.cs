using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// SQLite plans queries from the statistics in <c>sqlite_stat1</c>; without them it takes every equality on an indexed
/// column for a handful of rows. Over a million cases that sent a unit's word search through the unit's 150,000 cases,
/// probing the full-text index for each (1.8 s), where the statistics let it read the matches and look each case up by
/// key (20 ms). Gathered at each start, on a sample of each index (<c>analysis_limit</c>), so it takes under a second
/// at a million cases. SQL Server and PostgreSQL keep their statistics themselves.
/// </summary>
public static class PlannerStatistics
{
    public const string SqliteRefresh = "PRAGMA analysis_limit=1000; ANALYZE;";

    public static async Task RefreshAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqliteRefresh, ct);
        }
    }
}
