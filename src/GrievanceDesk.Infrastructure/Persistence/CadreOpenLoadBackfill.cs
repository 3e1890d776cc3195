using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// The cadres' open loads counted once from the cases (a migration on an existing database, the benchmark's seeder after
/// its bulk inserts); every save keeps them from then on (<see cref="CounterRows"/>). Plain SQL all three providers read
/// alike; the open statuses are <see cref="CaseStates.OpenStatuses"/>, stored by name.
/// </summary>
public static class CadreOpenLoadBackfill
{
    public static readonly string Sql =
        $"""
        INSERT INTO "CadreOpenLoads" ("UnitId", "CadreUserName", "OpenCases")
        SELECT "UnitId", "CadreUserName", COUNT(*) FROM "Cases"
        WHERE "Status" IN ({string.Join(", ", CaseStates.OpenStatuses.Select(s => $"'{s}'"))}) AND "UnitId" IS NOT NULL AND "CadreUserName" IS NOT NULL
        GROUP BY "UnitId", "CadreUserName"
        """;

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Sql);
    }
}
