using GrievanceDesk.Application.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// Readiness that tells the truth: the database must take a write, not only answer a read. The probe is an UPDATE
/// that matches no row — it needs a write transaction (so a read-only file, a full disk, a read-only replica or a
/// revoked permission fail it) and changes nothing.
/// </summary>
public sealed class DatabaseWritableCheck(AppDbContext db) : IHealthCheck
{
    public const string Name = "database-writable";

    private const string Probe = "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE 1 = 0";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(Probe, cancellationToken);
            return HealthCheckResult.Healthy("数据库可写 (the database takes writes).");
        }
        catch (Exception e) when (e is SqliteException or Microsoft.Data.SqlClient.SqlException or InvalidOperationException)
        {
            var cause = DatabaseErrors.Translate(e) is DatabaseUnavailableException unavailable ? unavailable.Cause : e.Message;
            return HealthCheckResult.Unhealthy($"数据库不可写：{cause}", e);
        }
    }
}
