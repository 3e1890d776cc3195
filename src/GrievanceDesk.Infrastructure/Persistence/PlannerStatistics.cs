using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// SQLite plans queries from the statistics in <c>sqlite_stat1</c>; without them it takes every equality on an indexed
/// column for a handful of rows. Over a million cases that sent a unit's word search through the unit's 150,000 cases,
/// probing the full-text index for each (1.8 s), where the statistics let it read the matches and look each case up by
/// key. Gathered at start on a sample of each index (<c>analysis_limit</c>): the first time in full (1–5 s at a million
/// cases), afterwards by <c>PRAGMA optimize</c>, which analyses again only the tables that have changed enough to need it
/// (milliseconds otherwise). SQL Server and PostgreSQL keep their statistics themselves.
/// </summary>
public static class PlannerStatistics
{
    public const string SqliteFirst = "PRAGMA analysis_limit=1000; ANALYZE;";
    public const string SqliteAgain = "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";

    public static async Task RefreshAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var gathered = await db.Database
            .SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "sqlite_master" WHERE "name" = 'sqlite_stat1'""")
            .SingleAsync(ct) > 0;
        await db.Database.ExecuteSqlRawAsync(gathered ? SqliteAgain : SqliteFirst, ct);
    }
}
