using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>
/// No SQL Server runs here, so the production path is kept honest offline: the model builds with the SqlServer
/// provider, its migration script generates, and neither provider's migrations lag behind the model.
/// </summary>
public sealed class ProductionPathTests
{
    private const string OfflineSqlServer = "Server=offline.invalid;Database=GrievanceDesk;User Id=sa;Password=x;TrustServerCertificate=True";

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
    [InlineData(DatabaseProvider.SqlServer, OfflineSqlServer)]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    public void Each_provider_has_migrations_for_every_change_of_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(provider, connectionString));

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run `dotnet ef migrations add` for {provider}");
    }
}
