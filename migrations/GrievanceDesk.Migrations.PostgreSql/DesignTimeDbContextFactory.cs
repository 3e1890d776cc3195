using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace GrievanceDesk.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model for the PostgreSql provider without starting the app (no database needed to add a migration).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=grievancedesk;Username=grievancedesk"));
}
