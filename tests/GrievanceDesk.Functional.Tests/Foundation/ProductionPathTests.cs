using System.Globalization;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>
/// No SQL Server runs here, so the production path is kept honest offline: the model builds with the SqlServer
/// provider, the migration script of every provider generates, and no provider's migrations lag behind the model.
/// (PostgreSQL also runs for real: GrievanceDesk.Functional.Tests.PostgreSql.)
/// </summary>
public sealed class ProductionPathTests
{
    private const string OfflineSqlServer = "Server=offline.invalid;Database=GrievanceDesk;User Id=sa;Password=x;TrustServerCertificate=True";
    private const string OfflinePostgreSql = "Host=offline.invalid;Database=grievancedesk;Username=grievancedesk;Password=x";

    [Fact]
    public void The_model_builds_with_the_sql_server_provider_and_its_migration_script_generates()
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, OfflineSqlServer));

        var script = db.GetService<IMigrator>().GenerateScript();

        script.ShouldContain("CREATE TABLE [Units]");
        script.ShouldContain("CREATE TABLE [AspNetUsers]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Units_Code]");
        db.Database.GenerateCreateScript().ShouldContain("[Version] int NOT NULL");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", "\"{0}\"", "INTEGER", "TEXT")]
    [InlineData(DatabaseProvider.SqlServer, OfflineSqlServer, "[{0}]", "int", "datetime2")]
    [InlineData(DatabaseProvider.PostgreSql, OfflinePostgreSql, "\"{0}\"", "integer", "timestamp with time zone")]
    public void The_migration_script_of_each_provider_generates_with_the_version_column_and_the_unique_keys(
        DatabaseProvider provider, string connectionString, string quoted, string intType, string instantType)
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(provider, connectionString));
        string Q(string name) => string.Format(CultureInfo.InvariantCulture, quoted, name);

        var script = db.GetService<IMigrator>().GenerateScript();

        script.ShouldContain($"CREATE TABLE {Q("Cases")}");
        script.ShouldContain($"{Q("Version")} {intType} NOT NULL"); // the concurrency token
        script.ShouldContain($"{Q("ReceivedAtUtc")} {instantType} NOT NULL"); // instants: UTC, timestamp with time zone on PostgreSQL
        // The keys that make escalation steps and outbox messages exactly-once, tracking numbers unique, intake idempotent.
        script.ShouldContain($"CREATE UNIQUE INDEX {Q("IX_CaseEscalations_CaseId_Step_DeadlineUtc")}");
        script.ShouldContain($"CREATE UNIQUE INDEX {Q("IX_OutboxMessages_IdempotencyKey")}");
        script.ShouldContain($"CREATE UNIQUE INDEX {Q("IX_Cases_TrackingNo")}");
        script.ShouldContain($"CONSTRAINT {Q("PK_IdempotencyKeys")} PRIMARY KEY");
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, OfflineSqlServer)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, OfflinePostgreSql)]
    public void Each_provider_has_migrations_for_every_change_of_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(provider, connectionString));

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run `dotnet ef migrations add` for {provider}");
    }
}
