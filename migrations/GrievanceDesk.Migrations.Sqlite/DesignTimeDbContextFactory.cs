using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace GrievanceDesk.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for the Sqlite provider without starting the app (no database needed to add a migration).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
