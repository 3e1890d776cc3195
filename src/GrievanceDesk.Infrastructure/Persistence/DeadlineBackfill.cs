using Microsoft.EntityFrameworkCore.Migrations;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// Hand-written SQL of the issue-12 migration (SQLite and SQL Server alike), for rows written before it:
/// a paused case holds no current deadline (CaseStates.CurrentDeadline), so its stored copy DueAtUtc is cleared; and the
/// clock starts that the deadlines are now counted from are filled where they are known for certain (first round).
/// </summary>
public static class DeadlineBackfill
{
    public static readonly IReadOnlyList<string> Statements =
    [
        "UPDATE Cases SET DueAtUtc = NULL WHERE IsPaused = 1",
        "UPDATE Cases SET AcceptStartedAtUtc = ReceivedAtUtc WHERE AcceptStartedAtUtc IS NULL AND ReopenCount = 0",
        "UPDATE Cases SET HandleStartedAtUtc = AcceptedAtUtc WHERE HandleStartedAtUtc IS NULL AND AcceptedAtUtc IS NOT NULL AND ReopenCount = 0",
    ];

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in Statements)
        {
            migrationBuilder.Sql(statement);
        }
    }
}
