using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>SQLite plans from statistics gathered at start (docs/search-and-scale.md): without them a unit's word search read every case of the unit.</summary>
public sealed class PlannerStatisticsTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task The_started_app_has_gathered_the_planners_statistics_for_the_case_indexes()
    {
        await app.SignedIn(As.Admin); // the app has started and initialised its database
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL gathers its own (autovacuum); the refresh must leave it alone without failing.
            await PlannerStatistics.RefreshAsync(db, CancellationToken.None);
            return;
        }

        // ANALYZE at start created the statistics table (an empty table gets no rows: the test database starts without cases).
        (await db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM "sqlite_master" WHERE "name" = 'sqlite_stat1'""").ToListAsync())
            .ShouldBe(["sqlite_stat1"]);

        // At the next start the statistics are only refreshed (PRAGMA optimize); the first gathering covers the case indexes.
        await app.CaseIn("in_progress");
        await PlannerStatistics.RefreshAsync(db, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync(PlannerStatistics.SqliteFirst);
        var indexes = await db.Database
            .SqlQueryRaw<string>("""SELECT "idx" AS "Value" FROM "sqlite_stat1" WHERE "tbl" = 'Cases' AND "idx" IS NOT NULL""")
            .ToListAsync();

        indexes.ShouldContain("IX_Cases_UnitId_RegisteredAtUtc");
        indexes.ShouldContain("IX_Cases_UnitId_Status_CadreUserName");
    }
}
